import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { assertVisibleName, filterText } from '../../common/text-input.js';
import { AppError, badInput, conflict } from '../../common/app-error.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { newId } from '../../common/ids.js';
import {
  LIKE_ESCAPE,
  likeContains,
  awaitedLater,
  COUNT_CAP,
  countUpTo,
  forceIndexOnMysql,
  paginate,
  pageOf,
  pageShape,
  type Counted,
  type Counting,
  sqlTimestamp,
  type Page,
  type PageRequest,
  type SortColumn,
} from '../../common/keyset.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import { Role } from '../roles/role.entity.js';
import type { RoleService } from '../roles/role.service.js';
import { ApiKey } from './api-key.entity.js';
import type { Clock } from '../../common/clock.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import type { ApiKeySettingsService } from '../settings/api-key-settings.service.js';
import { AlertLevel, tokenCreatedRangeFor } from '../settings/token-age.js';
import { findOwnedApiKey } from './owned-api-key.js';
import { ApiToken } from './api-token.entity.js';
import { generateKeyIdentifier, generateToken, hashToken } from './api-token.secret.js';
import { KeyGrantRole } from './key-grant-role.entity.js';
import { replaceGrantRoles } from './key-grant-roles.js';
import { KeyGrant } from './key-grant.entity.js';
import { ListPlans } from './list-plans.js';
import { NO_PENDING_RENEWAL, PENDING_RENEWAL } from './pending-renewal.js';
import {
  keyNamesChanged,
  searchable,
  type KeyNameIndex,
  type KeyNameIndexes,
} from './key-name-index.js';
import { isMysqlFamily } from '../../db/dialect.js';

export type ApiKeySortField = 'NAME' | 'CREATED_AT' | 'STATUS' | 'LAST_USED';

export interface ApiKeyListArgs extends PageRequest {
  search?: string | null;
  status?: 'ACTIVE' | 'INACTIVE' | null;
  roleIds?: readonly string[] | null;
  alertLevel?: AlertLevel | null;
  renewalPending?: boolean | null;
  sortField: ApiKeySortField;
  direction: 'ASC' | 'DESC';
}

const SORTS: Record<ApiKeySortField, SortColumn<ApiKey>[]> = {
  NAME: [
    { expression: 'k.nameNormalized', read: (k) => k.nameNormalized },
    { expression: 'k.id', read: (k) => k.id },
  ],
  CREATED_AT: [
    { expression: 'k.createdAt', read: (k) => k.createdAt },
    { expression: 'k.id', read: (k) => k.id },
  ],
  STATUS: [
    { expression: 'k.active', read: (k) => k.active },
    { expression: 'k.createdAt', read: (k) => k.createdAt },
    { expression: 'k.id', read: (k) => k.id },
  ],
  LAST_USED: [
    { expression: 'k.lastUsedAt', read: (k) => k.lastUsedAt, nullable: true },
    { expression: 'k.id', read: (k) => k.id },
  ],
};

export const NAME_MAX_LENGTH = 100;

/** The index holding each sort's keyset columns in order (see the entity). */
const SORT_INDEXES: Record<ApiKeySortField, string> = {
  NAME: 'IDX_api_keys_account_name',
  CREATED_AT: 'IDX_api_keys_account_created',
  STATUS: 'IDX_api_keys_account_status',
  LAST_USED: 'IDX_api_keys_account_last_used',
};

/**
 * Filters tested key by key (roles, search) are counted only this far ("1,000+"). At or below
 * it, matches are few enough to find through the filter and sort; above it they are dense
 * enough that walking the sort index finds a page within a few thousand keys.
 */
const SPARSE_MATCHES = 1_000;
const isDense = (counted: Counted): boolean =>
  counted.totalCountCapped || counted.totalCount > SPARSE_MATCHES;

/** Keys whose token age puts them at one alert level, as bounds on the indexed tokenCreatedAt. */
const whereAlertLevel = (
  query: SelectQueryBuilder<ApiKey>,
  level: AlertLevel,
  durationDays: number,
  now: Date,
  walkingSortIndex = false,
): SelectQueryBuilder<ApiKey> => {
  const range = tokenCreatedRangeFor(level, durationDays, now);
  if (range.after)
    query.andWhere('k.tokenCreatedAt > :after', { after: sqlTimestamp(range.after) });
  if (range.atOrBefore) {
    query.andWhere('k.tokenCreatedAt <= :atOrBefore', {
      atOrBefore: sqlTimestamp(range.atOrBefore),
    });
    // A key's token is never older than the key, so the bound holds for createdAt too: it
    // lets a page walking the CREATED_AT or STATUS index seek past the newer keys. Counts
    // keep to the tokenCreatedAt index alone, which answers them without reading rows.
    if (walkingSortIndex) {
      query.andWhere('k.createdAt <= :atOrBefore');
    }
  }
  return query;
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

export class ApiKeyService {
  private readonly listPlans = new ListPlans();

  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RoleService,
    private readonly settings: ApiKeySettingsService,
    private readonly tokenSecret: string,
    private readonly clock: Clock,
    private readonly authChanges: AuthChanges,
    private readonly keyNameIndexes: KeyNameIndexes,
  ) {}

  async listGenerated(caller: Caller, args: ApiKeyListArgs): Promise<Page<ApiKey> & Counting> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    const durationDays = args.alertLevel
      ? (await this.settings.forAccount(principal.accountId)).tokenDurationDays
      : 0;
    const now = this.clock();
    const search = filterText('search', args.search)?.toLowerCase();
    const roleIds = args.roleIds?.length ? [...args.roleIds] : null;
    const searchOnly =
      Boolean(search) &&
      !args.status &&
      !roleIds &&
      !args.alertLevel &&
      args.renewalPending == null;
    // Binary on MySQL too: the same matches as SQLite and the in-memory index (lower-cased
    // text, accents significant), and faster than a collation-aware LIKE.
    const binary = isMysqlFamily(this.dataSource.manager) ? ' COLLATE utf8mb4_bin' : '';
    /** `walking`: the page walks the sort index, so no filter may become a semi-join driving it. */
    const filtered = (walking: boolean) => {
      const query = this.dataSource
        .getRepository(ApiKey)
        .createQueryBuilder('k')
        .where('k.accountId = :accountId', { accountId: principal.accountId });
      if (search) {
        // Both columns are lower case already: no LOWER() per row.
        query.andWhere(
          `(k.nameNormalized${binary} LIKE :search ${LIKE_ESCAPE} OR k.key${binary} LIKE :search ${LIKE_ESCAPE})`,
          { search: likeContains(search) },
        );
      }
      if (args.status)
        query.andWhere('k.active = :active', { active: args.status === 'ACTIVE' ? 1 : 0 });
      // Spelled out, both statuses let the STATUS index seek on createdAt within each of them.
      else if (walking && args.sortField === 'STATUS') query.andWhere('k.active IN (0, 1)');
      if (roleIds) {
        const holdsRole = `SELECT 1 FROM key_grants g INNER JOIN key_grant_roles gr ON gr.grantId = g.id
            WHERE g.apiKeyId = k.id AND g.accountId = :accountId AND gr.roleId IN (:...roleIds)`;
        // MySQL-family optimizers turn EXISTS into a semi-join from key_grant_roles: right
        // for counting, wrong for a page, which then sorts every match. A scalar subquery stays
        // a per-key check.
        query.andWhere(walking ? `(${holdsRole} LIMIT 1) IS NOT NULL` : `EXISTS (${holdsRole})`, {
          roleIds,
        });
      }
      if (args.renewalPending != null) {
        query.andWhere(args.renewalPending ? PENDING_RENEWAL : NO_PENDING_RENEWAL, {
          now: sqlTimestamp(now),
        });
      }
      if (args.alertLevel) whereAlertLevel(query, args.alertLevel, durationDays, now, walking);
      return query;
    };
    const walk = () =>
      paginate(filtered(true), SORTS[args.sortField], args.direction, args, {
        sortIndex: SORT_INDEXES[args.sortField],
        // The NAME index also holds the key, so a search walks index entries, not rows.
        idsFirst: Boolean(search) && args.sortField === 'NAME',
      });
    // With no filter but status, walking is right whatever the count: at least one key in ten
    // matches in practice, and in a small account any walk is short.
    if (!search && !roleIds && !args.alertLevel && args.renewalPending == null) {
      const counting = awaitedLater(countUpTo(filtered(false)));
      return { ...(await walk()), counting };
    }
    const nameIndex =
      search && searchable(search) ? await this.keyNameIndexes.current(principal.accountId) : null;
    // Few matches, known from memory: the database checks and sorts only those keys.
    const searchIds = nameIndex ? nameIndex.idsUpTo(search!, SPARSE_MATCHES) : null;
    if (searchIds) {
      if (searchIds.length === 0) {
        return {
          ...pageOf([], pageShape(args, SORTS[args.sortField].length), SORTS[args.sortField]),
          counting: Promise.resolve({ totalCount: 0, totalCountCapped: false }),
        };
      }
      // Forced: by cost the optimizer may prefer walking the sort index over the whole account.
      const among = () =>
        forceIndexOnMysql(
          filtered(false).andWhere('k.id IN (:...searchIds)', { searchIds }),
          'PRIMARY',
        );
      const counting = awaitedLater(
        searchOnly
          ? Promise.resolve({ totalCount: searchIds.length, totalCountCapped: false })
          : countUpTo(among(), SPARSE_MATCHES),
      );
      return {
        ...(await paginate(among(), SORTS[args.sortField], args.direction, args)),
        counting,
      };
    }
    // A filter without search whose last count said dense walks at once, counting beside.
    const planKey = search
      ? null
      : JSON.stringify([
          principal.accountId,
          args.status ?? null,
          roleIds ? [...roleIds].sort() : null,
          args.alertLevel ?? null,
          args.renewalPending ?? null,
        ]);
    if (planKey && this.listPlans.knownDense(planKey, now.getTime())) {
      const counting = awaitedLater(
        countUpTo(filtered(false), roleIds ? SPARSE_MATCHES : COUNT_CAP).then((counted) => {
          this.listPlans.record(planKey, isDense(counted), this.clock().getTime());
          return counted;
        }),
      );
      return { ...(await walk()), counting };
    }
    // Counted only as far as the choice of plan needs; a count past that runs beside the page.
    const probed =
      nameIndex && searchOnly
        ? { totalCount: SPARSE_MATCHES, totalCountCapped: true }
        : await countUpTo(filtered(false), SPARSE_MATCHES);
    const dense = isDense(probed);
    if (planKey) this.listPlans.record(planKey, dense, now.getTime());
    const counting =
      dense && !search && !roleIds
        ? awaitedLater(countUpTo(filtered(false), COUNT_CAP))
        : Promise.resolve(probed);
    if (nameIndex && args.sortField === 'NAME' && dense) {
      const page = await this.pageFromNameIndex(nameIndex, search!, args, () => filtered(true));
      if (page) return { ...page, counting };
    }
    const page = dense
      ? await walk()
      : await paginate(filtered(false), SORTS[args.sortField], args.direction, args);
    return { ...page, counting };
  }

  /**
   * A search page in NAME order from the in-memory index: its matches in order, checked against
   * the database (still there, other filters) in growing batches. Null when the cursor's key is
   * not in the index (renamed or deleted since): the database walk answers then.
   */
  private async pageFromNameIndex(
    index: KeyNameIndex,
    term: string,
    args: ApiKeyListArgs,
    filtered: () => SelectQueryBuilder<ApiKey>,
  ): Promise<Page<ApiKey> | null> {
    const columns = SORTS.NAME;
    const shape = pageShape(args, columns.length);
    const ascending = (args.direction === 'ASC') !== shape.backwards;
    let from = ascending ? 0 : index.size - 1;
    if (shape.cursor) {
      const [name, id] = shape.cursor;
      const entry = typeof name === 'string' ? index.entryNamed(name) : -1;
      if (entry < 0 || index.idAt(entry) !== id) return null;
      from = ascending ? entry + 1 : entry - 1;
    }
    const matches = index.matching(term, from, ascending);
    const wanted = shape.size + 1;
    const found: ApiKey[] = [];
    for (let batch = wanted; found.length < wanted; batch = Math.min(batch * 4, SPARSE_MATCHES)) {
      const ids: string[] = [];
      for (let next = matches.next(); !next.done; next = matches.next()) {
        ids.push(index.idAt(next.value));
        if (ids.length === batch) break;
      }
      if (ids.length === 0) break;
      const rows = await forceIndexOnMysql(
        filtered().andWhere('k.id IN (:...candidateIds)', { candidateIds: ids }),
        'PRIMARY',
      ).getMany();
      const byId = new Map(rows.map((row) => [row.id, row]));
      found.push(...ids.flatMap((id) => byId.get(id) ?? []).slice(0, wanted - found.length));
      if (ids.length < batch) break;
    }
    return pageOf(found, shape, columns);
  }

  /** The Generated tab's banner: keys per alert level and renewals waiting for the old token's deletion. */
  async alertSummary(
    caller: Caller,
  ): Promise<{ orange: number; red: number; pendingOldTokenDeletions: number }> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    const { tokenDurationDays } = await this.settings.forAccount(principal.accountId);
    const now = this.clock();
    const keysOfAccount = () =>
      this.dataSource
        .getRepository(ApiKey)
        .createQueryBuilder('k')
        .where('k.accountId = :accountId', { accountId: principal.accountId });
    const count = (level: AlertLevel) =>
      whereAlertLevel(keysOfAccount(), level, tokenDurationDays, now).getCount();
    const [orange, red, pendingOldTokenDeletions] = await Promise.all([
      count(AlertLevel.ORANGE),
      count(AlertLevel.RED),
      keysOfAccount()
        .andWhere(PENDING_RENEWAL, { now: sqlTimestamp(now) })
        .getCount(),
    ]);
    return { orange, red, pendingOldTokenDeletions };
  }

  async get(caller: Caller, id: string): Promise<ApiKey> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    return findOwnedApiKey(this.dataSource.manager, principal, id);
  }

  async generate(
    caller: Caller,
    input: { name: string; roleIds: readonly string[] },
  ): Promise<{ apiKey: ApiKey; token: string }> {
    const principal = requireResource(caller, Resources.editApiKeys);
    const { name, nameNormalized } = normalizeName(input.name);
    const token = generateToken();
    const apiKey = await this.inTransaction(async (manager) => {
      // First: the account row's lock, taken before the new key's foreign key reads it, queues
      // generations in the account instead of deadlocking them.
      await keyNamesChanged(manager, principal.accountId);
      const roles = await this.roles.rolesGrantableBy(manager, principal, input.roleIds);
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
        createdAt: now,
        updatedAt: now,
        tokenCreatedAt: now,
        lastUsedAt: null,
      });
      await manager.save(ApiKey, created);
      await manager.insert(ApiToken, {
        id: newId(),
        apiKeyId: created.id,
        tokenHash: hashToken(this.tokenSecret, token),
        createdAt: now,
        expiresAt: null,
        lastUsedAt: null,
        lastUsedIp: null,
      });
      const grant = { id: newId(), apiKeyId: created.id, accountId: account.id, createdAt: now };
      await manager.insert(KeyGrant, grant);
      await replaceGrantRoles(manager, grant.id, roles);
      await recordAudit(manager, caller, {
        accountId: account.id,
        action: 'api-key.generated',
        target: { type: 'api-key', id: created.id, label: created.key },
        details: { name, roleIds: roles.map((role) => role.id) },
      });
      return created;
    });
    return { apiKey, token };
  }

  async update(
    caller: Caller,
    input: {
      id: string;
      name?: string | null;
      roleIds?: readonly string[] | null;
      active?: boolean | null;
    },
  ): Promise<ApiKey> {
    const principal = requireResource(caller, Resources.editApiKeys);
    return this.changingKey(input.id, async (manager) => {
      const apiKey = await findOwnedApiKey(manager, principal, input.id, true);
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
      }
      if (input.roleIds) {
        const roles = await this.roles.rolesGrantableBy(manager, principal, input.roleIds);
        const grant = await manager.getRepository(KeyGrant).findOneByOrFail({
          apiKeyId: apiKey.id,
          accountId: principal.accountId,
        });
        await replaceGrantRoles(manager, grant.id, roles);
        changes.roleIds = roles.map((role) => role.id);
      }
      apiKey.updatedAt = this.clock();
      await manager.save(ApiKey, apiKey);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.updated',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
        details: changes,
      });
      return apiKey;
    });
  }

  async setActive(caller: Caller, id: string, active: boolean): Promise<ApiKey> {
    const principal = requireResource(caller, Resources.editApiKeys);
    return this.changingKey(id, async (manager) => {
      const apiKey = await findOwnedApiKey(manager, principal, id, true);
      if (apiKey.active === active) return apiKey;
      apiKey.active = active;
      apiKey.updatedAt = this.clock();
      await manager.save(ApiKey, apiKey);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: active ? 'api-key.activated' : 'api-key.deactivated',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
      });
      return apiKey;
    });
  }

  async delete(caller: Caller, id: string, confirmed: boolean): Promise<string> {
    const principal = requireResource(caller, Resources.editApiKeys);
    if (!confirmed) throw badInput('confirm', 'Confirm that this action cannot be undone.');
    return this.changingKey(id, async (manager) => {
      const apiKey = await findOwnedApiKey(manager, principal, id, true);
      // Grants, their roles and tokens go with the key (ON DELETE CASCADE).
      await manager.delete(ApiKey, { id: apiKey.id });
      await keyNamesChanged(manager, principal.accountId);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-key.deleted',
        target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
        details: { name: apiKey.name },
      });
      return apiKey.id;
    });
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
    const result = await this.inTransaction(work);
    await this.authChanges.keysChanged([apiKeyId]);
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
