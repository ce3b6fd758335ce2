import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock.js';
import { Account } from '../accounts/account.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import {
  accountSlugOfKey,
  hashesEqual,
  hashToken,
  hasValidTokenShape,
} from '../api-keys/api-token.secret.js';
import type { RefusedAuthRecorder } from '../audit/refused-auth.recorder.js';
import type { Principal } from '../auth/principal.js';
import { tokenDueAt } from '../settings/token-age.js';
import type { AuthCache } from './auth-cache.js';
import type { FailureThrottle } from './failure-throttle.js';
import { loadKeySnapshot } from './key-snapshot.js';
import type { LastUseRecorder } from './last-use.recorder.js';

export type VerificationCode =
  'VALID' | 'INVALID_CREDENTIALS' | 'INACTIVE' | 'EXPIRED' | 'FORBIDDEN' | 'RATE_LIMITED';

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
  roles: string[];
  resources: string[];
  expiresAt: Date | null;
  /** How long to hold the answer back: repeated failures are slowed before they are blocked. */
  delayMs: number;
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

/**
 * The one verification path, for /api/keys/verify and for key-authenticated GraphQL.
 * A cached key costs an HMAC and a constant-time compare; the database is read only on
 * a cache miss.
 */
export class KeyVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenSecret: string,
    private readonly clock: Clock,
    private readonly cache: AuthCache,
    private readonly throttle: FailureThrottle,
    private readonly lastUse: LastUseRecorder,
    private readonly refused: RefusedAuthRecorder,
    /** The secret before a rotation: its hashes still verify and are replaced on use. */
    private readonly previousTokenSecret: string | null = null,
  ) {}

  async verify(request: VerificationRequest, ip: string | null): Promise<Verification> {
    const source = ip ?? 'unknown';
    if (await this.throttle.sourceBlocked(source)) return refusal('RATE_LIMITED');
    const now = this.clock();
    const presented = hashToken(this.tokenSecret, request.token);
    const presentedBefore = this.previousTokenSecret
      ? hashToken(this.previousTokenSecret, request.token)
      : null;
    const snapshot = await this.snapshot(request.key, now);
    const live = (candidate: { expiresAt: Date | null }) =>
      candidate.expiresAt === null || candidate.expiresAt > now;
    const wellFormed = snapshot !== null && hasValidTokenShape(request.token);
    let token = wellFormed
      ? snapshot.tokens.find(
          (candidate) => live(candidate) && hashesEqual(candidate.hash, presented),
        )
      : undefined;
    if (!token && wellFormed && presentedBefore) {
      token = snapshot.tokens.find(
        (candidate) => live(candidate) && hashesEqual(candidate.hash, presentedBefore),
      );
      if (token) await this.rehash(snapshot.apiKeyId, token.id, presentedBefore, presented);
    }
    if (!snapshot || !token) return this.fail(request.key, source, ip, Boolean(snapshot));

    const ownerSlug = accountSlugOfKey(snapshot.key);
    const slug = request.account?.trim() || ownerSlug;
    const accountId =
      slug === ownerSlug ? snapshot.ownerAccountId : await this.accountId(slug ?? '');
    const grant = accountId ? snapshot.grants.get(accountId) : undefined;
    // A right token for an account that never granted the key is as wrong as a wrong token.
    if (!grant || !accountId) return this.fail(request.key, source, ip, true);

    if (!snapshot.active) return this.refuse(refusal('INACTIVE'), request.key, ip);
    const expiresAt = tokenDueAt(token.createdAt, snapshot.durationDays);
    if (snapshot.enforced && expiresAt <= now)
      return this.refuse(refusal('EXPIRED'), request.key, ip);

    const granted = {
      account: slug,
      roles: grant.roles,
      resources: [...grant.resources].sort(),
      expiresAt,
    };
    if (request.resource && !grant.resources.has(request.resource)) {
      return { ...refusal('FORBIDDEN'), ...granted };
    }
    this.lastUse.record(token.id, snapshot.apiKeyId, now, ip);
    return {
      ...granted,
      code: 'VALID',
      delayMs: 0,
      principal: {
        kind: 'api-key',
        apiKeyId: snapshot.apiKeyId,
        key: snapshot.key,
        tokenId: token.id,
        accountId,
        resources: grant.resources,
      },
    };
  }

  /** Secret rotation: a token verified under the previous secret is stored under the current one. */
  private async rehash(apiKeyId: string, tokenId: string, from: string, to: string) {
    await this.dataSource
      .createQueryBuilder()
      .update(ApiToken)
      .set({ tokenHash: to })
      .where('id = :tokenId AND tokenHash = :from', { tokenId, from })
      .execute();
    this.cache.invalidateKeys([apiKeyId]);
  }

  private async snapshot(key: string, now: Date) {
    const cached = this.cache.getKey(key, now.getTime());
    if (cached) return cached;
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
   * Wrong credentials count against the source and, for a real key, against that key.
   * Once a key is under attack its wrong tokens are RATE_LIMITED; its right token still works.
   */
  private async fail(
    key: string,
    source: string,
    ip: string | null,
    keyExists: boolean,
  ): Promise<Verification> {
    const keyUnderAttack = keyExists && (await this.throttle.keyBlocked(key));
    const delayMs = await this.throttle.recordFailure(source, keyExists ? key : null);
    return this.refuse(
      refusal(keyUnderAttack ? 'RATE_LIMITED' : 'INVALID_CREDENTIALS', delayMs),
      key,
      ip,
    );
  }

  private refuse(verification: Verification, key: string, ip: string | null): Verification {
    this.refused.record(key, ip, verification.code);
    return verification;
  }
}
