import type { DataSource, EntityManager } from 'typeorm';
import { AppError, badInput, conflict } from '../../common/app-error.js';
import { sqlTimestamp } from '../../common/keyset.js';
import type { Clock } from '../../common/clock.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { newId } from '../../common/ids.js';
import { assertVisibleName } from '../../common/text-input.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordLifecycleEvent } from '../webhooks/lifecycle-event.js';
import { resourcesHeldByKeys } from '../auth/authority.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller, Principal } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import type { Role } from '../roles/role.entity.js';
import type { RoleService } from '../roles/role.service.js';
import { generateKeyIdentifier } from '../tokens/api-token.secret.js';
import { MAX_DURATION_DAYS } from '../settings/api-key-settings.service.js';
import { AlertLevel, tokenCreatedRangeFor } from '../tokens/token-age.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import { ApiKey } from './api-key.entity.js';
import { allowlistColumn, normalizeAllowlist } from './address-allowlist.js';
import { MAX_USES_PER_DAY, MAX_USES_PER_MINUTE } from '../verification/key-use-budget.js';
import { issueToken } from './issue-token.js';
import { deactivateKeyIn } from './key-deactivation.js';
import { findApiKeyWithinAuthority, findOwnedApiKey } from './owned-api-key.js';
import { KeyGrantRole } from './key-grant-role.entity.js';
import { replaceGrantRoles } from './key-grant-roles.js';
import { KeyGrant } from './key-grant.entity.js';
import { keyNamesChanged } from './key-names-version.js';
import {
  issueSingleAccessLink,
  type IssuedLink,
  type TokenReveal,
} from './single-access-link.issue.js';

/**
 * The commands on generated keys (generate, update, activate, delete). Their reads (the
 * Generated tab's pages and banner) live in listing/; toward search the commands have one
 * duty: bump the account's names version in the transaction that changes a name.
 */

export const NAME_MAX_LENGTH = 100;

interface KeyPolicyInput {
  allowedAddresses?: readonly string[] | null;
  rateLimit?: { perMinute?: number | null; perDay?: number | null } | null;
}

const budgetValue = (field: string, value: number | null | undefined, max: number) => {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw badInput(field, `Choose between 1 and ${max.toLocaleString('en')}, or no limit.`);
  return value;
};

/** Validated columns of what the input sets (P1 allowlist, P2 budget); absent: unchanged. */
const policyColumns = (input: KeyPolicyInput) => ({
  ...(input.allowedAddresses
    ? { allowedAddressList: allowlistColumn(normalizeAllowlist(input.allowedAddresses)) }
    : {}),
  ...(input.rateLimit
    ? {
        rateLimitPerMinute: budgetValue(
          'rateLimit.perMinute',
          input.rateLimit.perMinute,
          MAX_USES_PER_MINUTE,
        ),
        rateLimitPerDay: budgetValue('rateLimit.perDay', input.rateLimit.perDay, MAX_USES_PER_DAY),
      }
    : {}),
});

/** What the audit log says of a key's policies (old and new on an edit). */
const policyDetails = (
  key: Pick<ApiKey, 'allowedAddresses' | 'rateLimitPerMinute' | 'rateLimitPerDay'>,
) => ({
  allowedAddresses: key.allowedAddresses,
  rateLimit: { perMinute: key.rateLimitPerMinute, perDay: key.rateLimitPerDay },
});

/** A new key's policies in its audit event, only those it has (most keys have none). */
const policiesSet = (key: ApiKey) => {
  const { allowedAddresses, rateLimit } = policyDetails(key);
  return {
    ...(allowedAddresses.length ? { allowedAddresses } : {}),
    ...(rateLimit.perMinute !== null || rateLimit.perDay !== null ? { rateLimit } : {}),
  };
};

const normalizeName = (raw: string): { name: string; nameNormalized: string } => {
  const name = raw.trim();
  if (name.length < 1) throw badInput('name', 'Enter a name to identify the key.');
  assertVisibleName('name', name);
  if (name.length > NAME_MAX_LENGTH) {
    throw badInput('name', `The name must be at most ${NAME_MAX_LENGTH} characters.`);
  }
  return { name, nameNormalized: name.toLowerCase() };
};

/** Who is generating a key, as stored on it (issue 12: keys outlive an external grant). */
const creatorColumns = async (manager: EntityManager, principal: Principal) => {
  if (principal.kind === 'user') {
    return {
      createdByType: 'user' as const,
      createdById: principal.userId,
      createdByLabel: principal.email,
      createdByAccountId: null,
      createdByAccountSlug: null,
    };
  }
  if (principal.ownerAccountId === principal.accountId) {
    return {
      createdByType: 'api-key' as const,
      createdById: principal.apiKeyId,
      createdByLabel: principal.key,
      createdByAccountId: null,
      createdByAccountSlug: null,
    };
  }
  const owner = await manager
    .getRepository(Account)
    .findOneByOrFail({ id: principal.ownerAccountId });
  return {
    createdByType: 'external-key' as const,
    createdById: principal.apiKeyId,
    createdByLabel: principal.key,
    createdByAccountId: owner.id,
    createdByAccountSlug: owner.slug,
  };
};

export class ApiKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RoleService,
    private readonly tokenSecret: string,
    private readonly clock: Clock,
    private readonly authChanges: AuthChanges,
  ) {}

  async get(caller: Caller, id: string): Promise<ApiKey> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    return findOwnedApiKey(this.dataSource.manager, principal, id);
  }

  async generate(
    caller: Caller,
    input: {
      name: string;
      roleIds: readonly string[];
      reveal?: TokenReveal | null;
    } & KeyPolicyInput,
  ): Promise<{ apiKey: ApiKey; token: string | null; singleAccessLink: IssuedLink | null }> {
    const principal = requireResource(caller, Resources.editApiKeys);
    const { name, nameNormalized } = normalizeName(input.name);
    const policies = policyColumns(input);
    return this.inTransaction(async (manager) => {
      // First: the account row's lock, taken before the new key's foreign key reads it, queues
      // generations in the account instead of deadlocking them.
      await keyNamesChanged(manager, principal.accountId);
      const roles = await this.roles.rolesGrantableBy(manager, principal, input.roleIds, 'api-key');
      await this.assertNameFree(manager, principal.accountId, nameNormalized);
      const account = await manager
        .getRepository(Account)
        .findOneByOrFail({ id: principal.accountId });
      const now = this.clock();
      const created = manager.create(ApiKey, {
        id: newId(),
        accountId: account.id,
        key: generateKeyIdentifier(account.slug),
        name,
        nameNormalized,
        active: true,
        ...(await creatorColumns(manager, principal)),
        createdAt: now,
        updatedAt: now,
        tokenCreatedAt: now,
        lastUsedAt: null,
        allowedAddressList: null,
        rateLimitPerMinute: null,
        rateLimitPerDay: null,
        ...policies,
      });
      await manager.save(ApiKey, created);
      const token = await issueToken(manager, this.tokenSecret, created.id, now);
      const grant = { id: newId(), apiKeyId: created.id, accountId: account.id, createdAt: now };
      await manager.insert(KeyGrant, grant);
      await replaceGrantRoles(manager, grant.id, roles);
      await recordAudit(manager, caller, {
        accountId: account.id,
        action: 'api-key.generated',
        target: { type: 'api-key', id: created.id, label: created.key },
        details: { name, roleIds: roles.map((role) => role.id), ...policiesSet(created) },
      });
      await recordLifecycleEvent(manager, {
        type: 'key.created',
        accountId: account.id,
        data: { key: created.key, keyName: name, roleIds: roles.map((role) => role.id) },
        occurredAt: now,
      });
      if (input.reveal !== 'SINGLE_ACCESS_LINK') {
        return { apiKey: created, token, singleAccessLink: null };
      }
      // In link mode the token leaves the server only through the link, made in this transaction.
      const singleAccessLink = await issueSingleAccessLink(manager, caller, {
        tokenSecret: this.tokenSecret,
        now,
        accountId: account.id,
        key: created,
        token,
      });
      return { apiKey: created, token: null, singleAccessLink };
    });
  }

  /** Active keys of the account whose token an enforced duration of `days` would refuse now. */
  async failingUnder(caller: Caller, days: number): Promise<number> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DURATION_DAYS) {
      throw badInput('tokenDurationDays', `Choose between 1 and ${MAX_DURATION_DAYS} days.`);
    }
    // Past the duration is ORANGE or RED: every token created at or before the ORANGE bound.
    const { atOrBefore } = tokenCreatedRangeFor(AlertLevel.ORANGE, days, this.clock());
    return this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('k')
      .where('k.accountId = :accountId AND k.active = :active', {
        accountId: principal.accountId,
        active: true,
      })
      .andWhere('k.tokenCreatedAt <= :atOrBefore', { atOrBefore: sqlTimestamp(atOrBefore!) })
      .getCount();
  }

  async update(
    caller: Caller,
    input: {
      id: string;
      name?: string | null;
      roleIds?: readonly string[] | null;
      active?: boolean | null;
    } & KeyPolicyInput,
  ): Promise<ApiKey> {
    const principal = requireResource(caller, Resources.editApiKeys);
    const policies = policyColumns(input);
    return this.changingKey(input.id, async (manager) => {
      const apiKey = await findApiKeyWithinAuthority(manager, principal, input.id, true);
      const changes: Record<string, unknown> = {};
      if (input.name !== undefined && input.name !== null) {
        const { name, nameNormalized } = normalizeName(input.name);
        if (nameNormalized !== apiKey.nameNormalized) {
          await this.assertNameFree(manager, principal.accountId, nameNormalized);
          await keyNamesChanged(manager, principal.accountId);
        }
        if (name !== apiKey.name) changes.name = { from: apiKey.name, to: name };
        Object.assign(apiKey, { name, nameNormalized });
      }
      if (input.active !== undefined && input.active !== null && input.active !== apiKey.active) {
        changes.active = input.active;
        apiKey.active = input.active;
        if (input.active) apiKey.inactivityWarnedAt = null;
      }
      if (input.roleIds) {
        const roles = await this.roles.rolesGrantableBy(
          manager,
          principal,
          input.roleIds,
          'api-key',
        );
        const grant = await manager.getRepository(KeyGrant).findOneByOrFail({
          apiKeyId: apiKey.id,
          accountId: principal.accountId,
        });
        await replaceGrantRoles(manager, grant.id, roles);
        changes.roleIds = roles.map((role) => role.id);
      }
      const before = policyDetails(apiKey);
      Object.assign(apiKey, policies);
      const after = policyDetails(apiKey);
      if (JSON.stringify(before.allowedAddresses) !== JSON.stringify(after.allowedAddresses))
        changes.allowedAddresses = { from: before.allowedAddresses, to: after.allowedAddresses };
      if (JSON.stringify(before.rateLimit) !== JSON.stringify(after.rateLimit))
        changes.rateLimit = { from: before.rateLimit, to: after.rateLimit };
      apiKey.updatedAt = this.clock();
      await manager.save(ApiKey, apiKey);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.updated',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
        details: changes,
      });
      const { active, ...updated } = changes;
      const about = { key: apiKey.key, keyName: apiKey.name };
      if (Object.keys(updated).length > 0) {
        await recordLifecycleEvent(manager, {
          type: 'key.updated',
          accountId: principal.accountId,
          data: { ...about, changes: updated },
          occurredAt: apiKey.updatedAt,
        });
      }
      if (active !== undefined) {
        await recordLifecycleEvent(manager, {
          type: active ? 'key.activated' : 'key.deactivated',
          accountId: principal.accountId,
          data: about,
          occurredAt: apiKey.updatedAt,
        });
      }
      return apiKey;
    });
  }

  async setActive(caller: Caller, id: string, active: boolean): Promise<ApiKey> {
    const principal = requireResource(caller, Resources.editApiKeys);
    return this.changingKey(id, async (manager) => {
      const apiKey = await findApiKeyWithinAuthority(manager, principal, id, true);
      if (apiKey.active === active) return apiKey;
      if (!active) {
        await deactivateKeyIn(manager, apiKey, this.clock(), (entry) =>
          recordAudit(manager, caller, entry),
        );
        return apiKey;
      }
      apiKey.active = true;
      apiKey.updatedAt = this.clock();
      // Reactivated: the inactivity policy warns afresh before it deactivates again.
      apiKey.inactivityWarnedAt = null;
      await manager.save(ApiKey, apiKey);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.activated',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
      });
      await recordLifecycleEvent(manager, {
        type: 'key.activated',
        accountId: principal.accountId,
        data: { key: apiKey.key, keyName: apiKey.name },
        occurredAt: apiKey.updatedAt,
      });
      return apiKey;
    });
  }

  async delete(caller: Caller, id: string, confirmed: boolean): Promise<string> {
    const principal = requireResource(caller, Resources.editApiKeys);
    if (!confirmed) throw badInput('confirm', 'Confirm that this action cannot be undone.');
    return this.changingKey(id, async (manager) => {
      const apiKey = await findApiKeyWithinAuthority(manager, principal, id, true);
      // Grants, their roles and tokens go with the key (ON DELETE CASCADE).
      await manager.delete(ApiKey, { id: apiKey.id });
      await keyNamesChanged(manager, principal.accountId);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.deleted',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
        details: { name: apiKey.name },
      });
      await recordLifecycleEvent(manager, {
        type: 'key.deleted',
        accountId: principal.accountId,
        data: { key: apiKey.key, keyName: apiKey.name },
        occurredAt: this.clock(),
      });
      return apiKey.id;
    });
  }

  /** What each key holds wherever its token acts, for the viewer's `viewerLacks` (DataLoader batch). */
  resourcesHeldEverywhere(apiKeyIds: readonly string[]): Promise<Set<string>[]> {
    return resourcesHeldByKeys(this.dataSource.manager, apiKeyIds);
  }

  /** Roles each key holds in one account, for a whole page in two queries (DataLoader batch). */
  async rolesInAccount(accountId: string, apiKeyIds: readonly string[]): Promise<Role[][]> {
    const links = await this.dataSource
      .getRepository(KeyGrantRole)
      .createQueryBuilder('gr')
      .innerJoin(KeyGrant, 'g', 'g.id = gr.grantId')
      .select('g.apiKeyId', 'ownerId')
      .addSelect('gr.roleId', 'roleId')
      .where('g.accountId = :accountId AND g.apiKeyId IN (:...ids)', {
        accountId,
        ids: [...apiKeyIds],
      })
      .getRawMany<{ ownerId: string; roleId: string }>();
    return this.roles.groupRoles(apiKeyIds, links);
  }

  private async assertNameFree(manager: EntityManager, accountId: string, nameNormalized: string) {
    if (await manager.getRepository(ApiKey).existsBy({ accountId, nameNormalized })) {
      throw conflict('A key with this name already exists in this account.', 'name');
    }
  }

  /** Verification caches everywhere drop the key once the change is committed. */
  private async changingKey<T>(
    apiKeyId: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    // Grants before (a deletion removes them) and after (roles may add one).
    const before = await this.authChanges.grantAccountsOf([apiKeyId]);
    const result = await this.inTransaction(work);
    const after = await this.authChanges.grantAccountsOf([apiKeyId]);
    await this.authChanges.keysChanged([apiKeyId], [...before, ...after]);
    return result;
  }

  /** A unique index catches the race two parallel requests win together; report it as CONFLICT. */
  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error))
        throw conflict('A key with this name already exists in this account.', 'name');
      throw error;
    }
  }
}
