import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/** P2: successful uses a key may make per minute and per UTC day (null: no limit on that window). */
export interface UseBudget {
  perMinute: number | null;
  perDay: number | null;
}

export const MAX_USES_PER_MINUTE = 1_000_000;
export const MAX_USES_PER_DAY = 1_000_000_000;

/** Where the counts live: one store shared by every server (redis, database) or this process's. */
export type UseBudgetStoreKind = 'redis' | 'database' | 'memory';

/** One fixed window of a budget: its id (`m<minute>`, `d<day>`), its limit and its end (ms). */
export interface UseWindow {
  id: string;
  limit: number;
  endsAt: number;
}

/**
 * Counts a use in every window if none is full, atomically; answers the end of the first full
 * window otherwise (nothing counted: a refused use does not eat the day's budget).
 */
interface UseCounterStore {
  take(apiKeyId: string, windows: readonly UseWindow[], now: number): Promise<number | null>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const windowsOf = (budget: UseBudget, now: number): UseWindow[] => {
  const windows: UseWindow[] = [];
  if (budget.perMinute !== null) {
    const minute = Math.floor(now / MINUTE_MS);
    windows.push({ id: `m${minute}`, limit: budget.perMinute, endsAt: (minute + 1) * MINUTE_MS });
  }
  if (budget.perDay !== null) {
    const day = Math.floor(now / DAY_MS);
    windows.push({ id: `d${day}`, limit: budget.perDay, endsAt: (day + 1) * DAY_MS });
  }
  return windows;
};

class MemoryCounterStore implements UseCounterStore {
  private readonly counts = new Map<string, { uses: number; endsAt: number }>();
  private sweptAt = 0;

  take(apiKeyId: string, windows: readonly UseWindow[], now: number): Promise<number | null> {
    this.sweep(now);
    for (const window of windows) {
      const count = this.counts.get(`${apiKeyId}:${window.id}`);
      if (count && count.uses >= window.limit) return Promise.resolve(window.endsAt);
    }
    for (const window of windows) {
      const name = `${apiKeyId}:${window.id}`;
      const count = this.counts.get(name);
      if (count) count.uses += 1;
      else this.counts.set(name, { uses: 1, endsAt: window.endsAt });
    }
    return Promise.resolve(null);
  }

  private sweep(now: number) {
    if (now - this.sweptAt < MINUTE_MS) return;
    this.sweptAt = now;
    for (const [name, count] of this.counts) if (count.endsAt <= now) this.counts.delete(name);
  }
}

/** Checks every window, then counts in all of them, in one atomic script. */
const TAKE_SCRIPT = `
local n = #KEYS
for i = 1, n do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then return i end
end
for i = 1, n do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIREAT', KEYS[i], ARGV[n + i]) end
end
return 0`;

class RedisCounterStore implements UseCounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(apiKeyId: string, windows: readonly UseWindow[]): Promise<number | null> {
    // One hash tag per key: a Redis Cluster keeps its windows in one slot for the script.
    const keys = windows.map((window) => `${this.prefix}{${apiKeyId}}:${window.id}`);
    const full = (await this.redis.eval(
      TAKE_SCRIPT,
      keys.length,
      ...keys,
      ...windows.map((window) => window.limit),
      // A minute of slack past the window's end, for clocks a little apart.
      ...windows.map((window) => window.endsAt + MINUTE_MS),
    )) as number;
    return full === 0 ? null : windows[full - 1]!.endsAt;
  }
}

/** Thrown to roll a counting transaction back when a window is full. */
class WindowFull extends Error {
  constructor(readonly endsAt: number) {
    super('window full');
  }
}

class DatabaseCounterStore implements UseCounterStore {
  private sweptAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  async take(apiKeyId: string, windows: readonly UseWindow[], now: number): Promise<number | null> {
    this.sweep(now);
    const mysql = isMysqlFamily(this.dataSource.manager);
    const upsert = mysql
      ? 'INSERT INTO `key_use_counters` (`apiKeyId`, `window`, `uses`, `windowEndsAt`) VALUES (?, ?, 1, ?) ON DUPLICATE KEY UPDATE `uses` = `uses` + 1'
      : 'INSERT INTO "key_use_counters" ("apiKeyId", "window", "uses", "windowEndsAt") VALUES (?, ?, 1, ?) ON CONFLICT ("apiKeyId", "window") DO UPDATE SET "uses" = "uses" + 1';
    const select = mysql
      ? 'SELECT `uses` FROM `key_use_counters` WHERE `apiKeyId` = ? AND `window` = ?'
      : 'SELECT "uses" FROM "key_use_counters" WHERE "apiKeyId" = ? AND "window" = ?';
    try {
      // The upsert locks the row until commit, so parallel uses (on any server) count one by one;
      // a full window rolls the counts of this use back. Conflicts are retried (see
      // installTransactionRetry).
      await this.dataSource.transaction(async (manager) => {
        for (const window of windows) {
          await manager.query(upsert, [apiKeyId, window.id, window.endsAt]);
          const rows = await manager.query<{ uses: number | string }[]>(select, [
            apiKeyId,
            window.id,
          ]);
          if (Number(rows[0]?.uses ?? 0) > window.limit) throw new WindowFull(window.endsAt);
        }
      });
      return null;
    } catch (error) {
      if (error instanceof WindowFull) return error.endsAt;
      throw error;
    }
  }

  /** Past windows are deleted at most once a minute per server, in passing. */
  private sweep(now: number) {
    if (now - this.sweptAt < MINUTE_MS) return;
    this.sweptAt = now;
    const mysql = isMysqlFamily(this.dataSource.manager);
    this.dataSource
      .query(
        mysql
          ? 'DELETE FROM `key_use_counters` WHERE `windowEndsAt` < ?'
          : 'DELETE FROM "key_use_counters" WHERE "windowEndsAt" < ?',
        [now - MINUTE_MS],
      )
      .catch(() => undefined);
  }
}

/**
 * Budgets of successful uses per key (issue 18, P2), distinct from the failure throttle.
 * Only keys with a budget come here (keys without one never leave the synchronous path). A
 * window once full is remembered until it ends, so an over-budget key costs no round trip.
 */
export class KeyUseBudgets {
  private readonly store: UseCounterStore;
  /** While Redis is unreachable, each server counts alone rather than refusing every use. */
  private readonly insurance: UseCounterStore | null;
  private readonly fullUntil = new Map<string, number>();

  constructor(
    kind: UseBudgetStoreKind,
    dataSource: DataSource,
    redis: Redis | null,
    redisPrefix = 'kw-budget:',
  ) {
    this.store =
      kind === 'redis' && redis
        ? new RedisCounterStore(redis, redisPrefix)
        : kind === 'memory'
          ? new MemoryCounterStore()
          : new DatabaseCounterStore(dataSource);
    this.insurance = kind === 'redis' && redis ? new MemoryCounterStore() : null;
  }

  /** Null when the use is within budget (and counted); otherwise seconds until it may be retried. */
  async take(apiKeyId: string, budget: UseBudget, now: number): Promise<number | null> {
    // By budget too: a raised budget is not answered from what was learnt under the old one.
    const remembered = `${apiKeyId}:${budget.perMinute}:${budget.perDay}`;
    const until = this.fullUntil.get(remembered);
    if (until !== undefined) {
      if (until > now) return secondsUntil(until, now);
      this.fullUntil.delete(remembered);
    }
    const windows = windowsOf(budget, now);
    const endsAt = await this.store.take(apiKeyId, windows, now).catch((error: unknown) => {
      if (!this.insurance) throw error;
      return this.insurance.take(apiKeyId, windows, now);
    });
    if (endsAt === null) return null;
    if (this.fullUntil.size >= 100_000) this.fullUntil.clear();
    this.fullUntil.set(remembered, endsAt);
    return secondsUntil(endsAt, now);
  }
}

const secondsUntil = (endsAt: number, now: number) => Math.max(1, Math.ceil((endsAt - now) / 1000));
