import { Redis } from 'ioredis';
import { In, type DataSource } from 'typeorm';
import { withConflictRetry } from '../../common/transaction-retry.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';
import type { AuthCache } from './auth-cache.js';
import { AuthCacheVersion } from './auth-cache-version.entity.js';

const CHANNEL = 'keyward:auth-changes';
const POLL_MS = 250;

type Change =
  | { apiKeyIds: string[]; accountIds?: string[] }
  | { all: true }
  | { blocked: string; seconds: number };

/**
 * What this server learnt changed, for the change stream (GET /api/keys/changes): key ids, or
 * `reset` when what changed is unknown or wide (roles, settings, a polled version, a lost
 * Redis connection) and every entry held anywhere must go.
 */
export type AuthChangeEvent =
  /** `accountIds`: the accounts whose verifications of these keys may change (all when absent). */
  | { type: 'keys'; apiKeyIds: string[]; accountIds?: string[] }
  | { type: 'reset' }
  /** A source (client address) blocked by the throttle: its right tokens are refused too. */
  | { type: 'blocked'; source: string; seconds: number };

/**
 * Tells every server that something a cached verification depends on has changed.
 * This server's cache drops the entries at once; others hear it through Redis pub/sub
 * (selectively) when REDIS_URL is set, or see the database version move (and drop
 * everything) within a poll interval otherwise.
 */
export class AuthChanges {
  private subscriber: Redis | null = null;
  private publisher: Redis | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private knownVersion: string | null = null;
  private readonly listeners = new Set<(event: AuthChangeEvent) => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: AuthCache,
    private readonly redisUrl: string | null,
  ) {}

  async start(): Promise<void> {
    if (this.redisUrl) {
      this.publisher = new Redis(this.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
      this.subscriber = new Redis(this.redisUrl, { lazyConnect: false });
      // Messages missed while disconnected are unknowable: start clean after a reconnect.
      this.subscriber.on('ready', () => this.reset());
      this.subscriber.on('message', (_channel: string, message: string) => this.apply(message));
      this.subscriber.on('error', () => this.reset());
      await this.subscriber.subscribe(CHANNEL);
      return;
    }
    this.knownVersion = await this.readVersion();
    this.pollTimer = setInterval(() => void this.poll(), POLL_MS);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  /** Every change this server learns of, in the order it learns them; returns the unsubscribe. */
  onChange(listener: (event: AuthChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AuthChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private reset(): void {
    this.cache.clear();
    this.emit({ type: 'reset' });
  }

  /**
   * `accountIds`: every account where a verification of these keys may change (the change
   * stream passes the event to followers of those accounts only); all accounts when absent.
   */
  keysChanged(apiKeyIds: readonly string[], accountIds?: readonly string[]): Promise<void> {
    return this.announce({
      apiKeyIds: [...apiKeyIds],
      ...(accountIds ? { accountIds: [...new Set(accountIds)] } : {}),
    });
  }

  /** A committed change to one key, announced to its own account and every account granting it. */
  async keyChanged(apiKeyId: string, ownerAccountId: string): Promise<void> {
    const accounts = await this.grantAccountsOf([apiKeyId]);
    await this.keysChanged([apiKeyId], [ownerAccountId, ...accounts]);
  }

  /** The accounts that granted these keys roles (their own included). */
  async grantAccountsOf(apiKeyIds: readonly string[]): Promise<string[]> {
    if (apiKeyIds.length === 0) return [];
    const grants = await this.dataSource
      .getRepository(KeyGrant)
      .find({ select: { accountId: true }, where: { apiKeyId: In([...apiKeyIds]) } });
    return [...new Set(grants.map((grant) => grant.accountId))];
  }

  /**
   * A source was blocked here: followers of every server hear it through Redis; without Redis
   * each server throttles alone, so only this server's followers do (no database write).
   */
  sourceBlocked(source: string, seconds: number): Promise<void> {
    const change = { blocked: source, seconds };
    this.applyChange(change);
    return this.publisher
      ? this.publisher.publish(CHANNEL, JSON.stringify(change)).then(() => undefined)
      : Promise.resolve();
  }

  /** Roles or account settings changed: any key may be affected. */
  everythingChanged(): Promise<void> {
    return this.announce({ all: true });
  }

  private async announce(change: Change): Promise<void> {
    this.applyChange(change);
    if (this.publisher) {
      await this.publisher.publish(CHANNEL, JSON.stringify(change));
      return;
    }
    // One hot row every server bumps: on a multi-primary cluster concurrent bumps from different
    // nodes fail certification, and a lost bump would leave other servers' caches stale.
    await withConflictRetry(this.dataSource, () =>
      this.dataSource
        .createQueryBuilder()
        .update(AuthCacheVersion)
        .set({ version: () => 'version + 1' })
        .where('id = 1')
        .execute(),
    );
  }

  private apply(message: string): void {
    try {
      this.applyChange(JSON.parse(message) as Change);
    } catch {
      this.reset();
    }
  }

  private applyChange(change: Change): void {
    if ('blocked' in change) {
      this.emit({ type: 'blocked', source: change.blocked, seconds: change.seconds });
      return;
    }
    if ('all' in change) {
      this.reset();
      return;
    }
    this.cache.invalidateKeys(change.apiKeyIds);
    this.emit({
      type: 'keys',
      apiKeyIds: change.apiKeyIds,
      ...(change.accountIds ? { accountIds: change.accountIds } : {}),
    });
  }

  private async poll(): Promise<void> {
    try {
      const version = await this.readVersion();
      if (version !== this.knownVersion) {
        this.knownVersion = version;
        this.reset();
      }
    } catch {
      // Database unreachable: nothing can be verified from it either; keep polling.
    }
  }

  private async readVersion(): Promise<string | null> {
    const row = await this.dataSource.getRepository(AuthCacheVersion).findOneBy({ id: 1 });
    return row ? String(row.version) : null;
  }
}
