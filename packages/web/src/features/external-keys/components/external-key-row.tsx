import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { ExternalKeyRow_ExternalKeyFragment } from '../../../gql/graphql';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { useFormatters } from '../../../lib/use-formatters';
import { StatusBadge } from '../../../components/status-badge';
import { ExternalKeyActionMenu, type ExternalKeyActionKind } from './external-key-action-menu';

export const ExternalKeyRowExternalKeyFragment = graphql(`
  fragment ExternalKeyRow_externalKey on ExternalKey {
    id
    key
    status
    addedAt
    ownerAccount {
      id
      slug
      name
    }
    roles {
      id
      name
    }
    viewerLacks {
      key
      name
    }
    keysCreatedHere
    ...EditExternalKeyModal_externalKey
  }
`);

type ExternalKeyRowProps = {
  externalKey: ExternalKeyRow_ExternalKeyFragment;
  canEdit: boolean;
  onAction: (kind: ExternalKeyActionKind, externalKey: ExternalKeyRow_ExternalKeyFragment) => void;
};

export const ExternalKeyRow = ({ externalKey, canEdit, onAction }: ExternalKeyRowProps) => {
  const { t } = useTranslation();
  const lackReason = useAuthorityReason(externalKey.viewerLacks);
  const { formatDate } = useFormatters();
  const { ownerAccount } = externalKey;
  return (
    <Table.Tr data-testid="external-key-row" data-key={externalKey.key}>
      <Table.Td>
        <Text ff="monospace" size="sm">
          {externalKey.key}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">{ownerAccount.name}</Text>
          {ownerAccount.name !== ownerAccount.slug && (
            <Text size="xs" c="dimmed" ff="monospace">
              {ownerAccount.slug}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {externalKey.roles.length > 0 ? (
          <Group gap={4}>
            {externalKey.roles.map((role) => (
              <Badge key={role.id} variant="outline" size="sm" tt="none">
                {role.name}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('keys.noRoles')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <time dateTime={externalKey.addedAt}>{formatDate(externalKey.addedAt)}</time>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={externalKey.status} />
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <ExternalKeyActionMenu
            keyIdentifier={externalKey.key}
            lackReason={lackReason}
            onAction={(kind) => onAction(kind, externalKey)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
};
