import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock.js';
import { Account } from '../accounts/account.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import {
  accountSlugOfKey,
  canonicalKeyIdentifier,
  hashBytesEqual,
  hashTokenBytes,
} from '../tokens/api-token.secret.js';
import type { RefusedAuthRecorder } from '../audit/refused-auth.recorder.js';
import type { Principal } from '../auth/principal.js';
import type { AuthCache } from './auth-cache.js';
import type { FailureThrottle } from '../throttle/failure-throttle.js';
import {
  loadKeySnapshot,
  type GrantSnapshot,
  type KeySnapshot,
  type TokenSnapshot,
} from './key-snapshot.js';
import type { LastUseRecorder } from './last-use.recorder.js';
import type { UsageRecorder } from '../usage/usage.recorder.js';
import type { KeyUseBudgets } from './key-use-budget.js';
import { isLiveToken } from '../tokens/token-liveness.js';

export type VerificationCode =
  | 'VALID'
  | 'INVALID_CREDENTIALS'
  | 'INACTIVE'
  | 'EXPIRED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'IP_NOT_ALLOWED';

export interface VerificationRequest {
  key: string;
  token: string;
  /** Slug of the account addressed; the key's own when absent. */
  account?: string | null;
  /** A resource key the caller wants to exercise, e.g. orders:view-orders. */
  resource?: string | null;
}

export interface Verification {
  code: VerificationCode;
  /** Only for VALID. */
  principal: Principal | null;
  account: string | null;
  roles: readonly string[];
  resources: readonly string[];
  expiresAt: Date | null;
  /** How long to hold the answer back: repeated failures are slowed before they are blocked. */
  delayMs: number;
  /** RATE_LIMITED: seconds before the block ends, or the key's budget allows a use (Retry-After). */
  retryAfterSeconds?: number;
  /** VALID only: when the token itself stops working (an old token after a renewal), if ever. */
  tokenLiveUntil?: Date | null;
  /** VALID only: whether the owner account refuses tokens past `expiresAt`. */
  enforced?: boolean;
  /** RATE_LIMITED: the key's budget of uses is spent (not a throttled source: P2). */
  budgetExceeded?: boolean;
  /** VALID only: the key's allowlist (P1), empty when unrestricted. */
  allowedAddresses?: readonly string[];
  /** VALID only: whether the key has a budget of uses (P2). */
  budgeted?: boolean;
}

const refusal = (code: VerificationCode, delayMs = 0): Verification => ({
  code,
  principal: null,
  account: null,
  roles: [],
  resources: [],
  expiresAt: null,
  delayMs,
});

const rateLimited = (retryAfterSeconds: number, delayMs = 0): Verification => ({
  ...refusal('RATE_LIMITED', delayMs),
  retryAfterSeconds,
});

/**
 * The one verification path, for /api/keys/verify and for key-authenticated GraphQL.
 * A cached key costs an HMAC and a constant-time compare; the database is read only on
 * a cache miss.
 */
const liveTokenWithHash = (snapshot: KeySnapshot, hash: Buffer, now: Date) =>
  snapshot.tokens.find(
    (candidate) => isLiveToken(candidate, now) && hashBytesEqual(candidate.hash, hash),
  );

export class KeyVerifier {
  private readonly answers = new WeakMap<TokenSnapshot, Map<string, Verification>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenSecret: string,
    private readonly clock: Clock,
    private readonly cache: AuthCache,
    private readonly throttle: FailureThrottle,
    private readonly lastUse: LastUseRecorder,
    private readonly refused: RefusedAuthRecorder,
    private readonly budgets: KeyUseBudgets,
    /** The secret before a rotation: its hashes still verify and are replaced on use. */
    private readonly previousTokenSecret: string | null = null,
    private readonly usage: UsageRecorder | null = null,
  ) {}

  /** The answer for a key and token, from memory when it can, from the database otherwise. */
  async verify(request: VerificationRequest, ip: string | null): Promise<Verification> {
    const { canonical, presented } = this.presented(request);
    return (
      this.verifyFromCache(canonical, ip, presented) ??
      (await this.verifyFully(canonical, ip, presented))
    );
  }

  /**
   * The verification endpoint's hot path (B1): the answer when everything it needs is in
   * memory, synchronously (no promise, no await); null when `verify` must be asked instead.
   */
  verifyFromMemory(request: VerificationRequest, ip: string | null): Verification | null {
    const { canonical, presented } = this.presented(request);
    return this.verifyFromCache(canonical, ip, presented);
  }

  private presented(request: VerificationRequest) {
    const key = canonicalKeyIdentifier(request.key);
    const canonical = key === request.key ? request : { ...request, key };
    return { canonical, presented: hashTokenBytes(this.tokenSecret, canonical.token) };
  }

  /** Null whenever anything is missing from memory, or the answer is a failure to count. */
  private verifyFromCache(
    request: VerificationRequest,
    ip: string | null,
    presented: Buffer,
  ): Verification | null {
    if (this.throttle.sourceBlocked(ip ?? 'unknown') !== false) return null;
    const now = this.clock();
    const snapshot = this.cache.getKey(request.key, now.getTime());
    if (!snapshot) return null;
    const token = liveTokenWithHash(snapshot, presented, now);
    if (!token) return null;
    const { slug, knownAccountId } = this.addressedAccount(snapshot, request);
    // A key with a budget counts its uses in a store shared by servers: the asynchronous way.
    if (!knownAccountId || snapshot.budget) return null;
    const decided = this.decide(request, ip, now, snapshot, token, knownAccountId, slug);
    if (decided?.code === 'VALID') this.lastUse.record(token.id, snapshot.apiKeyId, now, ip);
    return decided && this.counted(decided, snapshot, ip, now);
  }

  private async verifyFully(
    request: VerificationRequest,
    ip: string | null,
    presented: Buffer,
  ): Promise<Verification> {
    const source = ip ?? 'unknown';
    // Refused before any lookup, and recorded like every refusal (aggregated, so cheap).
    if (await this.throttle.sourceBlocked(source))
      return this.refuse(
        rateLimited(this.throttle.sourceRetryAfterSeconds(source)),
        request.key,
        ip,
      );
    const now = this.clock();
    const snapshot =
      this.cache.getKey(request.key, now.getTime()) ?? (await this.load(request.key, now));
    const token = snapshot
      ? await this.matchingToken(snapshot, request.token, presented, now)
      : undefined;
    if (!snapshot || !token) {
      const failed = await this.fail(request.key, source, ip, snapshot);
      return snapshot ? this.counted(failed, snapshot, ip, now) : failed;
    }

    const { slug, knownAccountId } = this.addressedAccount(snapshot, request);
    const accountId = knownAccountId ?? (await this.accountId(slug ?? ''));
    const decided = accountId
      ? this.decide(request, ip, now, snapshot, token, accountId, slug)
      : null;
    // A proven token addressing an account that never granted the key guesses nothing:
    // refused, never counted as a failure (it would block the source, the key's own use included).
    const counted = (answer: Verification) => this.counted(answer, snapshot, ip, now);
    if (!decided) return counted(this.refuse(refusal('FORBIDDEN'), request.key, ip));
    if (decided.code !== 'VALID') return counted(decided);
    if (snapshot.budget) {
      const retryAfter = await this.budgets.take(snapshot.apiKeyId, snapshot.budget, now.getTime());
      if (retryAfter !== null)
        return counted(
          this.refuse({ ...rateLimited(retryAfter), budgetExceeded: true }, request.key, ip),
        );
    }
    this.lastUse.record(token.id, snapshot.apiKeyId, now, ip);
    return counted(decided);
  }

  /** Every answer about a known key counts in its usage, whatever the outcome. */
  private counted(answer: Verification, snapshot: KeySnapshot, ip: string | null, now: Date) {
    this.usage?.record(snapshot.apiKeyId, answer.code, ip, now);
    return answer;
  }

  /** The account addressed (the key's own unless one is named), and its id if known without a query. */
  private addressedAccount(snapshot: KeySnapshot, request: VerificationRequest) {
    const ownerSlug = accountSlugOfKey(snapshot.key);
    const slug = request.account?.trim() || ownerSlug;
    const knownAccountId =
      slug === ownerSlug ? snapshot.ownerAccountId : this.cache.accountId(slug ?? '');
    return { slug, knownAccountId };
  }

  /**
   * The outcome for a right token presented for an account; null when that account never
   * granted the key. A VALID outcome is not yet a use: the caller counts it (budget, last use).
   */
  private decide(
    request: VerificationRequest,
    ip: string | null,
    now: Date,
    snapshot: KeySnapshot,
    token: TokenSnapshot,
    accountId: string,
    slug: string | null,
  ): Verification | null {
    const grant = snapshot.grants.get(accountId);
    if (!grant) return null;
    // Before anything else about the key: a token used from elsewhere learns nothing more.
    if (snapshot.allowlist && !snapshot.allowlist.allows(ip))
      return this.refuse(refusal('IP_NOT_ALLOWED'), request.key, ip);
    if (!snapshot.active) return this.refuse(refusal('INACTIVE'), request.key, ip);
    const expiresAt = token.dueAt;
    if (snapshot.enforced && expiresAt <= now)
      return this.refuse(refusal('EXPIRED'), request.key, ip);
    if (request.resource && !grant.resources.has(request.resource)) {
      return {
        ...refusal('FORBIDDEN'),
        account: slug,
        roles: grant.roles,
        resources: grant.sortedResources,
        expiresAt,
      };
    }
    return this.validAnswer(snapshot, token, grant, accountId, slug);
  }

  /**
   * VALID answers are built once per token and account: a snapshot is never changed, only
   * replaced, so its answers go with it. Callers must treat them as read-only.
   */
  private validAnswer(
    snapshot: KeySnapshot,
    token: TokenSnapshot,
    grant: GrantSnapshot,
    accountId: string,
    slug: string | null,
  ): Verification {
    let byAccount = this.answers.get(token);
    if (!byAccount) {
      byAccount = new Map();
      this.answers.set(token, byAccount);
    }
    let answer = byAccount.get(accountId);
    if (!answer) {
      answer = {
        code: 'VALID',
        account: slug,
        roles: grant.roles,
        resources: grant.sortedResources,
        expiresAt: token.dueAt,
        delayMs: 0,
        tokenLiveUntil: token.expiresAt,
        enforced: snapshot.enforced,
        allowedAddresses: snapshot.allowedAddresses,
        budgeted: snapshot.budget !== null,
        principal: {
          kind: 'api-key',
          apiKeyId: snapshot.apiKeyId,
          key: snapshot.key,
          tokenId: token.id,
          accountId,
          ownerAccountId: snapshot.ownerAccountId,
          resources: grant.resources,
        },
      };
      byAccount.set(accountId, answer);
    }
    return answer;
  }

  /** A live token whose hash matches; under the previous secret only while a rotation is under way. */
  private async matchingToken(
    snapshot: KeySnapshot,
    presentedToken: string,
    presented: Buffer,
    now: Date,
  ): Promise<TokenSnapshot | undefined> {
    const token = liveTokenWithHash(snapshot, presented, now);
    if (token || !this.previousTokenSecret) return token;
    const presentedBefore = hashTokenBytes(this.previousTokenSecret, presentedToken);
    const rotated = liveTokenWithHash(snapshot, presentedBefore, now);
    if (rotated) await this.rehash(snapshot.apiKeyId, rotated.id, presentedBefore, presented);
    return rotated;
  }

  /** Secret rotation: a token verified under the previous secret is stored under the current one. */
  private async rehash(apiKeyId: string, tokenId: string, from: Buffer, to: Buffer) {
    await this.dataSource
      .createQueryBuilder()
      .update(ApiToken)
      .set({ tokenHash: to.toString('hex') })
      .where('id = :tokenId AND tokenHash = :from', { tokenId, from: from.toString('hex') })
      .execute();
    this.cache.invalidateKeys([apiKeyId]);
  }

  private async load(key: string, now: Date) {
    const generation = this.cache.currentGeneration;
    const loaded = await loadKeySnapshot(this.dataSource, key);
    if (loaded) this.cache.setKey(loaded, generation, now.getTime());
    return loaded;
  }

  private async accountId(slug: string): Promise<string | null> {
    const cached = this.cache.accountId(slug);
    if (cached) return cached;
    const account = await this.dataSource.getRepository(Account).findOneBy({ slug });
    if (account) this.cache.setAccountId(slug, account.id);
    return account?.id ?? null;
  }

  /**
   * Wrong credentials count against the source and against the key identifier: a real key
   * by its id, an unknown one by its canonical spelling, so both are answered alike.
   * Once a key is under attack its wrong tokens are RATE_LIMITED; its right token still works.
   */
  private async fail(
    key: string,
    source: string,
    ip: string | null,
    snapshot: KeySnapshot | null,
  ): Promise<Verification> {
    const subject = snapshot ? `id:${snapshot.apiKeyId}` : `key:${key}`;
    const keyUnderAttack = await this.throttle.keyBlocked(subject);
    const delayMs = await this.throttle.recordFailure(source, subject);
    return this.refuse(
      keyUnderAttack
        ? rateLimited(await this.throttle.keyRetryAfterSeconds(subject), delayMs)
        : refusal('INVALID_CREDENTIALS', delayMs),
      key,
      ip,
    );
  }

  private refuse(verification: Verification, key: string, ip: string | null): Verification {
    this.refused.record(key, ip, verification.code);
    return verification;
  }
}
