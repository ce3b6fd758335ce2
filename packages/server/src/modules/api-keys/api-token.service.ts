import { LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, conflict } from '../../common/app-error.js';
import { addMs, type Clock } from '../../common/clock.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import type { FailureThrottle } from '../throttle/failure-throttle.js';
import { sha256Hex } from '../../common/sha256.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordLifecycleEvent, type LifecycleEventType } from '../webhooks/lifecycle-event.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller, Principal } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import type { ApiKey } from './api-key.entity.js';
import { KEPT_UNTIL_DELETED } from './pending-renewal.js';
import { ApiToken } from './api-token.entity.js';
import { hashesEqual, hashToken } from '../tokens/api-token.secret.js';
import { findApiKeyWithinAuthority } from './owned-api-key.js';
import { issueToken } from './issue-token.js';
import { isLiveToken } from '../tokens/token-liveness.js';
import { openToken } from './single-access-link.seal.js';
import {
  issueSingleAccessLink,
  type IssuedLink,
  type TokenReveal,
} from './single-access-link.issue.js';
import { SingleAccessLink } from './single-access-link.entity.js';

export type OldTokenFate =
  | 'DELETE_NOW'
  | 'KEEP_UNTIL_DELETED'
  | 'EXPIRE_IN_1_HOUR'
  | 'EXPIRE_IN_24_HOURS'
  | 'EXPIRE_IN_7_DAYS';

const HOUR_MS = 60 * 60 * 1000;
const GRACE_MS: Record<OldTokenFate, number | null> = {
  DELETE_NOW: 0,
  KEEP_UNTIL_DELETED: null,
  EXPIRE_IN_1_HOUR: HOUR_MS,
  EXPIRE_IN_24_HOURS: 24 * HOUR_MS,
  EXPIRE_IN_7_DAYS: 7 * 24 * HOUR_MS,
};

/** A link can only be made for a token issued moments ago, while its reveal is still open. */
export const LINKABLE_TOKEN_AGE_MS = 15 * 60 * 1000;

/** Renewal (G5) and single-access links (G7). */
export class ApiTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenSecret: string,
    private readonly clock: Clock,
    private readonly authChanges: AuthChanges,
    private readonly throttle: FailureThrottle,
  ) {}

  /** Live tokens of a key, oldest first: two while a renewal is pending. */
  async liveTokens(manager: EntityManager, apiKeyId: string): Promise<ApiToken[]> {
    const now = this.clock();
    const tokens = await manager
      .getRepository(ApiToken)
      .find({ where: { apiKeyId }, order: { createdAt: 'ASC' } });
    return tokens.filter((token) => isLiveToken(token, now));
  }

  /** Tokens of many keys in one query (DataLoader batch), live ones only. */
  async liveTokensOfKeys(apiKeyIds: readonly string[]): Promise<ApiToken[][]> {
    const now = this.clock();
    const tokens = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .where('t.apiKeyId IN (:...ids)', { ids: [...apiKeyIds] })
      .orderBy('t.createdAt', 'ASC')
      .getMany();
    return apiKeyIds.map((id) =>
      tokens.filter((token) => token.apiKeyId === id && isLiveToken(token, now)),
    );
  }

  async renew(
    caller: Caller,
    id: string,
    oldTokenFate: OldTokenFate,
    reveal: TokenReveal = 'TOKEN',
  ): Promise<{ apiKey: ApiKey; token: string | null; singleAccessLink: IssuedLink | null }> {
    const principal = requireResource(caller, Resources.renewApiToken);
    return this.changingKey(id, async (manager) => {
      const key = await findApiKeyWithinAuthority(manager, principal, id, true);
      const live = await this.liveTokens(manager, key.id);
      if (live.length > 1) {
        throw conflict(
          'A renewal is already pending: delete the old token or undo the renewal first.',
        );
      }
      const now = this.clock();
      const token = await issueToken(manager, this.tokenSecret, key.id, now);
      const grace = GRACE_MS[oldTokenFate];
      if (grace === 0) {
        await manager.delete(ApiToken, { apiKeyId: key.id, id: live[0]?.id ?? '' });
      } else if (grace !== null && live[0]) {
        await manager.update(ApiToken, { id: live[0].id }, { expiresAt: addMs(now, grace) });
      }
      key.oldTokenLiveUntil =
        grace === 0 || !live[0] ? null : grace === null ? KEPT_UNTIL_DELETED : addMs(now, grace);
      key.tokenCreatedAt = now;
      key.updatedAt = now;
      // save() bumps the version: a parallel renewal that read the old one fails.
      await manager.save(key);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.token-renewed',
        target: { type: 'api-key', id: key.id, label: key.key },
        details: { oldToken: oldTokenFate, ...(reveal === 'TOKEN' ? {} : { reveal }) },
      });
      await recordLifecycleEvent(manager, {
        type: 'token.renewed',
        accountId: principal.accountId,
        data: {
          key: key.key,
          keyName: key.name,
          oldToken: oldTokenFate,
          oldTokenLiveUntil:
            key.oldTokenLiveUntil &&
            key.oldTokenLiveUntil.getTime() !== KEPT_UNTIL_DELETED.getTime()
              ? key.oldTokenLiveUntil.toISOString()
              : null,
        },
        occurredAt: now,
      });
      if (reveal !== 'SINGLE_ACCESS_LINK') return { apiKey: key, token, singleAccessLink: null };
      // In link mode the token leaves the server only through the link, made in this transaction.
      const singleAccessLink = await issueSingleAccessLink(manager, caller, {
        tokenSecret: this.tokenSecret,
        now,
        accountId: principal.accountId,
        key,
        token,
      });
      return { apiKey: key, token: null, singleAccessLink };
    });
  }

  async deleteOldToken(caller: Caller, id: string): Promise<ApiKey> {
    return this.resolveRenewal(
      caller,
      id,
      'api-key.old-token-deleted',
      'token.old_deleted',
      async (manager, [oldToken], key) => {
        await manager.delete(ApiToken, { id: oldToken.id });
        key.oldTokenLiveUntil = null;
      },
    );
  }

  /** The new token dies, the old one stays for good. */
  async undoRenewal(caller: Caller, id: string): Promise<ApiKey> {
    return this.resolveRenewal(
      caller,
      id,
      'api-key.renewal-undone',
      'renewal.undone',
      async (manager, [oldToken, newToken], key) => {
        await manager.delete(ApiToken, { id: newToken.id });
        await manager.update(ApiToken, { id: oldToken.id }, { expiresAt: null });
        key.tokenCreatedAt = oldToken.createdAt;
        key.oldTokenLiveUntil = null;
      },
    );
  }

  /**
   * Seals a token that was just revealed into a link that reveals it once more, then never.
   * The caller proves it holds the token; it must be one of the key's live tokens, fresh.
   */
  /** Guessing tokens through this mutation (even with aliases) is throttled like verification. */
  createSingleAccessLink(
    caller: Caller,
    input: { apiKeyId: string; token: string },
  ): Promise<{ path: string; expiresAt: Date }> {
    return this.throttle.guard(
      caller.ip,
      () => this.sealIntoLink(caller, input),
      (error) => error.field === 'token',
    );
  }

  private async sealIntoLink(
    caller: Caller,
    input: { apiKeyId: string; token: string },
  ): Promise<{ path: string; expiresAt: Date }> {
    const principal = requireResource(caller, Resources.renewApiToken);
    return this.dataSource.transaction(async (manager) => {
      const key = await findApiKeyWithinAuthority(manager, principal, input.apiKeyId);
      const presented = hashToken(this.tokenSecret, input.token);
      const now = this.clock();
      const match = (await this.liveTokens(manager, key.id)).find((token) =>
        hashesEqual(token.tokenHash, presented),
      );
      if (!match || now.getTime() - match.createdAt.getTime() > LINKABLE_TOKEN_AGE_MS) {
        throw badInput(
          'token',
          'Links can only be made for a token generated or renewed in the last 15 minutes.',
        );
      }
      return issueSingleAccessLink(manager, caller, {
        tokenSecret: this.tokenSecret,
        now,
        accountId: principal.accountId,
        key,
        token: input.token,
      });
    });
  }

  /** Public: the first opening gets the token and destroys the link; later ones find nothing. */
  revealSingleAccessLink(caller: Caller, secret: string): Promise<{ key: string; token: string }> {
    return this.throttle.guard(
      caller.ip,
      () => this.openLink(caller, secret),
      (error) => error.code === 'NOT_FOUND',
    );
  }

  private async openLink(caller: Caller, secret: string): Promise<{ key: string; token: string }> {
    const expired = () => new AppError('NOT_FOUND', 'This link has expired or was already opened.');
    return this.dataSource.transaction(async (manager) => {
      const link = await manager.getRepository(SingleAccessLink).findOne({
        where: { idHash: sha256Hex(secret) },
        relations: { apiKey: true },
      });
      if (!link?.apiKey) throw expired();
      // Whoever deletes the row is the one opening; a parallel opener deletes nothing.
      const deleted = await manager.delete(SingleAccessLink, { idHash: link.idHash });
      if (deleted.affected === 0 || link.expiresAt <= this.clock()) throw expired();
      await recordAudit(manager, caller, {
        accountId: link.accountId,
        action: 'api-key.single-access-link-opened',
        target: { type: 'api-key', id: link.apiKeyId, label: link.apiKey.key },
      });
      return { key: link.apiKey.key, token: openToken(this.tokenSecret, secret, link.sealedToken) };
    });
  }

  /** Housekeeping: tokens whose grace period ended, and links nobody opened in time. */
  async purgeExpired(): Promise<void> {
    const now = this.clock();
    await this.dataSource.getRepository(ApiToken).delete({ expiresAt: LessThanOrEqual(now) });
    await this.dataSource
      .getRepository(SingleAccessLink)
      .delete({ expiresAt: LessThanOrEqual(now) });
  }

  /** Verification caches everywhere drop the key once the change is committed. */
  private async changingKey<T>(
    apiKeyId: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const accounts = await this.authChanges.grantAccountsOf([apiKeyId]);
    const result = await this.dataSource.transaction(work);
    await this.authChanges.keysChanged([apiKeyId], accounts);
    return result;
  }

  private async resolveRenewal(
    caller: Caller,
    id: string,
    action: string,
    eventType: LifecycleEventType,
    work: (manager: EntityManager, tokens: [ApiToken, ApiToken], key: ApiKey) => Promise<void>,
  ): Promise<ApiKey> {
    const principal: Principal = requireResource(caller, Resources.renewApiToken);
    return this.changingKey(id, async (manager) => {
      const key = await findApiKeyWithinAuthority(manager, principal, id, true);
      const [oldToken, newToken] = await this.liveTokens(manager, key.id);
      if (!oldToken || !newToken) throw conflict('No renewal is pending for this key.');
      await work(manager, [oldToken, newToken], key);
      key.updatedAt = this.clock();
      await manager.save(key);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action,
        target: { type: 'api-key', id: key.id, label: key.key },
      });
      await recordLifecycleEvent(manager, {
        type: eventType,
        accountId: principal.accountId,
        data: { key: key.key, keyName: key.name },
        occurredAt: key.updatedAt,
      });
      return key;
    });
  }
}
