import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { throttleSourceOf } from '@keyward/shared';
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
  /**
   * Sign-in attempts for one email per 15 minutes answered at full speed, whatever their
   * source; beyond, each waits its turn, twice as long after the one before (never refused).
   */
  perEmailFree?: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  perSource: 30,
  perKey: 60,
  freeFailures: 10,
  perEmailFree: 5,
};
const SOURCE_BLOCK_SECONDS = 15 * 60;
const KEY_BLOCK_SECONDS = 5 * 60;
const MAX_DELAY_MS = 2_000;
const EMAIL_WINDOW_SECONDS = 15 * 60;
const EMAIL_FIRST_DELAY_MS = 200;
const MAX_EMAIL_DELAY_MS = 10_000;
/** With a shared store, how long a "not blocked" answer for a source is trusted locally. */
const SHARED_CHECK_MS = 1_000;
const MAX_TRACKED_SOURCES = 100_000;
const MAX_REMEMBERED_SOURCES = 10_000;

/** A Map that forgets its oldest entry beyond a bound, so attackers cannot grow it forever. */
const setBounded = <V>(map: Map<string, V>, key: string, value: V) => {
  map.delete(key);
  if (map.size >= MAX_TRACKED_SOURCES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
};

/**
 * The turn of a sign-in attempt for one email, shared by servers: the later of now and the
 * previous turn, plus its delay, but never more than the longest delay from now. Attempts sent
 * side by side thus wait one after the other, and none waits longer than 10 s however long the
 * queue an attack builds (slowed, never locked out).
 */
const NEXT_TURN_SCRIPT = `
local now = tonumber(ARGV[1])
local previous = tonumber(redis.call('GET', KEYS[1]) or '0')
local turn = math.min(math.max(now, previous) + tonumber(ARGV[2]), now + tonumber(ARGV[4]))
redis.call('SET', KEYS[1], turn, 'PX', ARGV[3])
return turn`;

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
  private readonly byEmail: RateLimiterAbstract;
  /**
   * Blocks this server has seen, so the hot path answers without a promise or a round trip:
   * in memory every block is made here; with Redis, blocks made elsewhere are learnt from
   * the store at most once a second per source, or from the next failure.
   */
  private readonly blockedSources = new Map<string, number>();
  private readonly sharedCheckedAt = new Map<string, number>();
  private readonly shared: boolean;
  /** Without Redis: when the next sign-in turn of each email comes (epoch ms). */
  private readonly emailTurns = new Map<string, number>();
  /** Client address to the source counted (its /64 for IPv6), remembered: asked on every verify. */
  private readonly sourceOfAddress = new Map<string, string>();
  /** Told when a source becomes blocked here (the change stream passes it to verifiers). */
  onSourceBlocked: ((source: string, seconds: number) => void) | null = null;

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly redis: Redis | null = null,
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
    const email = {
      keyPrefix: 'kw-signin-email',
      // Never blocks: an attacker must not be able to lock a real user out.
      points: Number.MAX_SAFE_INTEGER,
      duration: EMAIL_WINDOW_SECONDS,
    };
    this.byEmail = redis
      ? new RateLimiterRedis({
          ...email,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(email),
        })
      : new RateLimiterMemory(email);
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

  /**
   * What every method counts and blocks: an IPv6 client by its /64 (see throttleSourceOf).
   * Addresses are taken as given by callers and grouped here, in one place.
   */
  private sourceOf(address: string): string {
    if (!address.includes(':')) return address;
    let source = this.sourceOfAddress.get(address);
    if (source === undefined) {
      source = throttleSourceOf(address);
      if (this.sourceOfAddress.size >= MAX_REMEMBERED_SOURCES) this.sourceOfAddress.clear();
      this.sourceOfAddress.set(address, source);
    }
    return source;
  }

  /** A blocked source is refused before any lookup: an attack costs us almost nothing. */
  sourceBlocked(address: string): boolean | Promise<boolean> {
    const source = this.sourceOf(address);
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

  /** A block another server made, heard on the change channel: refused here at once too. */
  learnBlock(address: string, seconds: number): void {
    const source = this.sourceOf(address);
    const until = Date.now() + seconds * 1000;
    if ((this.blockedSources.get(source) ?? 0) < until)
      setBounded(this.blockedSources, source, until);
  }

  keyBlocked(key: string): Promise<boolean> {
    return isBlocked(this.byKey, this.limits.perKey, key);
  }

  /** Seconds until a blocked source may try again, for Retry-After. */
  sourceRetryAfterSeconds(address: string): number {
    const source = this.sourceOf(address);
    const until = this.blockedSources.get(source);
    const ms = until === undefined ? SOURCE_BLOCK_SECONDS * 1000 : until - Date.now();
    return Math.max(1, Math.ceil(ms / 1000));
  }

  /** Seconds until a key under attack accepts wrong tokens again, for Retry-After. */
  async keyRetryAfterSeconds(key: string): Promise<number> {
    const result = await this.byKey.get(key);
    const ms = result?.msBeforeNext ?? KEY_BLOCK_SECONDS * 1000;
    return Math.max(1, Math.ceil(ms / 1000));
  }

  /**
   * Counts a sign-in attempt for an email (before its password is checked) and answers how
   * long to hold it back: nothing for the first few in 15 minutes; beyond, each attempt waits
   * its turn, 200 ms after the previous one's, twice as long each time up to 10 s. Attempts
   * sent side by side from many sources thus wait one after the other instead of together,
   * none longer than 10 s.
   * Never a refusal; a browser that signed in as the email before skips it (known-device.ts),
   * so an attack on an email does not keep its owner out. A success clears the count.
   */
  async holdSignIn(email: string): Promise<number> {
    const consumed = await this.byEmail.penalty(email, 1);
    const excess = consumed.consumedPoints - (this.limits.perEmailFree ?? 5);
    if (excess <= 0) return 0;
    const delay = Math.min(
      EMAIL_FIRST_DELAY_MS * 2 ** Math.min(excess - 1, 20),
      MAX_EMAIL_DELAY_MS,
    );
    const now = Date.now();
    return Math.max(0, (await this.nextEmailTurn(email, now, delay)) - now);
  }

  private async nextEmailTurn(email: string, now: number, delay: number): Promise<number> {
    if (this.redis) {
      try {
        const turn = await this.redis.eval(
          NEXT_TURN_SCRIPT,
          1,
          `kw-signin-turn:${email}`,
          now,
          delay,
          EMAIL_WINDOW_SECONDS * 1000,
          MAX_EMAIL_DELAY_MS,
        );
        return Number(turn);
      } catch {
        // Redis unreachable: this server's own turns, as without Redis.
      }
    }
    const turn = Math.min(
      Math.max(now, this.emailTurns.get(email) ?? 0) + delay,
      now + MAX_EMAIL_DELAY_MS,
    );
    setBounded(this.emailTurns, email, turn);
    return turn;
  }

  async signedIn(email: string): Promise<void> {
    this.emailTurns.delete(email);
    await Promise.all([
      this.byEmail.delete(email),
      this.redis?.del(`kw-signin-turn:${email}`).catch(() => undefined),
    ]);
  }

  /** Counts a failure; answers how long to hold the answer back (slowing), in ms. */
  async recordFailure(address: string, key: string | null): Promise<number> {
    const source = this.sourceOf(address);
    const consumed = await Promise.all([
      this.bySource.penalty(source, 1),
      key ? this.byKey.penalty(key, 1) : null,
    ]);
    if (consumed[0].consumedPoints >= this.limits.perSource) {
      const known = this.blockedSources.get(source);
      setBounded(this.blockedSources, source, Date.now() + SOURCE_BLOCK_SECONDS * 1000);
      await this.bySource.block(source, SOURCE_BLOCK_SECONDS);
      if (known === undefined || known <= Date.now())
        this.onSourceBlocked?.(source, SOURCE_BLOCK_SECONDS);
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
        undefined,
        this.sourceRetryAfterSeconds(subject),
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
