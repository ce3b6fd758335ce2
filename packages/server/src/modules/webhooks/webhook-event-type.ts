import { registerEnumType } from 'type-graphql';
import type { LifecycleEventType } from './lifecycle-event.js';

/** The lifecycle event types as a GraphQL enum (GraphQL names cannot hold dots). */
export enum WebhookEventType {
  KEY_CREATED = 'key.created',
  KEY_UPDATED = 'key.updated',
  KEY_DEACTIVATED = 'key.deactivated',
  KEY_ACTIVATED = 'key.activated',
  KEY_DELETED = 'key.deleted',
  TOKEN_RENEWED = 'token.renewed',
  TOKEN_OLD_DELETED = 'token.old_deleted',
  RENEWAL_UNDONE = 'renewal.undone',
  KEY_EXPIRING = 'key.expiring',
  KEY_LEAKED = 'key.leaked',
  EXTERNAL_KEY_ADDED = 'external_key.added',
  EXTERNAL_KEY_REMOVED = 'external_key.removed',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'A lifecycle event; receivers see it as e.g. `key.created` (X-Keyward-Event).',
});

// Both lists name the same events: a type added to one and not the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const sameEventTypes: Same<`${WebhookEventType}`, LifecycleEventType> = true;
