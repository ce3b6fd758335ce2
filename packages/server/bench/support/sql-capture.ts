import type { DataSource, Logger } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * Records every SQL statement the data source runs while `work` runs (like the tests'
 * countQueries). Only meaningful while nothing else uses the data source.
 */
export const captureQueries = async <T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; queries: CapturedQuery[] }> => {
  const original = dataSource.logger;
  const queries: CapturedQuery[] = [];
  const capturing: Logger = {
    logQuery: (sql, parameters) => {
      queries.push({ sql, parameters: Array.isArray(parameters) ? parameters : [] });
    },
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  dataSource.logger = capturing;
  try {
    return { result: await work(), queries };
  } finally {
    dataSource.logger = original;
  }
};

/** The page query of a keyset list: a SELECT on the given table ending in `LIMIT n`. */
export const findPageQuery = (
  queries: readonly CapturedQuery[],
  fromClause: RegExp,
): CapturedQuery | undefined =>
  queries.find(
    (query) =>
      /^SELECT /i.test(query.sql) &&
      fromClause.test(query.sql) &&
      /\bLIMIT \d+$/.test(query.sql) &&
      !/COUNT\(/i.test(query.sql),
  );

export const findCountQuery = (
  queries: readonly CapturedQuery[],
  fromClause: RegExp,
): CapturedQuery | undefined =>
  queries.find((query) => /^SELECT COUNT\(/i.test(query.sql) && fromClause.test(query.sql));

export interface ExplainRow {
  id: number | string | null;
  select_type: string;
  table: string | null;
  type: string | null;
  possible_keys: string | null;
  key: string | null;
  key_len: string | null;
  ref: string | null;
  rows: number | string | null;
  Extra: string | null;
}

/** EXPLAIN with the captured parameters, substituted by the driver (escaped, never spliced). */
export const explain = (dataSource: DataSource, query: CapturedQuery): Promise<ExplainRow[]> =>
  dataSource.query(`EXPLAIN ${query.sql}`, query.parameters) as Promise<ExplainRow[]>;

export const formatExplain = (rows: readonly ExplainRow[]): string[] =>
  rows.map(
    (row) =>
      `    ${String(row.id ?? '')} ${row.select_type} table=${row.table ?? '-'} type=${row.type ?? '-'} key=${row.key ?? '-'} rows=${String(row.rows ?? '-')} extra=${row.Extra ?? ''}`,
  );
