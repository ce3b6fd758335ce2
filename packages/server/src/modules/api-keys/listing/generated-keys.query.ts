import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../../../common/app-error.js';
import type { Clock } from '../../../common/clock.js';
import {
  awaitedLater,
  COUNT_CAP,
  countUpTo,
  paginate,
  pageOf,
  pageShape,
  rowsThroughIndex,
  sqlTimestamp,
  type Counted,
  type Counting,
  type Page,
} from '../../../common/keyset.js';
import { filterText } from '../../../common/text-input.js';
import { requireResource } from '../../auth/authorization.js';
import type { Caller } from '../../auth/principal.js';
import { Resources } from '../../roles/resource-catalog.js';
import type { ApiKeySettingsService } from '../../settings/api-key-settings.service.js';
import { AlertLevel } from '../../tokens/token-age.js';
import { ApiKey } from '../api-key.entity.js';
import { PENDING_RENEWAL } from '../pending-renewal.js';
import { searchable, type KeyNameIndex, type KeyNameIndexes } from './key-name-index.js';
import {
  filteredKeys,
  filtersBeyondStatus,
  searchOnly,
  SORT_INDEXES,
  SORTS,
  whereAlertLevel,
  type ApiKeyListArgs,
  type ListFilters,
} from './list-filters.js';
import { choosePlan, SPARSE_MATCHES } from './list-planner.js';
import { ListPlans } from './list-plans.js';

const MAX_INACTIVE_FOR_DAYS = 3650;

const validInactiveForDays = (days: number | null | undefined): number | null => {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < 1 || days > MAX_INACTIVE_FOR_DAYS)
    throw badInput('inactiveForDays', `Choose between 1 and ${MAX_INACTIVE_FOR_DAYS} days.`);
  return days;
};

const isDense = (counted: Counted): boolean =>
  counted.totalCountCapped || counted.totalCount > SPARSE_MATCHES;

/** The Generated tab's reads: its pages (the planner picks how) and its alert banner. */
export class GeneratedKeysQuery {
  private readonly listPlans = new ListPlans();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ApiKeySettingsService,
    private readonly clock: Clock,
    private readonly keyNameIndexes: KeyNameIndexes,
  ) {}

  async list(caller: Caller, args: ApiKeyListArgs): Promise<Page<ApiKey> & Counting> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    const filters: ListFilters = {
      accountId: principal.accountId,
      search: filterText('search', args.search)?.toLowerCase() || null,
      status: args.status ?? null,
      roleIds: args.roleIds?.length ? [...args.roleIds] : null,
      alertLevel: args.alertLevel ?? null,
      renewalPending: args.renewalPending ?? null,
      createdBy: args.createdBy ?? null,
      leaked: args.leaked ?? null,
      inactiveForDays: validInactiveForDays(args.inactiveForDays),
      sortField: args.sortField,
      durationDays: args.alertLevel
        ? (await this.settings.forAccount(principal.accountId)).tokenDurationDays
        : 0,
      now: this.clock(),
    };
    const { search, roleIds, now } = filters;
    const columns = SORTS[args.sortField];
    const filtered = (walking: boolean) => filteredKeys(this.dataSource, filters, walking);
    const walk = () =>
      paginate(filtered(true), columns, args.direction, args, {
        sortIndex: SORT_INDEXES[args.sortField],
        // The NAME index also holds the key, so a search walks index entries, not rows.
        idsFirst: Boolean(search) && args.sortField === 'NAME',
      });

    const nameIndex =
      search && searchable(search) ? await this.keyNameIndexes.current(filters.accountId) : null;
    // Few matches, known from memory: the database checks and sorts only those keys.
    const matchedIds = nameIndex && search ? nameIndex.idsUpTo(search, SPARSE_MATCHES) : null;

    // A filter without search whose last count said dense walks at once, counting beside.
    const planKey = search
      ? null
      : JSON.stringify([
          filters.accountId,
          filters.status,
          roleIds ? [...roleIds].sort() : null,
          filters.alertLevel,
          filters.renewalPending,
          filters.createdBy ? [filters.createdBy.type, filters.createdBy.id] : null,
          filters.leaked,
          filters.inactiveForDays,
        ]);
    /** Set where density is learned: the count that answered it, or one run beside the page. */
    let counting: Promise<Counted> | undefined;
    const dense = async (): Promise<boolean> => {
      if (planKey && this.listPlans.knownDense(planKey, now.getTime())) {
        counting = awaitedLater(
          countUpTo(filtered(false), roleIds ? SPARSE_MATCHES : COUNT_CAP).then((counted) => {
            this.listPlans.record(planKey, isDense(counted), this.clock().getTime());
            return counted;
          }),
        );
        return true;
      }
      // Counted only as far as the choice of plan needs; a count past that runs beside the page.
      const probed =
        nameIndex && searchOnly(filters)
          ? { totalCount: SPARSE_MATCHES, totalCountCapped: true }
          : await countUpTo(filtered(false), SPARSE_MATCHES);
      const verdict = isDense(probed);
      if (planKey) this.listPlans.record(planKey, verdict, now.getTime());
      counting =
        verdict && !search && !roleIds
          ? awaitedLater(countUpTo(filtered(false), COUNT_CAP))
          : Promise.resolve(probed);
      return verdict;
    };

    /** Status alone is never counted to choose a plan: its count runs beside the page. */
    const countingBeside = () => counting ?? awaitedLater(countUpTo(filtered(false)));
    const plan = await choosePlan(
      {
        filtersBeyondStatus: filtersBeyondStatus(filters),
        matchesKnownInMemory: matchedIds !== null,
        nameOrderInMemory: nameIndex !== null && args.sortField === 'NAME',
      },
      dense,
    );
    switch (plan) {
      case 'PAGE_AMONG_IDS': {
        const ids = matchedIds ?? [];
        if (ids.length === 0) {
          return {
            ...pageOf([], pageShape(args, columns.length), columns),
            counting: Promise.resolve({ totalCount: 0, totalCountCapped: false }),
          };
        }
        // Forced: by cost the optimizer may prefer walking the sort index over the whole account.
        const among = () => filtered(false).andWhere('k.id IN (:...searchIds)', { searchIds: ids });
        const amongCount = awaitedLater(
          searchOnly(filters)
            ? Promise.resolve({ totalCount: ids.length, totalCountCapped: false })
            : countUpTo(among(), SPARSE_MATCHES, 'PRIMARY'),
        );
        return {
          ...(await paginate(among(), columns, args.direction, args, { index: 'PRIMARY' })),
          counting: amongCount,
        };
      }
      case 'PAGE_FROM_NAME_INDEX': {
        const page =
          nameIndex && search
            ? await this.pageFromNameIndex(nameIndex, search, args, () => filtered(true))
            : null;
        // Null when the cursor's key left the index since: the database walk answers then.
        return { ...(page ?? (await walk())), counting: countingBeside() };
      }
      case 'WALK_SORT_INDEX':
        return { ...(await walk()), counting: countingBeside() };
      case 'SORT_MATCHES':
        return {
          ...(await paginate(filtered(false), columns, args.direction, args)),
          counting: countingBeside(),
        };
    }
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
      const rows = await rowsThroughIndex(
        filtered().andWhere('k.id IN (:...candidateIds)', { candidateIds: ids }),
        'PRIMARY',
        ids.length,
      );
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
}
