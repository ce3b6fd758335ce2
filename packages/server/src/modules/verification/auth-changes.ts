import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { withConflictRetry } from '../../common/transaction-retry.js';
import type { AuthCache } from './auth-cache.js';
import { AuthCacheVersion } from './auth-cache-version.entity.js';

const CHANNEL = 'keyward:auth-changes';
const POLL_MS = 250;

type Change = { apiKeyIds: string[] } | { all: true };

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
      this.subscriber.on('ready', () => this.cache.clear());
      this.subscriber.on('message', (_channel: string, message: string) => this.apply(message));
      this.subscriber.on('error', () => this.cache.clear());
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

  keysChanged(apiKeyIds: readonly string[]): Promise<void> {
    return this.announce({ apiKeyIds: [...apiKeyIds] });
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
      this.cache.clear();
    }
  }

  private applyChange(change: Change): void {
    if ('all' in change) this.cache.clear();
    else this.cache.invalidateKeys(change.apiKeyIds);
  }

  private async poll(): Promise<void> {
    try {
      const version = await this.readVersion();
      if (version !== this.knownVersion) {
        this.knownVersion = version;
        this.cache.clear();
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
