import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { AppError } from '../../common/app-error.js';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface ThrottleLimits {
  /** Failed attempts per source per minute; the last of them blocks the source. */
  perSource: number;
  /** Failed attempts on one key identifier per minute before further wrong tokens for it are refused. */
  perKey: number;
  /** Failures per source per minute answered at full speed; beyond, each is slowed a little more. */
  freeFailures: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perSource: 30, perKey: 60, freeFailures: 10 };
const SOURCE_BLOCK_SECONDS = 15 * 60;
const KEY_BLOCK_SECONDS = 5 * 60;
const MAX_DELAY_MS = 2_000;
/** With a shared store, how long a "not blocked" answer for a source is trusted locally. */
const SHARED_CHECK_MS = 1_000;
const MAX_TRACKED_SOURCES = 100_000;

/** A Map that forgets its oldest entry beyond a bound, so attackers cannot grow it forever. */
const setBounded = <V>(map: Map<string, V>, key: string, value: V) => {
  map.delete(key);
  if (map.size >= MAX_TRACKED_SOURCES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
};

const isBlocked = (limiter: RateLimiterAbstract, points: number, subject: string) =>
  limiter.get(subject).then((result) => result !== null && result.consumedPoints >= points);

/**
 * Failed authentications per source and per key identifier (rate-limiter-flexible).
 * Only failures count: a key presenting its right token is never refused because others
 * failed with it. In memory per server, or shared through Redis with memory as insurance.
 */
export class FailureThrottle {
  private readonly bySource: RateLimiterAbstract;
  private readonly byKey: RateLimiterAbstract;
  /**
   * Blocks this server has seen, so the hot path answers without a promise or a round trip:
   * in memory every block is made here; with Redis, blocks made elsewhere are learnt from
   * the store at most once a second per source, or from the next failure.
   */
  private readonly blockedSources = new Map<string, number>();
  private readonly sharedCheckedAt = new Map<string, number>();
  private readonly shared: boolean;

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    redis: Redis | null = null,
  ) {
    const source = {
      keyPrefix: 'kw-fail-src',
      points: limits.perSource,
      duration: 60,
      blockDuration: SOURCE_BLOCK_SECONDS,
    };
    const key = {
      keyPrefix: 'kw-fail-key',
      points: limits.perKey,
      duration: 60,
      blockDuration: KEY_BLOCK_SECONDS,
    };
    this.shared = redis !== null;
    this.bySource = redis
      ? new RateLimiterRedis({
          ...source,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(source),
        })
      : new RateLimiterMemory(source);
    this.byKey = redis
      ? new RateLimiterRedis({
          ...key,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(key),
        })
      : new RateLimiterMemory(key);
  }

  /** A blocked source is refused before any lookup: an attack costs us almost nothing. */
  sourceBlocked(source: string): boolean | Promise<boolean> {
    const now = Date.now();
    const until = this.blockedSources.get(source);
    if (until !== undefined) {
      if (until > now) return true;
      this.blockedSources.delete(source);
    }
    if (!this.shared) return false;
    const checkedAt = this.sharedCheckedAt.get(source);
    if (checkedAt !== undefined && now - checkedAt < SHARED_CHECK_MS) return false;
    setBounded(this.sharedCheckedAt, source, now);
    return this.bySource.get(source).then((result) => {
      const blocked = result !== null && result.consumedPoints >= this.limits.perSource;
      if (blocked) setBounded(this.blockedSources, source, Date.now() + result.msBeforeNext);
      return blocked;
    });
  }

  keyBlocked(key: string): Promise<boolean> {
    return isBlocked(this.byKey, this.limits.perKey, key);
  }

  /** Counts a failure; answers how long to hold the answer back (slowing), in ms. */
  async recordFailure(source: string, key: string | null): Promise<number> {
    const consumed = await Promise.all([
      this.bySource.penalty(source, 1),
      key ? this.byKey.penalty(key, 1) : null,
    ]);
    if (consumed[0].consumedPoints >= this.limits.perSource) {
      setBounded(this.blockedSources, source, Date.now() + SOURCE_BLOCK_SECONDS * 1000);
      await this.bySource.block(source, SOURCE_BLOCK_SECONDS);
    }
    if (key && consumed[1] && consumed[1].consumedPoints >= this.limits.perKey)
      await this.byKey.block(key, KEY_BLOCK_SECONDS);
    const excess = consumed[0].consumedPoints - this.limits.freeFailures;
    return excess > 0 ? Math.min(excess * 100, MAX_DELAY_MS) : 0;
  }

  /**
   * For secrets guessed through GraphQL arguments (passwords, link secrets, tokens):
   * each attempt counts, so aliases in one request cost as much as separate requests.
   */
  async guard<T>(
    source: string | null,
    attempt: () => Promise<T>,
    isGuessFailure: (error: AppError) => boolean,
  ): Promise<T> {
    const subject = source ?? 'unknown';
    if (await this.sourceBlocked(subject)) {
      throw new AppError(
        'RATE_LIMITED',
        'Too many failed attempts from this source: try again later.',
      );
    }
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof AppError && isGuessFailure(error)) {
        const delayMs = await this.recordFailure(subject, null);
        if (delayMs > 0) await sleep(delayMs);
      }
      throw error;
    }
  }
}
