import type { WebhookEventType } from '../../../gql/graphql';

export type WebhookEventGroup = 'keys' | 'tokens' | 'externalKeys';

/** The events an endpoint can subscribe to, grouped as the form shows them. */
export const webhookEventGroups: { group: WebhookEventGroup; types: WebhookEventType[] }[] = [
  {
    group: 'keys',
    types: [
      'KEY_CREATED',
      'KEY_UPDATED',
      'KEY_ACTIVATED',
      'KEY_DEACTIVATED',
      'KEY_DELETED',
      'KEY_LEAKED',
    ],
  },
  {
    group: 'tokens',
    types: ['TOKEN_RENEWED', 'TOKEN_OLD_DELETED', 'RENEWAL_UNDONE', 'KEY_EXPIRING'],
  },
  { group: 'externalKeys', types: ['EXTERNAL_KEY_ADDED', 'EXTERNAL_KEY_REMOVED'] },
];
