import { Stack, Table, Text } from '@mantine/core';
import { graphql } from '../../../gql';
import type { ExternalKeyRow_ExternalKeyFragment } from '../../../gql/graphql';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { useFormatters } from '../../../lib/use-formatters';
import { StatusBadge } from '../../../components/status-badge';
import { ExternalKeyActionMenu, type ExternalKeyActionKind } from './external-key-action-menu';
import { RoleBadges } from '../../../components/role-badges';

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
    keysCreatedHereViewerLacks {
      key
      name
    }
    ...EditExternalKeyModal_externalKey
  }
`);

type ExternalKeyRowProps = {
  externalKey: ExternalKeyRow_ExternalKeyFragment;
  canEdit: boolean;
  onAction: (kind: ExternalKeyActionKind, externalKey: ExternalKeyRow_ExternalKeyFragment) => void;
};

export const ExternalKeyRow = ({ externalKey, canEdit, onAction }: ExternalKeyRowProps) => {
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
        <RoleBadges roles={externalKey.roles} />
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
