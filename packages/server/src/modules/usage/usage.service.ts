import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/app-error.js';
import { DAY_MS, type Clock } from '../../common/clock.js';
import { isMysqlFamily } from '../../common/dialect.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import { addingUpsert, HOUR_MS, HOURS_PER_DAY } from './usage.recorder.js';

export type UsageGranularity = 'HOUR' | 'DAY';

export const DEFAULT_USAGE_RETENTION_DAYS = 90;
/** Days kept hour by hour; older hours are rolled up into days. */
export const HOURLY_DAYS = 7;
/** The longest range one query may ask for, and the most buckets it may return. */
export const MAX_RANGE_DAYS = 92;
export const MAX_BUCKETS = 2_200;
/** Source addresses kept per key and day once the day is over. */
export const TOP_SOURCES = 10;
/** The rollup and retention run at most this often per server (the job ticks every minute). */
const HOUSEKEEPING_EVERY_MS = HOUR_MS;

export interface OutcomeCount {
  outcome: string;
  count: number;
}

export interface UsageBucket {
  start: Date;
  total: number;
  outcomes: OutcomeCount[];
}

export interface KeyUsageReport {
  from: Date;
  to: Date;
  granularity: UsageGranularity;
  buckets: UsageBucket[];
  totals: OutcomeCount[];
  topSources: { address: string; count: number }[];
}

export interface KeyUsageTotal {
  apiKey: ApiKey;
  total: number;
  valid: number;
  refused: number;
}

const bucketHours = (granularity: UsageGranularity) => (granularity === 'DAY' ? HOURS_PER_DAY : 1);

/** Count columns come back as strings (MySQL SUM) or numbers (SQLite). */
const asNumber = (value: unknown): number => Number(value ?? 0);

/**
 * Usage per key (issue 18, U1): reads for GraphQL, and the housekeeping that rolls hours older
 * than {@link HOURLY_DAYS} into days and deletes what is past the retention window.
 */
export class UsageService {
  private lastHousekeeping = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    readonly retentionDays = DEFAULT_USAGE_RETENTION_DAYS,
  ) {}

  /** A key's usage in a range; only for keys the caller's account generated. */
  async keyUsage(
    caller: Caller,
    apiKey: ApiKey,
    range: { from: Date; to: Date; granularity: UsageGranularity },
  ): Promise<KeyUsageReport> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    // The usage of a key belongs to its owner: an account the key was granted to sees none of it.
    if (apiKey.accountId !== principal.accountId) throw notFound('API key');
    const { fromHour, toHour } = this.hoursOf(range.from, range.to, range.granularity);
    const step = bucketHours(range.granularity);
    const manager = this.dataSource.manager;
    const mysql = isMysqlFamily(manager);
    const bucketOf = step === 1 ? 'hour' : mysql ? 'hour DIV 24' : 'hour / 24';
    const fromDay = Math.floor(fromHour / HOURS_PER_DAY);
    const toDay = Math.ceil(toHour / HOURS_PER_DAY);
    // Two independent reads: on MySQL they run at once on two pooled connections.
    const [rows, sources] = await Promise.all([
      manager.query<{ bucket: unknown; outcome: string; total: unknown }[]>(
        q(
          mysql,
          `SELECT ${bucketOf} AS bucket, \`outcome\`, SUM(\`count\`) AS total FROM \`key_usage\` WHERE \`apiKeyId\` = ? AND \`hour\` >= ? AND \`hour\` < ? GROUP BY bucket, \`outcome\``,
        ),
        [apiKey.id, fromHour, toHour],
      ),
      manager.query<{ address: string; total: unknown }[]>(
        q(
          mysql,
          `SELECT \`address\`, SUM(\`count\`) AS total FROM \`key_usage_sources\` WHERE \`apiKeyId\` = ? AND \`day\` >= ? AND \`day\` < ? GROUP BY \`address\` ORDER BY total DESC, \`address\` LIMIT ${TOP_SOURCES}`,
        ),
        [apiKey.id, fromDay, toDay],
      ),
    ]);

    const firstBucket = fromHour / step;
    const buckets: UsageBucket[] = Array.from({ length: (toHour - fromHour) / step }, (_, i) => ({
      start: new Date((firstBucket + i) * step * HOUR_MS),
      total: 0,
      outcomes: [],
    }));
    const totals = new Map<string, number>();
    for (const row of rows) {
      const bucket = buckets[asNumber(row.bucket) - firstBucket];
      const count = asNumber(row.total);
      if (!bucket || count === 0) continue;
      bucket.total += count;
      bucket.outcomes.push({ outcome: row.outcome, count });
      totals.set(row.outcome, (totals.get(row.outcome) ?? 0) + count);
    }
    for (const bucket of buckets) bucket.outcomes.sort(byOutcome);
    return {
      from: new Date(fromHour * HOUR_MS),
      to: new Date(toHour * HOUR_MS),
      granularity: range.granularity,
      buckets,
      totals: [...totals].map(([outcome, count]) => ({ outcome, count })).sort(byOutcome),
      topSources: sources.map((row) => ({ address: row.address, count: asNumber(row.total) })),
    };
  }

  /** The account's most used keys in a range (its own keys only), most used first. */
  async topKeys(caller: Caller, from: Date, to: Date, limit: number): Promise<KeyUsageTotal[]> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw badInput('first', 'Ask for 1 to 100 keys.');
    const { fromHour, toHour } = this.hoursOf(from, to, 'HOUR');
    const manager = this.dataSource.manager;
    const rows = await manager.query<{ apiKeyId: string; total: unknown; valid: unknown }[]>(
      q(
        isMysqlFamily(manager),
        `SELECT u.\`apiKeyId\` AS apiKeyId, SUM(u.\`count\`) AS total, SUM(CASE WHEN u.\`outcome\` = 'VALID' THEN u.\`count\` ELSE 0 END) AS valid FROM \`key_usage\` u JOIN \`api_keys\` k ON k.\`id\` = u.\`apiKeyId\` WHERE k.\`accountId\` = ? AND u.\`hour\` >= ? AND u.\`hour\` < ? GROUP BY u.\`apiKeyId\` ORDER BY total DESC, u.\`apiKeyId\` LIMIT ${limit}`,
      ),
      [principal.accountId, fromHour, toHour],
    );
    const keys = rows.length
      ? await manager.getRepository(ApiKey).findBy({
          id: In(rows.map((row) => row.apiKeyId)),
          accountId: principal.accountId,
        })
      : [];
    const byId = new Map(keys.map((key) => [key.id, key]));
    return rows.flatMap((row) => {
      const apiKey = byId.get(row.apiKeyId);
      const total = asNumber(row.total);
      const valid = asNumber(row.valid);
      return apiKey ? [{ apiKey, total, valid, refused: total - valid }] : [];
    });
  }

  /**
   * Verifications per UTC day over the last 7 days (today last), per key, for keys of
   * the caller's account; the keys of other accounts get an empty list. One query a page.
   */
  async last7Days(caller: Caller, apiKeyIds: readonly string[]): Promise<number[][]> {
    const { accountId } = requireResource(caller, Resources.viewApiKeys);
    const today = Math.floor(this.clock().getTime() / DAY_MS);
    const firstDay = today - 6;
    const manager = this.dataSource.manager;
    const mysql = isMysqlFamily(manager);
    const placeholders = apiKeyIds.map(() => '?').join(', ');
    // From the account's keys: a key of another account gets no row at all, an unused one a
    // row with a null day.
    const rows = await manager.query<{ apiKeyId: string; day: unknown; total: unknown }[]>(
      q(
        mysql,
        `SELECT k.\`id\` AS apiKeyId, ${mysql ? 'u.hour DIV 24' : 'u.hour / 24'} AS day, SUM(u.\`count\`) AS total FROM \`api_keys\` k LEFT JOIN \`key_usage\` u ON u.\`apiKeyId\` = k.\`id\` AND u.\`hour\` >= ? WHERE k.\`accountId\` = ? AND k.\`id\` IN (${placeholders}) GROUP BY k.\`id\`, day`,
      ),
      [firstDay * HOURS_PER_DAY, accountId, ...apiKeyIds],
    );
    const owned = new Set(rows.map((row) => row.apiKeyId));
    const perKey = new Map(
      apiKeyIds.map((id) => [id, owned.has(id) ? Array<number>(7).fill(0) : []]),
    );
    for (const row of rows) {
      const days = perKey.get(row.apiKeyId);
      if (row.day === null) continue;
      const index = asNumber(row.day) - firstDay;
      if (days && index >= 0 && index < 7) days[index] = (days[index] ?? 0) + asNumber(row.total);
    }
    return apiKeyIds.map((id) => perKey.get(id) ?? []);
  }

  /**
   * Rolls hours older than {@link HOURLY_DAYS} (counted in whole days) into their day, trims
   * finished days to their top sources, and deletes what is past retention. At most once an hour
   * per server; idempotent, and safe when several servers run it at once (one transaction each,
   * retried on a conflict: a second run finds nothing left to roll up).
   */
  async housekeeping(force = false): Promise<void> {
    const now = this.clock().getTime();
    if (!force && now - this.lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    const today = Math.floor(now / DAY_MS);
    const hourlyFrom = (today - HOURLY_DAYS) * HOURS_PER_DAY;
    const keptFromDay = today - this.retentionDays;
    // Transactions are retried whole on a conflict (installTransactionRetry).
    await this.dataSource.transaction((manager) => this.rollUp(manager, hourlyFrom));
    await this.dataSource.transaction((manager) => this.trimSources(manager, today));
    const mysql = isMysqlFamily(this.dataSource.manager);
    await this.dataSource.query(q(mysql, 'DELETE FROM `key_usage` WHERE `hour` < ?'), [
      keptFromDay * HOURS_PER_DAY,
    ]);
    await this.dataSource.query(q(mysql, 'DELETE FROM `key_usage_sources` WHERE `day` < ?'), [
      keptFromDay,
    ]);
    this.lastHousekeeping = now;
  }

  /** Validates a range and widens it to whole buckets. */
  private hoursOf(from: Date, to: Date, granularity: UsageGranularity) {
    if (!Number.isFinite(from.getTime()) || !Number.isFinite(to.getTime()))
      throw badInput('from', 'Give a valid range.');
    if (from >= to) throw badInput('to', '`to` must be after `from`.');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw badInput('to', `Ask for at most ${MAX_RANGE_DAYS} days at once.`);
    const step = bucketHours(granularity);
    const fromHour = Math.floor(from.getTime() / HOUR_MS / step) * step;
    const toHour = Math.ceil(to.getTime() / HOUR_MS / step) * step;
    if ((toHour - fromHour) / step > MAX_BUCKETS)
      throw badInput('granularity', `Ask for at most ${MAX_BUCKETS} buckets: use DAY.`);
    return { fromHour, toHour };
  }

  private async rollUp(manager: EntityManager, beforeHour: number): Promise<void> {
    const mysql = isMysqlFamily(manager);
    const dayStart = mysql ? '(`hour` DIV 24) * 24' : '(`hour` / 24) * 24';
    // Locks the hours to roll up (MySQL) so a concurrent run waits, then finds them gone.
    const rows = await manager.query<
      { apiKeyId: string; day: unknown; outcome: string; total: unknown }[]
    >(
      q(
        mysql,
        `SELECT \`apiKeyId\`, ${dayStart} AS day, \`outcome\`, SUM(\`count\`) AS total FROM \`key_usage\` WHERE \`hour\` < ? AND \`hour\` % 24 <> 0 GROUP BY \`apiKeyId\`, day, \`outcome\`${mysql ? ' FOR UPDATE' : ''}`,
      ),
      [beforeHour],
    );
    if (rows.length === 0) return;
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await manager.query(
        addingUpsert(mysql, 'key_usage', ['apiKeyId', 'hour', 'outcome'], chunk.length),
        chunk.flatMap((row) => [row.apiKeyId, asNumber(row.day), row.outcome, asNumber(row.total)]),
      );
    }
    await manager.query(q(mysql, 'DELETE FROM `key_usage` WHERE `hour` < ? AND `hour` % 24 <> 0'), [
      beforeHour,
    ]);
  }

  /** Finished days keep their {@link TOP_SOURCES} busiest addresses (the last two days). */
  private async trimSources(manager: EntityManager, today: number): Promise<void> {
    const mysql = isMysqlFamily(manager);
    await manager.query(
      q(
        mysql,
        `DELETE FROM \`key_usage_sources\` WHERE \`day\` >= ? AND \`day\` < ? AND (\`apiKeyId\`, \`day\`, \`address\`) IN (SELECT \`apiKeyId\`, \`day\`, \`address\` FROM (SELECT \`apiKeyId\`, \`day\`, \`address\`, ROW_NUMBER() OVER (PARTITION BY \`apiKeyId\`, \`day\` ORDER BY \`count\` DESC, \`address\`) AS position FROM \`key_usage_sources\` WHERE \`day\` >= ? AND \`day\` < ?) ranked WHERE position > ${TOP_SOURCES})`,
      ),
      [today - 2, today, today - 2, today],
    );
  }
}

const byOutcome = (a: OutcomeCount, b: OutcomeCount) => a.outcome.localeCompare(b.outcome);

/** Statements are written with MySQL quoting; SQLite gets double quotes. */
const q = (mysql: boolean, sql: string) => (mysql ? sql : sql.replaceAll('`', '"'));
