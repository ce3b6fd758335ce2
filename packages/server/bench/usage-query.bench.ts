// Usage query of the key detail page (issue 18, U1): 90 days of a key verified every second,
// as the rollup leaves it (7 days hourly + 83 daily rows) and all hourly (the rollup never
// ran), beside 20 other keys as busy. Times the GraphQL request the page sends for each range
// (24h and 7d by hour, 30d and 90d by day) over HTTP against the in-process app.
// Target: p95 <= 50 ms for every range. The database is dropped and created by the benchmark.
//
//   npx tsx bench/usage-query.bench.ts [--database mariadb://root@127.0.0.1:3306/keyward_bench_usage]
//     [--requests 200]
import './support/production-mode.js';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { addMember, createAccount } from '../src/modules/accounts/account.service.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { newId } from '../src/common/ids.js';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import type { Caller } from '../src/modules/auth/principal.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import { DAY_MS } from '../src/common/clock.js';
import { addingUpsert, HOUR_MS } from '../src/modules/usage/usage.recorder.js';
import {
  benchSecret,
  dataOf,
  describeDatabase,
  graphql,
  machineDescription,
  MARIADB_SERVER_URL,
  ms,
  signIn,
  startBenchServer,
  summarize,
  type BenchServer,
} from './support/common.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: `${MARIADB_SERVER_URL}/keyward_bench_usage` },
    requests: { type: 'string', default: '200' },
  },
  strict: true,
});
const requests = Number(values.requests);
const TARGET_MS = 50;
const OTHER_KEYS = 20;
const DAYS = 90;
const HOURLY_DAYS = 7;
const OWNER = { email: 'usage@example.com', password: 'usage-bench-password' };

/** The query the key detail page sends for its chart (packages/web key-usage-chart.tsx). */
const KEY_USAGE_QUERY = /* GraphQL */ `
  query KeyUsageChart(
    $id: ID!
    $from: DateTimeISO!
    $to: DateTimeISO!
    $granularity: UsageGranularity!
  ) {
    apiKey(id: $id) {
      id
      usage(from: $from, to: $to, granularity: $granularity) {
        from
        to
        granularity
        buckets {
          start
          total
          outcomes {
            outcome
            count
          }
        }
        totals {
          outcome
          count
        }
        topSources {
          address
          count
        }
      }
    }
  }
`;

/** A key used every second: 3,600 verifications an hour, most valid. */
const HOURLY_OUTCOMES: [string, number][] = [
  ['VALID', 3_540],
  ['INVALID_CREDENTIALS', 40],
  ['RATE_LIMITED', 20],
];

const recreateDatabase = async (url: string) => {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  parsed.pathname = '/';
  const admin = await mysql.createConnection(parsed.toString().replace(/^mariadb:/, 'mysql:'));
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
};

/** Rows as the flushes (and, for `rolledUp`, the rollup) leave them for `keyIds`. */
const seedUsage = async (server: BenchServer, keyIds: string[], rolledUp: boolean) => {
  await server.dataSource.query('DELETE FROM key_usage');
  await server.dataSource.query('DELETE FROM key_usage_sources');
  const nowHour = Math.floor(Date.now() / HOUR_MS);
  const today = Math.floor(Date.now() / DAY_MS);
  const hourlyFrom = (today - HOURLY_DAYS) * 24;
  const firstHour = (today - DAYS) * 24;
  for (const keyId of keyIds) {
    const usage: (string | number)[][] = [];
    for (let hour = firstHour; hour <= nowHour; hour++) {
      if (rolledUp && hour < hourlyFrom) {
        if (hour % 24 !== 0) continue;
        for (const [outcome, count] of HOURLY_OUTCOMES)
          usage.push([keyId, hour, outcome, count * 24]);
      } else {
        for (const [outcome, count] of HOURLY_OUTCOMES) usage.push([keyId, hour, outcome, count]);
      }
    }
    const sources: (string | number)[][] = [];
    for (let day = today - DAYS; day <= today; day++) {
      for (let source = 1; source <= 10; source++)
        sources.push([keyId, day, `198.51.100.${source}`, 86_400 / 10 + source]);
    }
    for (const [table, columns, rows] of [
      ['key_usage', ['apiKeyId', 'hour', 'outcome'], usage],
      ['key_usage_sources', ['apiKeyId', 'day', 'address'], sources],
    ] as const) {
      for (let start = 0; start < rows.length; start += 500) {
        const chunk = rows.slice(start, start + 500);
        await server.dataSource.query(
          addingUpsert(true, table, columns, chunk.length),
          chunk.flat(),
        );
      }
    }
  }
  await server.dataSource.query('ANALYZE TABLE key_usage, key_usage_sources');
  const [row] = (await server.dataSource.query('SELECT COUNT(*) AS n FROM key_usage')) as {
    n: number | string;
  }[];
  return Number(row?.n ?? 0);
};

const RANGES = [
  { label: '24h by hour', days: 1, granularity: 'HOUR' },
  { label: '7d by hour', days: 7, granularity: 'HOUR' },
  { label: '30d by day', days: 30, granularity: 'DAY' },
  { label: '90d by day', days: 90, granularity: 'DAY' },
] as const;

await recreateDatabase(values.database);
const server = await startBenchServer(values.database, benchSecret().secret);
let exitCode = 1;
try {
  console.log('Usage query of the key detail page (KeyUsageChart) on MariaDB, in-process server');
  for (const line of await machineDescription(server.dataSource)) console.log(line);
  console.log(`database: ${describeDatabase(values.database)} (dropped and recreated)`);
  console.log(`requests: ${requests} per range and variant, one at a time, after 10 warm-up`);

  const { account, roles } = await server.dataSource.transaction((manager) =>
    createAccount(manager, 'usage-bench', 'Usage bench'),
  );
  const passwordHash = await hashPassword(OWNER.password);
  await server.dataSource.transaction(async (manager) => {
    const user = manager.create(User, {
      id: newId(),
      email: OWNER.email,
      name: 'Usage bench',
      passwordHash,
      createdAt: new Date(),
    });
    await manager.insert(User, user);
    await addMember(manager, account.id, user.id, [roles.get('owner')!]);
  });
  const cookie = await signIn(server.url, OWNER.email, OWNER.password);
  const keyIds: string[] = [];
  for (let i = 0; i <= OTHER_KEYS; i++) {
    const generated = dataOf(
      await graphql<{ generateApiKey: { apiKey: { id: string } } }>(
        server.url,
        'mutation($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { apiKey { id } } }',
        { input: { name: `Used every second ${i}`, roleIds: [] } },
        { cookie },
      ),
      'generateApiKey',
    );
    keyIds.push(generated.generateApiKey.apiKey.id);
  }
  const measured = keyIds[0]!;
  const measuredKey = await server.dataSource
    .getRepository(ApiKey)
    .findOneByOrFail({ id: measured });
  const owner: Caller = {
    principal: {
      kind: 'user',
      userId: 'bench',
      email: OWNER.email,
      accountId: account.id,
      sessionIdHash: '',
      resources: new Set([Resources.viewApiKeys]),
    },
    ip: null,
  };

  // What every request costs before any usage is read: session, GraphQL, the key, HTTP.
  const baseline: number[] = [];
  for (let i = 0; i < 10 + requests; i++) {
    const started = performance.now();
    dataOf(
      await graphql(
        server.url,
        'query($id: ID!) { apiKey(id: $id) { id } }',
        { id: measured },
        { cookie },
      ),
      'baseline',
    );
    if (i >= 10) baseline.push(performance.now() - started);
  }
  const base = summarize(baseline);
  console.log(`baseline apiKey(id) { id }: p50 ${ms(base.p50)}  p95 ${ms(base.p95)}  n=${base.n}`);

  let allMet = true;
  for (const rolledUp of [true, false]) {
    const rows = await seedUsage(server, keyIds, rolledUp);
    console.log(
      `\n${rolledUp ? `rolled up: ${HOURLY_DAYS} days hourly + ${DAYS - HOURLY_DAYS} daily` : `all hourly: ${DAYS} days`} (${rows} key_usage rows for ${keyIds.length} keys)`,
    );
    for (const range of RANGES) {
      const to = new Date();
      const variables = {
        id: measured,
        from: new Date(to.getTime() - range.days * DAY_MS).toISOString(),
        to: to.toISOString(),
        granularity: range.granularity,
      };
      const send = () => graphql(server.url, KEY_USAGE_QUERY, variables, { cookie });
      for (let i = 0; i < 10; i++) dataOf(await send(), range.label);
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        dataOf(await send(), range.label);
        samples.push(performance.now() - started);
      }
      const summary = summarize(samples);
      const met = summary.p95 <= TARGET_MS;
      allMet &&= met;
      // The usage read alone (two SQL reads and the buckets), without HTTP, session or GraphQL.
      const serviceSamples: number[] = [];
      const asRange = {
        from: new Date(variables.from),
        to: new Date(variables.to),
        granularity: range.granularity,
      };
      for (let i = 0; i < 10 + requests; i++) {
        const started = performance.now();
        await server.keyward.services.usage.keyUsage(owner, measuredKey, asRange);
        if (i >= 10) serviceSamples.push(performance.now() - started);
      }
      const service = summarize(serviceSamples);
      console.log(
        `  ${range.label.padEnd(12)} p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}  max ${ms(summary.max)}  n=${summary.n}  ${met ? 'PASS' : 'FAIL'} (p95 <= ${TARGET_MS} ms); usage read alone p50 ${ms(service.p50)} p95 ${ms(service.p95)}`,
      );
    }
  }
  exitCode = allMet ? 0 : 1;
} finally {
  await server.stop();
}
process.exitCode = exitCode;
