import type { EntityManager } from 'typeorm';

/** Events an account can subscribe webhook endpoints to (issue 18, W1). */
export const LIFECYCLE_EVENT_TYPES = [
  'key.created',
  'key.updated',
  'key.deactivated',
  'key.activated',
  'key.deleted',
  'token.renewed',
  'token.old_deleted',
  'renewal.undone',
  'key.expiring',
  'key.leaked',
  'external_key.added',
  'external_key.removed',
] as const;

export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

export interface LifecycleEvent {
  type: LifecycleEventType;
  /** The account whose subscribers hear of it. */
  accountId: string;
  /** What receivers get under `data`: identifiers and names, never a token. */
  data: Record<string, unknown>;
}

/**
 * Records an event in the caller's transaction, so it is delivered if and only if the change
 * commits. Placeholder until the delivery outbox lands: it records nothing yet.
 */
export const recordLifecycleEvent = async (
  _manager: EntityManager,
  _event: LifecycleEvent,
): Promise<void> => {};
