import type { DataSource, EntityManager } from 'typeorm';
import { filterText } from '../../common/text-input.js';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { newId } from '../../common/ids.js';
import {
  LIKE_ESCAPE,
  likeContains,
  countUpTo,
  paginate,
  type Counted,
  type Page,
  type PageRequest,
  type SortColumn,
} from '../../common/keyset.js';
import { Account } from '../accounts/account.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { replaceGrantRoles } from '../api-keys/key-grant-roles.js';
import { isMysqlFamily } from '../../common/dialect.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordLifecycleEvent } from '../webhooks/lifecycle-event.js';
import { requireAuthority, requireAuthorityOver, resourcesHeldByKeys } from '../auth/authority.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller, Principal } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import type { Role } from '../roles/role.entity.js';
import type { RoleService } from '../roles/role.service.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import { canonicalKeyIdentifier } from '../tokens/api-token.secret.js';

/** The active keys of `accountId` that the given keys generated there as external keys. */
const activeKeysCreatedByQuery = (
  manager: EntityManager,
  accountId: string,
  creatorIds: readonly string[],
) =>
  manager
    .getRepository(ApiKey)
    .createQueryBuilder('k')
    .where("k.accountId = :accountId AND k.createdByType = 'external-key'", { accountId })
    .andWhere('k.createdById IN (:...creatorIds) AND k.active = :active', {
      creatorIds: [...creatorIds],
      active: 1,
    });

export type ExternalKeySortField = 'KEY' | 'ADDED_AT' | 'STATUS' | 'OWNER_ACCOUNT';

export interface ExternalKeyListArgs extends PageRequest {
  search?: string | null;
  status?: 'ACTIVE' | 'INACTIVE' | null;
  roleIds?: readonly string[] | null;
  sortField: ExternalKeySortField;
  direction: 'ASC' | 'DESC';
}

const apiKeyOf = (grant: KeyGrant): ApiKey => grant.apiKey as ApiKey;

const SORTS: Record<ExternalKeySortField, SortColumn<KeyGrant>[]> = {
  KEY: [{ expression: 'k.key', read: (g) => apiKeyOf(g).key }],
  ADDED_AT: [
    { expression: 'g.createdAt', read: (g) => g.createdAt },
    { expression: 'g.id', read: (g) => g.id },
  ],
  STATUS: [
    { expression: 'k.active', read: (g) => apiKeyOf(g).active },
    { expression: 'g.createdAt', read: (g) => g.createdAt },
    { expression: 'g.id', read: (g) => g.id },
  ],
  OWNER_ACCOUNT: [
    { expression: 'owner.slug', read: (g) => apiKeyOf(g).account?.slug ?? '' },
    { expression: 'k.key', read: (g) => apiKeyOf(g).key },
  ],
};

const ALREADY_ADDED = 'This key is already added to this account.';

/**
 * Keys owned by other accounts and granted roles here. This account sees only the key
 * identifier, its owner and status, and the roles it grants: never name or token.
 */
export class ExternalKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RoleService,
    private readonly authChanges: AuthChanges,
  ) {}

  async list(caller: Caller, args: ExternalKeyListArgs): Promise<Page<KeyGrant> & Counted> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    const filtered = () => {
      const query = this.externalGrants(this.dataSource.manager, principal);
      const search = filterText('search', args.search);
      if (search) {
        query.andWhere(
          `(LOWER(k.key) LIKE :search ${LIKE_ESCAPE} OR LOWER(owner.slug) LIKE :search ${LIKE_ESCAPE})`,
          {
            search: likeContains(search),
          },
        );
      }
      if (args.status)
        query.andWhere('k.active = :active', { active: args.status === 'ACTIVE' ? 1 : 0 });
      if (args.roleIds && args.roleIds.length > 0) {
        query.andWhere(
          'EXISTS (SELECT 1 FROM key_grant_roles gr WHERE gr.grantId = g.id AND gr.roleId IN (:...roleIds))',
          { roleIds: [...args.roleIds] },
        );
      }
      return query;
    };
    const [page, counted] = await Promise.all([
      paginate(filtered(), SORTS[args.sortField], args.direction, args),
      countUpTo(filtered()),
    ]);
    return { ...page, ...counted };
  }

  async add(caller: Caller, input: { key: string; roleIds: readonly string[] }): Promise<KeyGrant> {
    const principal = requireResource(caller, Resources.editApiKeys);
    // The one spelling verification reads too; MySQL's collation would also match look-alikes.
    const identifier = canonicalKeyIdentifier(input.key);
    if (!identifier) throw badInput('key', 'Enter the key to add.');
    return this.changingGrant(async (manager) => {
      const found = await manager.getRepository(ApiKey).findOne({
        where: { key: identifier },
        relations: { account: true },
      });
      const apiKey = found?.key === identifier ? found : null;
      if (!apiKey) throw Object.assign(notFound('API key'), { field: 'key' });
      if (apiKey.accountId === principal.accountId) {
        throw badInput('key', 'This key belongs to this account: manage it in the Generated tab.');
      }
      const roles = await this.roles.rolesGrantableBy(
        manager,
        principal,
        input.roleIds,
        'external-key',
      );
      if (
        await manager
          .getRepository(KeyGrant)
          .existsBy({ apiKeyId: apiKey.id, accountId: principal.accountId })
      ) {
        throw conflict(ALREADY_ADDED, 'key');
      }
      const grant = manager.create(KeyGrant, {
        id: newId(),
        apiKeyId: apiKey.id,
        accountId: principal.accountId,
        createdAt: new Date(),
      });
      try {
        await manager.insert(KeyGrant, grant);
      } catch (error) {
        // The unique index settles two parallel adds of one key.
        if (isUniqueViolation(error)) throw conflict(ALREADY_ADDED, 'key');
        throw error;
      }
      await replaceGrantRoles(manager, grant.id, roles);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'external-key.added',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
        details: { ownerAccount: apiKey.account?.slug, roleIds: roles.map((role) => role.id) },
      });
      await recordLifecycleEvent(manager, {
        type: 'external_key.added',
        accountId: principal.accountId,
        // The key's name stays with its owner account, as in the external keys list.
        data: {
          key: apiKey.key,
          ownerAccount: apiKey.account?.slug,
          roleIds: roles.map((role) => role.id),
        },
        occurredAt: grant.createdAt,
      });
      grant.apiKey = apiKey;
      return grant;
    });
  }

  async updateRoles(
    caller: Caller,
    input: { id: string; roleIds: readonly string[] },
  ): Promise<KeyGrant> {
    const principal = requireResource(caller, Resources.editApiKeys);
    return this.changingGrant(async (manager) => {
      const grant = await this.findExternalWithinAuthority(manager, principal, input.id);
      const roles = await this.roles.rolesGrantableBy(
        manager,
        principal,
        input.roleIds,
        'external-key',
      );
      await replaceGrantRoles(manager, grant.id, roles);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'external-key.updated',
        target: { type: 'api-key', id: grant.apiKeyId, label: apiKeyOf(grant).key },
        details: { roleIds: roles.map((role) => role.id) },
      });
      return grant;
    });
  }

  /**
   * The key loses its access here at once. With `deactivateKeysItCreated`, the active keys of
   * this account it generated here (createdBy) are deactivated in the same transaction: they
   * would otherwise outlive the grant. The caller must hold what each of them holds.
   */
  async remove(
    caller: Caller,
    id: string,
    options: { deactivateKeysItCreated?: boolean } = {},
  ): Promise<{ id: string; deactivatedKeyCount: number }> {
    const principal = requireResource(caller, Resources.editApiKeys);
    let deactivated: string[] = [];
    const removed = await this.dataSource.transaction(async (manager) => {
      const grant = await this.findExternalWithinAuthority(manager, principal, id);
      if (options.deactivateKeysItCreated) {
        deactivated = await this.deactivateKeysCreatedBy(manager, caller, principal, grant);
      }
      await manager.delete(KeyGrant, { id: grant.id });
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'external-key.removed',
        target: { type: 'api-key', id: grant.apiKeyId, label: apiKeyOf(grant).key },
        ...(options.deactivateKeysItCreated ? { details: { deactivatedKeyIds: deactivated } } : {}),
      });
      await recordLifecycleEvent(manager, {
        type: 'external_key.removed',
        accountId: principal.accountId,
        data: { key: apiKeyOf(grant).key },
      });
      return grant;
    });
    await this.authChanges.keysChanged(
      [removed.apiKeyId, ...deactivated],
      [removed.accountId, ...(await this.authChanges.grantAccountsOf(deactivated))],
    );
    return { id: removed.id, deactivatedKeyCount: deactivated.length };
  }

  /** Active keys of `accountId` each key generated there as an external key (DataLoader batch). */
  async activeKeysCreatedBy(accountId: string, apiKeyIds: readonly string[]): Promise<number[]> {
    const rows = await activeKeysCreatedByQuery(this.dataSource.manager, accountId, apiKeyIds)
      .select('k.createdById', 'creatorId')
      .addSelect('COUNT(*)', 'count')
      .groupBy('k.createdById')
      .getRawMany<{ creatorId: string; count: string | number }>();
    const counts = new Map(rows.map((row) => [row.creatorId, Number(row.count)]));
    return apiKeyIds.map((apiKeyId) => counts.get(apiKeyId) ?? 0);
  }

  /**
   * What the active keys of `accountId` that each key generated there hold, wherever they are
   * granted: the caller must hold it all to deactivate them with the grant (DataLoader batch).
   */
  async resourcesOfKeysCreatedBy(
    accountId: string,
    apiKeyIds: readonly string[],
  ): Promise<Set<string>[]> {
    const created = await activeKeysCreatedByQuery(this.dataSource.manager, accountId, apiKeyIds)
      .select(['k.id', 'k.createdById'])
      .getMany();
    const held = await resourcesHeldByKeys(
      this.dataSource.manager,
      created.map((key) => key.id),
    );
    const byCreator = new Map(apiKeyIds.map((id) => [id, new Set<string>()]));
    created.forEach((key, index) => {
      for (const resource of held[index]!) byCreator.get(key.createdById!)?.add(resource);
    });
    return apiKeyIds.map((id) => byCreator.get(id)!);
  }

  /** Deactivates, audited one by one, the active keys here that the grant's key generated. */
  private async deactivateKeysCreatedBy(
    manager: EntityManager,
    caller: Caller,
    principal: Principal,
    grant: KeyGrant,
  ): Promise<string[]> {
    const query = activeKeysCreatedByQuery(manager, principal.accountId, [grant.apiKeyId]).orderBy(
      'k.id',
    );
    if (isMysqlFamily(manager)) query.setLock('pessimistic_write');
    const keys = await query.getMany();
    if (keys.length === 0) return [];
    const ids = keys.map((key) => key.id);
    // Hold what you touch (SPEC 5): every resource any of them holds, wherever, in one query.
    const held = await resourcesHeldByKeys(manager, ids);
    requireAuthority(
      principal,
      'api-key',
      held.flatMap((resources) => [...resources]),
    );
    const now = new Date();
    await manager
      .createQueryBuilder()
      .update(ApiKey)
      .set({ active: false, updatedAt: now })
      .where('id IN (:...ids) AND accountId = :accountId', { ids, accountId: principal.accountId })
      .execute();
    for (const key of keys) {
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.deactivated',
        target: { type: 'api-key', id: key.id, label: key.key },
        details: { reason: 'external-key.removed', createdBy: apiKeyOf(grant).key },
      });
      await recordLifecycleEvent(manager, {
        type: 'key.deactivated',
        accountId: principal.accountId,
        data: {
          key: key.key,
          keyName: key.name,
          reason: 'external_key.removed',
          createdBy: apiKeyOf(grant).key,
        },
        occurredAt: now,
      });
    }
    return ids;
  }

  /** Roles each grant holds, for a whole page in one query (DataLoader batch). */
  async rolesOfGrants(grantIds: readonly string[]): Promise<Role[][]> {
    return this.roles.rolesOfGrants(grantIds);
  }

  /** Other accounts a key is granted in, for its owner's read-only list (DataLoader batch). */
  async accountsGrantedTo(apiKeyIds: readonly string[]): Promise<Account[][]> {
    const rows = await this.dataSource
      .getRepository(KeyGrant)
      .createQueryBuilder('g')
      .innerJoinAndSelect('g.account', 'a')
      .innerJoin('g.apiKey', 'k')
      .where('g.apiKeyId IN (:...ids) AND g.accountId <> k.accountId', { ids: [...apiKeyIds] })
      .orderBy('a.slug', 'ASC')
      .getMany();
    return apiKeyIds.map((id) =>
      rows.filter((grant) => grant.apiKeyId === id).map((grant) => grant.account as Account),
    );
  }

  /** Verification caches everywhere drop the key once the grant change is committed. */
  private async changingGrant(
    work: (manager: EntityManager) => Promise<KeyGrant>,
  ): Promise<KeyGrant> {
    const grant = await this.dataSource.transaction(work);
    await this.authChanges.keysChanged([grant.apiKeyId], [grant.accountId]);
    return grant;
  }

  private externalGrants(manager: EntityManager, principal: Principal) {
    return manager
      .getRepository(KeyGrant)
      .createQueryBuilder('g')
      .innerJoinAndSelect('g.apiKey', 'k')
      .innerJoinAndSelect('k.account', 'owner')
      .where('g.accountId = :accountId AND k.accountId <> :accountId', {
        accountId: principal.accountId,
      });
  }

  /**
   * Grants of other accounts, and this account's own keys, are as unknown as made-up ids; a
   * grant holding resources the caller lacks is refused.
   */
  private async findExternalWithinAuthority(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<KeyGrant> {
    const grant = await this.externalGrants(manager, principal)
      .andWhere('g.id = :id', { id })
      .getOne();
    if (!grant) throw notFound('External key');
    // Hold what you touch (SPEC 5): only callers holding all the grant's resources change it.
    await requireAuthorityOver(manager, principal, { kind: 'external-key', grantId: grant.id });
    return grant;
  }
}
