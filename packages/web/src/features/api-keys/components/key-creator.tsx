import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { KeyCreator_ApiKeyFragment, KeyCreatorKind } from '../../../gql/graphql';

export const KeyCreatorApiKeyFragment = graphql(`
  fragment KeyCreator_apiKey on ApiKey {
    createdBy {
      kind
      id
      label
      accountSlug
    }
  }
`);

/** One creator, as the list filter and the URL hold it. */
export type CreatorChoice = { kind: KeyCreatorKind; id: string; label: string };

type KeyCreatorProps = {
  apiKey: KeyCreator_ApiKeyFragment;
  /** When given, the creator's label filters the list by that creator. */
  onFilter?: (creator: CreatorChoice) => void;
};

/** Who generated a key: a member's email, or a key identifier (an external key names its account). */
export const KeyCreator = ({ apiKey, onFilter }: KeyCreatorProps) => {
  const { t } = useTranslation();
  const creator = apiKey.createdBy;
  if (!creator) {
    return (
      <Text size="sm" c="dimmed" data-testid="key-creator">
        {t('createdBy.unknown')}
      </Text>
    );
  }
  const label =
    creator.kind === 'USER' ? (
      <Text size="sm" span>
        {creator.label}
      </Text>
    ) : (
      <Text size="sm" ff="monospace" span>
        {creator.label}
      </Text>
    );
  return (
    <Stack gap={2} data-testid="key-creator" data-kind={creator.kind}>
      <Group gap={4} wrap="nowrap">
        {onFilter ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            title={t('createdBy.filter.show', { label: creator.label })}
            aria-label={t('createdBy.filter.show', { label: creator.label })}
            onClick={() => onFilter({ kind: creator.kind, id: creator.id, label: creator.label })}
          >
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Group>
      <Group gap={4}>
        <Badge
          size="xs"
          variant="light"
          color={creator.kind === 'EXTERNAL_KEY' ? 'orange' : 'gray'}
          tt="none"
        >
          {t(`createdBy.kind.${creator.kind}`)}
        </Badge>
        {creator.kind === 'EXTERNAL_KEY' && creator.accountSlug && (
          <Text size="xs" c="dimmed">
            {t('createdBy.externalOf', { account: creator.accountSlug })}
          </Text>
        )}
      </Group>
    </Stack>
  );
};
