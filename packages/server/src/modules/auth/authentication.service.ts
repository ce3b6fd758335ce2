import { randomBytes } from 'node:crypto';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { sha256Hex } from '../../common/sha256.js';
import { badInput, notFound, unauthenticated } from '../../common/app-error.js';
import { Account } from '../accounts/account.entity.js';
import { MembershipRole } from '../accounts/membership-role.entity.js';
import { Membership } from '../accounts/membership.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import { hashesEqual, hashToken, hasValidTokenShape } from '../api-keys/api-token.secret.js';
import { KeyGrantRole } from '../api-keys/key-grant-role.entity.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';
import { RoleResource } from '../roles/role-resource.entity.js';
import { PasswordSetupLink } from './password-setup-link.entity.js';
import type { Clock } from '../../common/clock.js';
import { TokenEnforcement } from '../settings/api-key-settings.entity.js';
import type { ApiKeySettingsService } from '../settings/api-key-settings.service.js';
import { tokenDueAt } from '../settings/token-age.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password.js';
import type { Caller, Principal } from './principal.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const LAST_USE_WRITE_INTERVAL_MS = 60_000;

export type KeyVerification =
  | { code: 'VALID'; principal: Principal; expiresAt: Date }
  | { code: 'INVALID_CREDENTIALS' | 'INACTIVE' | 'EXPIRED' };

export interface KeyCredentials {
  key: string;
  token: string;
  /** Slug of the account addressed; the key's own account when absent. */
  accountSlug?: string;
}

export class AuthenticationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenSecret: string,
    private readonly settings: ApiKeySettingsService,
    private readonly clock: Clock,
  ) {}

  async signIn(
    email: string,
    password: string,
  ): Promise<{ sessionCookie: string; expiresAt: Date }> {
    if (!email.trim()) throw badInput('email', 'Enter your email.');
    if (!password) throw badInput('password', 'Enter your password.');
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ email: email.trim().toLowerCase() });
    // Same work for unknown emails and wrong passwords: no hint which one it was.
    const passwordMatches = await verifyPassword(
      password,
      user?.passwordHash ?? DUMMY_PASSWORD_HASH,
    );
    if (!user || !passwordMatches) {
      throw Object.assign(unauthenticated(), { message: 'Email or password is incorrect.' });
    }
    const membership = await this.dataSource
      .getRepository(Membership)
      .findOne({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    if (!membership)
      throw Object.assign(unauthenticated(), { message: 'Email or password is incorrect.' });
    const sessionCookie = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.dataSource.getRepository(Session).insert({
      idHash: sha256Hex(sessionCookie),
      userId: user.id,
      accountId: membership.accountId,
      createdAt: now,
      expiresAt,
    });
    return { sessionCookie, expiresAt };
  }

  /** Redeems a single-use setup link: sets the password and burns every link of that user. */
  async setPassword(secret: string, password: string): Promise<void> {
    if (password.length < 12 || password.length > 200) {
      throw badInput('password', 'Use 12 to 200 characters.');
    }
    const link = await this.dataSource.getRepository(PasswordSetupLink).findOneBy({
      idHash: sha256Hex(secret),
      expiresAt: MoreThan(new Date()),
    });
    if (!link) throw badInput('token', 'This link has expired or was already used.');
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: link.userId }, { passwordHash });
      await manager.delete(PasswordSetupLink, { userId: link.userId });
    });
  }

  async signOut(caller: Caller): Promise<void> {
    if (caller.principal?.kind !== 'user') return;
    await this.dataSource.getRepository(Session).delete({ idHash: caller.principal.sessionIdHash });
  }

  async switchAccount(caller: Caller, accountId: string): Promise<Principal> {
    const principal = caller.principal;
    if (!principal) throw unauthenticated();
    if (principal.kind !== 'user') throw badInput('accountId', 'API keys cannot switch accounts.');
    const member = await this.dataSource
      .getRepository(Membership)
      .existsBy({ userId: principal.userId, accountId });
    if (!member) throw notFound('Account');
    await this.dataSource
      .getRepository(Session)
      .update({ idHash: principal.sessionIdHash }, { accountId });
    return {
      ...principal,
      accountId,
      resources: await this.userResources(principal.userId, accountId),
    };
  }

  async fromSessionCookie(cookie: string): Promise<Principal | null> {
    const idHash = sha256Hex(cookie);
    const session = await this.dataSource
      .getRepository(Session)
      .findOne({ where: { idHash, expiresAt: MoreThan(new Date()) }, relations: { user: true } });
    if (!session?.user) return null;
    return {
      kind: 'user',
      userId: session.userId,
      email: session.user.email,
      accountId: session.accountId,
      sessionIdHash: idHash,
      resources: await this.userResources(session.userId, session.accountId),
    };
  }

  /**
   * Unknown key, wrong token, or no grant in the account addressed are all
   * INVALID_CREDENTIALS: the caller learns nothing about which. Only the holder of the
   * right token learns that the key is inactive or its token outdated.
   */
  async verifyKey(credentials: KeyCredentials, ip: string | null): Promise<KeyVerification> {
    const invalid = { code: 'INVALID_CREDENTIALS' } as const;
    const presentedHash = hashToken(this.tokenSecret, credentials.token);
    const apiKey = await this.dataSource.getRepository(ApiKey).findOneBy({ key: credentials.key });
    if (!apiKey || !hasValidTokenShape(credentials.token)) return invalid;
    const now = this.clock();
    const tokens = await this.dataSource.getRepository(ApiToken).find({
      where: [
        { apiKeyId: apiKey.id, expiresAt: IsNull() },
        { apiKeyId: apiKey.id, expiresAt: MoreThan(now) },
      ],
    });
    let matched: ApiToken | undefined;
    for (const token of tokens) {
      if (hashesEqual(token.tokenHash, presentedHash)) matched = token;
    }
    if (!matched) return invalid;

    let accountId = apiKey.accountId;
    if (credentials.accountSlug) {
      const account = await this.dataSource
        .getRepository(Account)
        .findOneBy({ slug: credentials.accountSlug });
      if (!account) return invalid;
      accountId = account.id;
    }
    const grant = await this.dataSource
      .getRepository(KeyGrant)
      .findOneBy({ apiKeyId: apiKey.id, accountId });
    if (!grant) return invalid;
    if (!apiKey.active) return { code: 'INACTIVE' };

    // Token age counts against the owner's policy, wherever the key is used.
    const settings = await this.settings.forAccount(apiKey.accountId);
    const expiresAt = tokenDueAt(matched.createdAt, settings.tokenDurationDays);
    if (settings.enforcement === TokenEnforcement.ENFORCE && expiresAt <= now) {
      return { code: 'EXPIRED' };
    }

    await this.recordLastUse(apiKey, matched, ip, now);
    return {
      code: 'VALID',
      expiresAt,
      principal: {
        kind: 'api-key',
        apiKeyId: apiKey.id,
        key: apiKey.key,
        tokenId: matched.id,
        accountId,
        resources: await this.grantResources(grant.id),
      },
    };
  }

  /** At most one write per token per minute, whatever the request rate. */
  private async recordLastUse(apiKey: ApiKey, token: ApiToken, ip: string | null, now: Date) {
    if (
      token.lastUsedAt &&
      now.getTime() - token.lastUsedAt.getTime() < LAST_USE_WRITE_INTERVAL_MS
    ) {
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(ApiToken, { id: token.id }, { lastUsedAt: now, lastUsedIp: ip });
      await manager
        .createQueryBuilder()
        .update(ApiKey)
        .set({ lastUsedAt: now, version: () => 'version' })
        .where('id = :id', { id: apiKey.id })
        .execute();
    });
  }

  private async userResources(userId: string, accountId: string): Promise<Set<string>> {
    const rows = await this.dataSource
      .getRepository(RoleResource)
      .createQueryBuilder('rr')
      .select('DISTINCT rr.resourceKey', 'resourceKey')
      .innerJoin(MembershipRole, 'mr', 'mr.roleId = rr.roleId')
      .innerJoin(Membership, 'm', 'm.id = mr.membershipId')
      .where('m.userId = :userId AND m.accountId = :accountId', { userId, accountId })
      .getRawMany<{ resourceKey: string }>();
    return new Set(rows.map((row) => row.resourceKey));
  }

  private async grantResources(grantId: string): Promise<Set<string>> {
    const rows = await this.dataSource
      .getRepository(RoleResource)
      .createQueryBuilder('rr')
      .select('DISTINCT rr.resourceKey', 'resourceKey')
      .innerJoin(KeyGrantRole, 'gr', 'gr.roleId = rr.roleId')
      .where('gr.grantId = :grantId', { grantId })
      .getRawMany<{ resourceKey: string }>();
    return new Set(rows.map((row) => row.resourceKey));
  }
}
