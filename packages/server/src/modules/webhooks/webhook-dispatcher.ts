import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { addMs, DAY_MS, type Clock } from '../../common/clock.js';
import { sqlTimestamp } from '../../common/keyset.js';
import { withConflictRetry } from '../../common/transaction-retry.js';
import { ApiKeySettings } from '../settings/api-key-settings.entity.js';
import { describeFailure, signWebhookBody } from '../settings/reminder-delivery.js';
import type { EgressPolicy } from './egress-policy.js';
import { safeWebhookPost, type WebhookOutcome } from './safe-webhook-post.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEvent } from './webhook-event.entity.js';
import { webhookHost } from './webhook-url.js';

/** Pauses after the 1st, 2nd … failed attempt; the last one repeats until the window ends. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
export const retryDelayMs = (attempts: number): number =>
  RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]!;

/** Delivery rows (and their events) are kept this long. */
export const DELIVERY_RETENTION_MS = 30 * DAY_MS;

export interface DispatcherLimits {
  /** Due deliveries read per run. */
  batchSize: number;
  /** Deliveries in flight at once: a slow receiver holds one slot, not the run. */
  concurrency: number;
  /** Longer than any one attempt (the egress policy's total timeout), so claims never overlap. */
  claimMs: number;
}

const DEFAULT_LIMITS: DispatcherLimits = { batchSize: 100, concurrency: 8, claimMs: 2 * 60_000 };

/**
 * Sends due lifecycle webhooks. A delivery is taken by an UPDATE matching it only while it is
 * due, unclaimed and still at the attempt count that was read, so of several servers exactly one
 * sends each attempt; an attempt cut short (a crash) is taken over once its claim expires.
 */
export class WebhookDispatcher {
  private stopping = false;
  private readonly limits: DispatcherLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly egress: EgressPolicy,
    private readonly logger: Pick<Logger, 'warn'> | null = null,
    limits: Partial<DispatcherLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Shutdown: no new claim; attempts in flight finish (or their claim expires and they rerun). */
  stop(): void {
    this.stopping = true;
  }

  /** Sends what is due; returns how many were delivered. */
  async runOnce(): Promise<number> {
    if (this.stopping) return 0;
    const now = this.clock();
    const due = await this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.status = :pending AND d.nextAttemptAt <= :now', {
        pending: WebhookDeliveryStatus.PENDING,
        now: sqlTimestamp(now),
      })
      .andWhere('(d.claimedUntil IS NULL OR d.claimedUntil < :now)')
      .orderBy('d.nextAttemptAt', 'ASC')
      .limit(this.limits.batchSize)
      .getMany();
    let delivered = 0;
    let next = 0;
    const worker = async () => {
      while (!this.stopping && next < due.length) {
        const delivery = due[next++]!;
        if (!(await this.claim(delivery))) continue;
        if (await this.attempt(delivery)) delivered += 1;
      }
    };
    await Promise.all(Array.from({ length: this.limits.concurrency }, worker));
    return delivered;
  }

  /** Deliveries (and events) older than the retention period. */
  async purgeOld(): Promise<void> {
    const before = sqlTimestamp(addMs(this.clock(), -DELIVERY_RETENTION_MS));
    await this.write(() =>
      this.dataSource
        .createQueryBuilder()
        .delete()
        .from(WebhookDelivery)
        .where('createdAt < :before', { before })
        .execute(),
    );
    await this.write(() =>
      this.dataSource
        .createQueryBuilder()
        .delete()
        .from(WebhookEvent)
        .where('createdAt < :before', { before })
        .execute(),
    );
  }

  private async claim(delivery: WebhookDelivery): Promise<boolean> {
    const now = this.clock();
    const result = await this.write(() =>
      this.dataSource
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ claimedUntil: addMs(now, this.limits.claimMs) })
        .where('id = :id AND status = :pending AND attempts = :attempts', {
          id: delivery.id,
          pending: WebhookDeliveryStatus.PENDING,
          attempts: delivery.attempts,
        })
        .andWhere('nextAttemptAt <= :now', { now: sqlTimestamp(now) })
        .andWhere('(claimedUntil IS NULL OR claimedUntil < :now)')
        .execute(),
    );
    return result.affected === 1;
  }

  private async attempt(delivery: WebhookDelivery): Promise<boolean> {
    const [endpoint, event, settings] = await Promise.all([
      this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id: delivery.endpointId }),
      this.dataSource.getRepository(WebhookEvent).findOneBy({ id: delivery.eventId }),
      this.dataSource.getRepository(ApiKeySettings).findOneBy({ accountId: delivery.accountId }),
    ]);
    // Gone with its endpoint or event (deleted meanwhile): nothing left to send.
    if (!endpoint || !event) return false;
    const now = this.clock();
    const secret = settings?.webhookSigningSecret;
    const outcome: WebhookOutcome =
      endpoint.active && secret
        ? await this.post(endpoint.url, secret, event)
        : { delivered: false, status: null, failure: 'refused' };
    if (!outcome.delivered) {
      this.logger?.warn(
        {
          deliveryId: delivery.id,
          accountId: delivery.accountId,
          webhookHost: webhookHost(endpoint.url),
          failure: endpoint.active ? outcome.failure : 'inactive',
          status: outcome.status,
        },
        outcome.failure === 'refused'
          ? 'Lifecycle webhook refused (inactive endpoint, or the egress policy: private receivers need KEYWARD_WEBHOOK_ALLOW)'
          : 'Lifecycle webhook not delivered',
      );
    }
    const attempts = delivery.attempts + 1;
    // Timed from the attempt's start, not its end: how long a receiver took (a timeout against a
    // quick refusal) must not show through lastAttemptAt and nextAttemptAt.
    const nextAttemptAt = addMs(now, retryDelayMs(attempts));
    const status = outcome.delivered
      ? WebhookDeliveryStatus.DELIVERED
      : nextAttemptAt > delivery.retryUntil
        ? WebhookDeliveryStatus.FAILED
        : WebhookDeliveryStatus.PENDING;
    await this.write(() =>
      this.dataSource.getRepository(WebhookDelivery).update(
        { id: delivery.id, attempts: delivery.attempts },
        {
          attempts,
          status,
          lastAttemptAt: now,
          lastResponseStatus: outcome.status,
          lastError: outcome.delivered ? null : describeFailure(outcome),
          deliveredAt: outcome.delivered ? now : null,
          nextAttemptAt: outcome.delivered ? now : nextAttemptAt,
          claimedUntil: null,
        },
      ),
    );
    return outcome.delivered;
  }

  /** Signed as reminders are; the event id lets receivers drop a repeat (a resend or a retry). */
  private post(url: string, secret: string, event: WebhookEvent): Promise<WebhookOutcome> {
    const timestamp = String(Math.floor(this.clock().getTime() / 1000));
    return safeWebhookPost(
      this.egress,
      url,
      {
        'content-type': 'application/json',
        'x-keyward-timestamp': timestamp,
        'x-keyward-signature': signWebhookBody(secret, timestamp, event.payload),
        'x-keyward-event-id': event.id,
        'x-keyward-event': event.type,
      },
      event.payload,
    );
  }

  /** On a multi-primary cluster a racing claim fails at commit; it runs again and loses. */
  private write<T>(statement: () => Promise<T>): Promise<T> {
    return withConflictRetry(this.dataSource, statement);
  }
}
