// B3: generatedKeys on MariaDB, every sort x direction x filter, first page and a deep page
// (row 20,000, reached through a keyset cursor, never OFFSET), timed over HTTP against the
// in-process app. Targets: p95 <= 50 ms at 100k keys, <= 100 ms at 1M; deep p95 within 2x
// of the first page's. Searches are timed with the account's key names held in memory (the
// load time is printed); the SQL that counts a case and places its deep cursor is captured
// from the database path.
//
//   npx tsx bench/list-keys.bench.ts [--database mariadb://root@127.0.0.1:3306/keyward_bench]
//     [--samples 30] [--deep-row 20000] [--target-ms 50|100] [--explain] [--max-minutes 30]
//     [--case-seconds 60]   (sampling of one case stops after this; fewer samples show n=)
import './support/production-mode.js';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { encodeCursor, type CursorValue } from '../src/common/keyset.js';
import {
  BENCH_OWNER,
  benchSecret,
  dataOf,
  DEFAULT_BENCH_DATABASE,
  describeDatabase,
  GENERATED_KEYS_QUERY,
  graphql,
  machineDescription,
  ms,
  signIn,
  startBenchServer,
  summarize,
  type GeneratedKeysData,
  type Summary,
} from './support/common.js';
import {
  captureQueries,
  explain,
  findCountQuery,
  findPageQuery,
  formatExplain,
  type CapturedQuery,
} from './support/sql-capture.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: DEFAULT_BENCH_DATABASE },
    samples: { type: 'string', default: '30' },
    'deep-row': { type: 'string', default: '20000' },
    'target-ms': { type: 'string' },
    explain: { type: 'boolean', default: false },
    'max-minutes': { type: 'string', default: '30' },
    'case-seconds': { type: 'string', default: '60' },
    /** Runs only the cases whose "SORT DIRECTION filter" contains this text. */
    only: { type: 'string' },
  },
  strict: true,
});
const samples = Number(values.samples);
const deepRow = Number(values['deep-row']);
const deadline = Date.now() + Number(values['max-minutes']) * 60_000;
/** Sampling of one case stops after this; the sample count printed says how many were taken. */
const caseBudgetMs = Number(values['case-seconds']) * 1000;

type SortField = 'NAME' | 'CREATED_AT' | 'STATUS' | 'LAST_USED';
type Direction = 'ASC' | 'DESC';
const SORT_FIELDS: SortField[] = ['NAME', 'CREATED_AT', 'STATUS', 'LAST_USED'];
const DIRECTIONS: Direction[] = ['ASC', 'DESC'];

/** Cursor values of each sort, read from the page query's raw row (aliases `k_<column>`). */
const CURSOR_COLUMNS: Record<SortField, string[]> = {
  NAME: ['k_nameNormalized', 'k_id'],
  CREATED_AT: ['k_createdAt', 'k_id'],
  STATUS: ['k_active', 'k_createdAt', 'k_id'],
  LAST_USED: ['k_lastUsedAt', 'k_id'],
};

const CURSOR_SELECT = ['id', 'nameNormalized', 'createdAt', 'active', 'lastUsedAt']
  .map((column) => `k.${column} AS k_${column}`)
  .join(', ');

/**
 * The page SQL as a statement that counts well: no LIMIT, no forced sort index, and the role
 * check as EXISTS (a semi-join from key_grant_roles) rather than the page's per-key subquery,
 * which over 1M keys takes minutes.
 */
const countableSql = (pageSql: string) =>
  pageSql
    .replace(/ LIMIT \d+$/, '')
    .replace(/ FORCE INDEX \(`[^`]+`\)/, '')
    .replace(/\((SELECT 1 FROM key_grants g .*?) LIMIT 1\) IS NOT NULL/s, 'EXISTS ($1)');

const toCursorValue = (column: string, raw: unknown): CursorValue => {
  if (raw === null || raw === undefined) return null;
  if (column === 'k_active') return Boolean(Number(raw));
  if (/At$/.test(column)) {
    return raw instanceof Date ? raw : new Date(`${String(raw).replace(' ', 'T')}Z`);
  }
  return String(raw);
};

const KEYS_TABLE = /FROM [`"]api_keys[`"] [`"]k[`"]/;

const server = await startBenchServer(values.database, benchSecret().secret);
const failures: string[] = [];
try {
  const type = server.dataSource.options.type;
  if (type !== 'mariadb' && type !== 'mysql')
    console.warn('B3 targets MariaDB/MySQL; this is not.');
  console.log('B3: generatedKeys, first page and deep page, over HTTP (in-process server)');
  for (const line of await machineDescription(server.dataSource)) console.log(line);
  console.log(`database: ${describeDatabase(values.database)}`);

  const cookie = await signIn(server.url, BENCH_OWNER.email, BENCH_OWNER.password);
  const headers = { cookie };
  const { roles } = dataOf(
    await graphql<{ roles: { id: string; name: string }[] }>(
      server.url,
      '{ roles { id name } }',
      {},
      headers,
    ),
    'roles',
  );
  const role = roles.find((r) => r.name === 'OMS - Read only') ?? roles[0];
  if (!role) throw new Error('the bench account has no roles: run bench/seed-keys.ts first');

  const filters: { label: string; filter: Record<string, unknown> | null }[] = [
    { label: 'none', filter: null },
    { label: 'status ACTIVE', filter: { status: 'ACTIVE' } },
    { label: `role "${role.name}"`, filter: { roleIds: [role.id] } },
    { label: 'search "abc"', filter: { search: 'abc' } },
    // No match: the whole account is searched for nothing.
    { label: 'search "no-such-key"', filter: { search: 'no-such-key' } },
    { label: 'alertLevel ORANGE', filter: { alertLevel: 'ORANGE' } },
    { label: 'renewalPending', filter: { renewalPending: true } },
  ];

  // Searches answer from the database until the account's key names are in memory.
  const indexes = server.keyward.services.keyNameIndexes;
  const [bench] = (await server.dataSource.query(
    "SELECT id FROM accounts WHERE slug = 'bench'",
  )) as {
    id: string;
  }[];
  if (!bench) throw new Error('no bench account: run bench/seed-keys.ts first');
  const loadStarted = performance.now();
  const loaded = await indexes.ready(bench.id);
  console.log(
    loaded
      ? `search: ${loaded.size.toLocaleString('en')} key names loaded into memory in ${ms(performance.now() - loadStarted)}`
      : 'search: the account is over the in-memory budget; searches walk the database',
  );
  /** The page SQL of a search comes from the database path: set the index aside to see it. */
  const fromDatabase = async <T>(work: () => Promise<T>): Promise<T> => {
    const current = indexes.current.bind(indexes);
    indexes.current = async () => null;
    try {
      return await work();
    } finally {
      indexes.current = current;
    }
  };

  const request = async (variables: Record<string, unknown>) => {
    const started = performance.now();
    const result = await graphql<GeneratedKeysData>(
      server.url,
      GENERATED_KEYS_QUERY,
      variables,
      headers,
    );
    const elapsed = performance.now() - started;
    return { elapsed, data: dataOf(result, 'generatedKeys').generatedKeys };
  };

  // totalCount is capped, so the sizes that pick targets and deep rows are counted here.
  const [account] = (await server.dataSource.query(
    "SELECT COUNT(*) AS n FROM api_keys k INNER JOIN accounts a ON a.id = k.accountId WHERE a.slug = 'bench'",
  )) as { n: string | number }[];
  const total = Number(account?.n ?? 0);
  const targetMs = Number(values['target-ms'] ?? (total > 500_000 ? 100 : 50));
  console.log(
    `account keys: ${total.toLocaleString('en')}; samples per page: ${samples}; deep page after row ${deepRow.toLocaleString('en')} (or the last page when fewer rows match); target p95 <= ${targetMs} ms, deep p95 <= 2x first`,
  );
  console.log('');
  console.log(
    `${'sort'.padEnd(16)} ${'filter'.padEnd(26)} ${'matches'.padStart(9)}  ${'first p50 / p95 / max'.padEnd(26)} ${'deep row'.padStart(8)}  ${'deep p50 / p95 / max'.padEnd(26)} result`,
  );

  const fmt = (s: Summary) =>
    `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)} ms${s.n < samples ? ` (n=${s.n})` : ''}`;

  for (const field of SORT_FIELDS) {
    for (const direction of DIRECTIONS) {
      for (const { label, filter } of filters) {
        const name = `${field} ${direction}`.padEnd(16);
        if (values.only && !`${field} ${direction} ${label}`.includes(values.only)) continue;
        if (Date.now() > deadline) {
          console.log(`${name} ${label.padEnd(26)} SKIPPED (time budget)`);
          failures.push(`${field} ${direction} / ${label}: skipped`);
          continue;
        }
        const base = { first: 20, orderBy: { field, direction }, ...(filter ? { filter } : {}) };
        // Warm-up, capturing the page SQL to find the cursor of the deep row.
        const { result: warm, queries } = await fromDatabase(() =>
          captureQueries(server.dataSource, () => request(base)),
        );
        await request(base);
        const pageQuery = findPageQuery(queries, KEYS_TABLE);
        const countQuery = findCountQuery(queries, KEYS_TABLE);
        if (!pageQuery)
          throw new Error(`no page query captured for ${field} ${direction} ${label}`);
        const [matched] = (await server.dataSource.query(
          `SELECT COUNT(*) AS n FROM (${countableSql(pageQuery.sql)}) matched`,
          pageQuery.parameters,
        )) as { n: string | number }[];
        const matches = Number(matched?.n ?? warm.data.totalCount);
        const position = matches >= deepRow + 20 ? deepRow : Math.max(0, matches - 20);
        let deep: { variables: Record<string, unknown>; query?: CapturedQuery } | null = null;
        if (position > 0) {
          const [row] = (await server.dataSource.query(
            pageQuery.sql
              // A search in NAME order selects ids first: read the cursor columns either way.
              .replace(/^SELECT .*? FROM /s, `SELECT ${CURSOR_SELECT} FROM `)
              .replace(/LIMIT \d+$/, `LIMIT 1 OFFSET ${position - 1}`),
            pageQuery.parameters,
          )) as Record<string, unknown>[];
          if (!row) throw new Error(`no row ${position} for ${field} ${direction} ${label}`);
          const after = encodeCursor(
            CURSOR_COLUMNS[field].map((column) => toCursorValue(column, row[column])),
          );
          const variables = { ...base, after };
          const check = await fromDatabase(() =>
            captureQueries(server.dataSource, () => request(variables)),
          );
          if (check.result.data.edges.length === 0) {
            throw new Error(`deep cursor of ${field} ${direction} ${label} returned no rows`);
          }
          deep = { variables, query: findPageQuery(check.queries, KEYS_TABLE) };
        }
        const firstTimes: number[] = [];
        const deepTimes: number[] = [];
        const caseStarted = Date.now();
        for (let i = 0; i < samples && Date.now() - caseStarted < caseBudgetMs; i++) {
          firstTimes.push((await request(base)).elapsed);
          if (deep) deepTimes.push((await request(deep.variables)).elapsed);
        }
        const first = summarize(firstTimes);
        const deepSummary = deep ? summarize(deepTimes) : null;
        const problems: string[] = [];
        if (first.p95 > targetMs) problems.push(`first p95 ${ms(first.p95)} > ${targetMs} ms`);
        if (deepSummary && deepSummary.p95 > targetMs) {
          problems.push(`deep p95 ${ms(deepSummary.p95)} > ${targetMs} ms`);
        }
        if (deepSummary && deepSummary.p95 > 2 * first.p95) {
          problems.push(`deep p95 ${(deepSummary.p95 / first.p95).toFixed(2)}x first`);
        }
        const verdict = problems.length === 0 ? 'PASS' : `FAIL (${problems.join('; ')})`;
        console.log(
          `${name} ${label.padEnd(26)} ${matches.toLocaleString('en').padStart(9)}  ${fmt(first).padEnd(26)} ${(deep ? position.toLocaleString('en') : '-').padStart(8)}  ${(deepSummary ? fmt(deepSummary) : '-').padEnd(26)} ${verdict}`,
        );
        if (problems.length > 0)
          failures.push(`${field} ${direction} / ${label}: ${problems.join('; ')}`);
        if (problems.length > 0 || values.explain) {
          // Where the time goes: each statement alone, then its plan.
          for (const [what, query] of [
            ['page', pageQuery],
            ['count', countQuery],
            ['deep page', deep?.query],
          ] as const) {
            if (!query) continue;
            const times: number[] = [];
            const timingStarted = Date.now();
            for (let i = 0; i < 5 && Date.now() - timingStarted < 5_000; i++) {
              const started = performance.now();
              await server.dataSource.query(query.sql, query.parameters);
              times.push(performance.now() - started);
            }
            console.log(`  ${what} SQL alone: p50 ${ms(summarize(times).p50)}; EXPLAIN:`);
            for (const line of formatExplain(await explain(server.dataSource, query))) {
              console.log(line);
            }
          }
        }
      }
    }
  }
  console.log('');
  if (failures.length === 0) {
    console.log(`B3 PASS: every case within ${targetMs} ms p95, deep pages within 2x`);
  } else {
    console.log(`B3 FAIL: ${failures.length} case(s) missed a target:`);
    for (const failure of failures) console.log(`  - ${failure}`);
  }
} finally {
  await server.stop();
}
process.exitCode = failures.length === 0 ? 0 : 1;
