import type { DataSource } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

export const HOUR_MS = 3_600_000;
export const HOURS_PER_DAY = 24;

/** Distinct source addresses counted per key and hour; beyond, uses count by outcome only. */
const MAX_SOURCES_PER_HOUR = 100;
/** The widths of `outcome` and `address` (an IPv6 address with a zone could be longer). */
const OUTCOME_WIDTH = 40;
const ADDRESS_WIDTH = 45;
/** Rows per INSERT: well under both databases' placeholder limits. */
const ROWS_PER_STATEMENT = 500;

/** The counters of one key for one hour; mutated in place on the hot path. */
interface HourCounts {
  apiKeyId: string;
  hour: number;
  outcomes: Map<string, number>;
  sources: Map<string, number>;
}

const newCounts = (apiKeyId: string, hour: number): HourCounts => ({
  apiKeyId,
  hour,
  outcomes: new Map(),
  sources: new Map(),
});

/**
 * Verifications per key, hour and outcome, and per source address, without a write per
 * request: counted in memory (a map lookup and two increments per verification) and added to
 * the database in batches, once a minute and at shutdown. Writes add to what is stored, so
 * several servers counting the same key add up.
 */
export class UsageRecorder {
  /** The hour being counted, per key. */
  private current = new Map<string, HourCounts>();
  /** Hours no longer counted (the clock moved on, or a flush failed), waiting for the flush. */
  private closed: HourCounts[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly counting = true,
  ) {}

  record(apiKeyId: string, outcome: string, ip: string | null, at: Date, count = 1): void {
    if (!this.counting) return;
    const hour = Math.floor(at.getTime() / HOUR_MS);
    let counts = this.current.get(apiKeyId);
    if (counts === undefined || counts.hour !== hour) {
      const fresh = newCounts(apiKeyId, hour);
      // An older hour (a use reported late) never replaces the hour being counted.
      if (counts !== undefined && counts.hour > hour) this.closed.push(fresh);
      else {
        if (counts !== undefined) this.closed.push(counts);
        this.current.set(apiKeyId, fresh);
      }
      counts = fresh;
    }
    counts.outcomes.set(outcome, (counts.outcomes.get(outcome) ?? 0) + count);
    if (ip === null) return;
    const fromSource = counts.sources.get(ip);
    if (fromSource !== undefined) counts.sources.set(ip, fromSource + count);
    else if (counts.sources.size < MAX_SOURCES_PER_HOUR) counts.sources.set(ip, count);
  }

  async flush(): Promise<void> {
    if (this.current.size === 0 && this.closed.length === 0) return;
    const batch = [...this.closed, ...this.current.values()];
    this.current = new Map();
    this.closed = [];
    try {
      await this.write(batch);
    } catch (error) {
      // Nothing of the batch was written (one transaction): counted again at the next flush.
      this.closed.push(...batch);
      throw error;
    }
  }

  private async write(batch: readonly HourCounts[]): Promise<void> {
    const outcomes = new Map<string, [string, number, string, number]>();
    const sources = new Map<string, [string, number, string, number]>();
    const add = (
      into: Map<string, [string, number, string, number]>,
      apiKeyId: string,
      period: number,
      fullLabel: string,
      width: number,
      count: number,
    ) => {
      // Within the column's width: one over-long value must never fail every later batch.
      const label = fullLabel.slice(0, width);
      const id = `${apiKeyId}\u0000${period}\u0000${label}`;
      const row = into.get(id);
      if (row) row[3] += count;
      else into.set(id, [apiKeyId, period, label, count]);
    };
    for (const counts of batch) {
      for (const [outcome, count] of counts.outcomes)
        add(outcomes, counts.apiKeyId, counts.hour, outcome, OUTCOME_WIDTH, count);
      const day = Math.floor(counts.hour / HOURS_PER_DAY);
      for (const [address, count] of counts.sources)
        add(sources, counts.apiKeyId, day, address, ADDRESS_WIDTH, count);
    }
    await this.dataSource.transaction(async (manager) => {
      const mysql = isMysqlFamily(manager);
      const upsert = async (
        table: string,
        columns: readonly [string, string, string],
        rows: [string, number, string, number][],
      ) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
          const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
          await manager.query(addingUpsert(mysql, table, columns, chunk.length), chunk.flat());
        }
      };
      await upsert('key_usage', ['apiKeyId', 'hour', 'outcome'], [...outcomes.values()]);
      await upsert('key_usage_sources', ['apiKeyId', 'day', 'address'], [...sources.values()]);
    });
  }
}

/** INSERT of `rows` rows of (key columns…, count), adding `count` to a row already there. */
export const addingUpsert = (
  mysql: boolean,
  table: string,
  keyColumns: readonly string[],
  rows: number,
): string => {
  const q = mysql ? '`' : '"';
  const names = [...keyColumns, 'count'].map((name) => `${q}${name}${q}`).join(', ');
  const values = Array.from(
    { length: rows },
    () => `(${[...keyColumns, 'count'].map(() => '?').join(', ')})`,
  ).join(', ');
  const insert = `INSERT INTO ${q}${table}${q} (${names}) VALUES ${values}`;
  return mysql
    ? `${insert} ON DUPLICATE KEY UPDATE \`count\` = \`count\` + VALUES(\`count\`)`
    : `${insert} ON CONFLICT (${keyColumns.map((name) => `"${name}"`).join(', ')}) DO UPDATE SET "count" = "count" + excluded."count"`;
};
