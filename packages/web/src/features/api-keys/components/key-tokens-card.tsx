import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { KeyTokensCard_ApiKeyFragment } from '../../../gql/graphql';
import { useRelativeTime } from '../../../lib/relative-time';
import { useFormatters } from '../../../lib/use-formatters';

export const KeyTokensCardApiKeyFragment = graphql(`
  fragment KeyTokensCard_apiKey on ApiKey {
    id
    tokens {
      id
      createdAt
      expiresAt
      lastUsedAt
      lastUsedIp
    }
  }
`);

/** Each live token: its age and last use; both tokens while a renewal is pending. */
export const KeyTokensCard = ({ apiKey }: { apiKey: KeyTokensCard_ApiKeyFragment }) => {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters();
  const relative = useRelativeTime();
  const renewing = apiKey.tokens.length > 1;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="key-tokens-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="key-tokens-title">
          {t('keyDetail.tokens.title')}
        </Title>
        <Table aria-labelledby="key-tokens-title" data-testid="key-tokens">
          <Table.Tbody>
            {apiKey.tokens.map((token, index) => (
              <Table.Tr key={token.id} data-testid="key-token">
                <Table.Th scope="row">
                  {renewing
                    ? index === 0
                      ? t('tokens.oldToken')
                      : t('tokens.newToken')
                    : t('keyDetail.tokens.current')}
                </Table.Th>
                <Table.Td>
                  <Text size="sm">
                    {t('keyDetail.tokens.issued', {
                      date: formatDate(token.createdAt),
                      relative: relative(token.createdAt),
                    })}
                  </Text>
                  {token.expiresAt && (
                    <Text size="xs" c="dimmed">
                      {t('tokens.oldTokenDies', { relative: relative(token.expiresAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {token.lastUsedAt
                      ? token.lastUsedIp
                        ? t('tokens.lastUsedFrom', {
                            date: formatDateTime(token.lastUsedAt),
                            ip: token.lastUsedIp,
                          })
                        : t('tokens.lastUsed', { date: formatDateTime(token.lastUsedAt) })
                      : t('tokens.neverUsed')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
};
