import type { EntityManager } from 'typeorm';
import { DAY_MS, addMs } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import { Account } from '../accounts/account.entity.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import type { WebhookEventType } from './webhook-event-type.js';
import { WebhookEvent } from './webhook-event.entity.js';

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
  /** When it happened (the service's clock); now by default. */
  occurredAt?: Date;
}

/** Deliveries are retried for this long after the event (or after a resend). */
export const RETRY_WINDOW_MS = DAY_MS;

/** What a receiver gets, byte for byte, as the POST body. */
export interface LifecycleEventBody {
  id: string;
  type: LifecycleEventType;
  createdAt: string;
  /** The account's slug. */
  account: string;
  data: Record<string, unknown>;
}

/**
 * Records an event in the caller's transaction (a transactional outbox), with one delivery per
 * active endpoint of the account subscribed to its type: it is delivered if and only if the
 * change commits. Nothing is written when no endpoint listens.
 */
export const recordLifecycleEvent = async (
  manager: EntityManager,
  event: LifecycleEvent,
): Promise<void> => {
  const endpoints = await manager.getRepository(WebhookEndpoint).find({
    select: { id: true, eventTypesList: true },
    where: { accountId: event.accountId, active: true },
  });
  const listening = endpoints.filter((endpoint) =>
    endpoint.eventTypesList.split(',').includes(event.type),
  );
  if (listening.length === 0) return;
  const account = await manager
    .getRepository(Account)
    .findOneOrFail({ select: { id: true, slug: true }, where: { id: event.accountId } });
  const createdAt = event.occurredAt ?? new Date();
  const body: LifecycleEventBody = {
    id: newId(),
    type: event.type,
    createdAt: createdAt.toISOString(),
    account: account.slug,
    data: event.data,
  };
  await manager.insert(WebhookEvent, {
    id: body.id,
    accountId: event.accountId,
    type: event.type,
    payload: JSON.stringify(body),
    createdAt,
  });
  await manager.insert(
    WebhookDelivery,
    listening.map((endpoint) => ({
      id: newId(),
      accountId: event.accountId,
      endpointId: endpoint.id,
      eventId: body.id,
      eventType: event.type as WebhookEventType,
      status: WebhookDeliveryStatus.PENDING,
      attempts: 0,
      lastResponseStatus: null,
      lastError: null,
      nextAttemptAt: createdAt,
      retryUntil: addMs(createdAt, RETRY_WINDOW_MS),
      claimedUntil: null,
      lastAttemptAt: null,
      deliveredAt: null,
      createdAt,
    })),
  );
};
