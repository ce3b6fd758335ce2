// Seeds the `bench` account with N keys (100k by default, 1M with --million) for the
// benchmarks, in batched multi-row INSERTs, and writes bench/.bench-keys.json with 20 keys
// and their clear tokens for the verify benchmark. Tokens are never printed.
//
//   npx tsx bench/seed-keys.ts                       # 100k keys, fresh MariaDB keyward_bench
//   npx tsx bench/seed-keys.ts --million             # 1M keys
//   npx tsx bench/seed-keys.ts --count 5000 --sqlite /tmp/bench.sqlite
//   npx tsx bench/seed-keys.ts --database mariadb://root@127.0.0.1:3306/other [--fresh]
//   Options: --batch <keys per INSERT> (2000), --keep-tokens <n> (20), --keys-file <path>
import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { IsNull, Not } from 'typeorm';
import { createDataSource, isMysqlUrl } from '../src/db/data-source.js';
import { migrate } from '../src/db/migrate.js';
import { Account } from '../src/modules/accounts/account.entity.js';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import { Role } from '../src/modules/roles/role.entity.js';
import { createAccountWithOwner } from '../src/seed/create-account-with-owner.js';
import {
  BENCH_ACCOUNT,
  BENCH_KEYS_FILE,
  BENCH_OWNER,
  benchSecret,
  DEFAULT_BENCH_DATABASE,
  describeDatabase,
  machineDescription,
  type BenchKeysFile,
} from './support/common.js';
import { analyzeKeyTables, seedKeys } from './support/seed.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    million: { type: 'boolean', default: false },
    database: { type: 'string' },
    sqlite: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    batch: { type: 'string', default: '2000' },
    'keep-tokens': { type: 'string', default: '20' },
    'keys-file': { type: 'string', default: BENCH_KEYS_FILE },
  },
  strict: true,
});

const count = values.million ? 1_000_000 : Number(values.count ?? 100_000);
const batchSize = Number(values.batch);
const keepTokens = Number(values['keep-tokens']);
for (const [name, value] of [
  ['--count', count],
  ['--batch', batchSize],
  ['--keep-tokens', keepTokens],
] as const) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
}
if (values.database && values.sqlite) throw new Error('Use --database or --sqlite, not both.');

// Without a target, a fresh MariaDB database; a named one is reused unless --fresh.
const databaseUrl = values.sqlite ?? values.database ?? DEFAULT_BENCH_DATABASE;
const fresh = values.fresh || (!values.sqlite && !values.database);

const prepareDatabase = async () => {
  if (!isMysqlUrl(databaseUrl)) {
    if (fresh)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseUrl}${suffix}`, { force: true });
    return;
  }
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const name = url.pathname.replace(/^\//, '');
  if (!/^\w+$/.test(name)) throw new Error(`Not a database name I will create: "${name}"`);
  url.pathname = '/';
  const admin = await mysql.createConnection(url.toString());
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
};

await prepareDatabase();
const dataSource = createDataSource(databaseUrl);
await dataSource.initialize();
try {
  for (const line of await machineDescription(dataSource)) console.log(line);
  console.log(`target: ${describeDatabase(databaseUrl)}${fresh ? ' (fresh)' : ''}`);
  await migrate(dataSource);
  const { secret, source } = benchSecret();

  let account = await dataSource.getRepository(Account).findOneBy({ slug: BENCH_ACCOUNT });
  if (!account) {
    ({ account } = await createAccountWithOwner(dataSource, {
      slug: BENCH_ACCOUNT,
      name: 'Bench store',
      email: BENCH_OWNER.email,
      password: BENCH_OWNER.password,
    }));
    console.log(`created account ${BENCH_ACCOUNT} with owner ${BENCH_OWNER.email}`);
  } else {
    console.log(`reusing account ${BENCH_ACCOUNT}`);
  }
  const roles = await dataSource
    .getRepository(Role)
    .findBy({ accountId: account.id, predefinedKey: Not(IsNull()) });
  const existing = await dataSource.getRepository(ApiKey).countBy({ accountId: account.id });

  console.log(
    `seeding ${count.toLocaleString('en')} keys in batches of ${batchSize} (${roles.length} predefined roles, ${existing.toLocaleString('en')} keys already there)`,
  );
  let nextReport = 0;
  const result = await seedKeys({
    dataSource,
    accountId: account.id,
    accountSlug: account.slug,
    roles: roles.map((role) => ({ id: role.id, key: role.predefinedKey ?? role.name })),
    count,
    tokenSecret: secret,
    batchSize,
    keepTokens,
    nameOffset: existing,
    onBatch: ({ keys, rows, elapsedMs }) => {
      if (keys < nextReport && keys < count) return;
      nextReport = keys + Math.max(batchSize, Math.floor(count / 10));
      const rate = Math.round(rows / (elapsedMs / 1000));
      console.log(
        `  ${keys.toLocaleString('en')} keys, ${rows.toLocaleString('en')} rows, ${(elapsedMs / 1000).toFixed(1)} s, ${rate.toLocaleString('en')} rows/s`,
      );
    },
  });
  const analyzeStarted = performance.now();
  await analyzeKeyTables(dataSource);
  const seconds = result.elapsedMs / 1000;
  console.log(
    `inserted ${result.keys.toLocaleString('en')} keys / ${result.rows.toLocaleString('en')} rows (keys, tokens, grants, grant roles) in ${seconds.toFixed(1)} s: ${Math.round(result.rows / seconds).toLocaleString('en')} rows/s, ${Math.round(result.keys / seconds).toLocaleString('en')} keys/s; ANALYZE ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`,
  );

  const file: BenchKeysFile = {
    seededAt: new Date().toISOString(),
    databaseUrl,
    tokenSecret: secret,
    tokenSecretSource: source,
    account: { id: account.id, slug: account.slug },
    owner: { ...BENCH_OWNER },
    keyCount: existing + result.keys,
    keys: result.kept,
  };
  const keysFile = values['keys-file'];
  writeFileSync(keysFile, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  console.log(
    `wrote ${result.kept.length} keys with their tokens (and the token secret, from ${source}) to ${keysFile}`,
  );
} finally {
  await dataSource.destroy();
}
