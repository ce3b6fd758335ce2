// B1 with the key policies on (issue 18): POST /api/keys/verify with usage counting and a
// 100-entry address allowlist on every key, against the same endpoint with neither, in one run.
// Usage: npx tsx bench/policy-overhead.bench.ts [--database URL] [--seconds 10] [--rounds 3]
// Target: with policies >= 90% of the requests per second without (median of the rounds).
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { allowlistColumn, normalizeAllowlist } from '../src/modules/api-keys/address-allowlist.js';
import {
  BENCH_KEYS_FILE,
  DEFAULT_BENCH_DATABASE,
  describeDatabase,
  machineDescription,
  readBenchKeysFile,
} from './support/common.js';
import { pacedLoad, type PacedResult } from './support/paced-load.js';
import { startServerProcess } from './support/processes.js';

const FIXED_RATE = 2000;
const { values } = parseArgs({
  options: {
    database: { type: 'string', default: DEFAULT_BENCH_DATABASE },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const keysFile = readBenchKeysFile();
if (!keysFile) throw new Error(`No ${BENCH_KEYS_FILE}: run bench/seed-keys.ts first.`);

// Half the seeded keys stay as they are, half carry the allowlist: each server verifies its own.
const half = Math.floor(keysFile.keys.length / 2);
const plainKeys = keysFile.keys.slice(0, half);
const policyKeys = keysFile.keys.slice(half);
const requestsOf = (keys: typeof keysFile.keys) =>
  keys.map((entry) => ({
    method: 'POST' as const,
    path: '/api/keys/verify',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: entry.key, token: entry.token }),
  }));

/** 100 entries, as an admin with many sites might keep: ranges, single addresses, IPv6, loopback last. */
const ALLOWLIST = normalizeAllowlist([
  ...Array.from({ length: 60 }, (_, i) => `10.${i}.0.0/16`),
  ...Array.from({ length: 19 }, (_, i) => `198.51.100.${i + 1}`),
  ...Array.from({ length: 20 }, (_, i) => `2001:db8:${(i + 1).toString(16)}::/48`),
  '127.0.0.0/8',
]);

const load = (url: string, requests: ReturnType<typeof requestsOf>, duration: number) =>
  autocannon({ url, connections, duration, requests });

const report = (name: string, result: autocannon.Result) =>
  console.log(
    `${name.padEnd(44)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors}  non-2xx ${result.non2xx}`,
  );
const reportPaced = (name: string, result: PacedResult) =>
  console.log(
    `${name.padEnd(44)} ${String(result.completed).padStart(7)} answered  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  errors ${result.errors}  non-2xx ${result.non2xx}`,
  );

console.log(
  `# B1 with key policies (usage counting + 100-entry allowlist) — ${new Date().toISOString()}`,
);
console.log(
  `command: npx tsx bench/policy-overhead.bench.ts --database ${describeDatabase(values.database)} --seconds ${seconds} --connections ${connections} --rounds ${rounds}`,
);
for (const line of await machineDescription()) console.log(line);
console.log(
  `keys in database: ${keysFile.keyCount}; ${plainKeys.length} keys per server; allowlist of ${ALLOWLIST.length} entries (the client, 127.0.0.1, matches the last range)`,
);

const database = await mysql.createConnection(values.database.replace(/^mariadb:/, 'mysql:'));
const setAllowlist = (column: string | null) =>
  database.query('UPDATE api_keys SET allowedAddressList = ? WHERE `key` IN (?)', [
    column,
    policyKeys.map((entry) => entry.key),
  ]);
const verifyCode = async (url: string, keys: typeof keysFile.keys) => {
  const [probe] = requestsOf(keys);
  const answer = await fetch(`${url}/api/keys/verify`, { ...probe!, method: 'POST' });
  return ((await answer.json()) as { code: string }).code;
};

// The first server brings the database's schema up to date (migrations run at start).
const plain = await startServerProcess(values.database, keysFile.tokenSecret, {
  KEYWARD_USAGE_COUNTING: 'off',
});
// The allowlist is really checked: without the loopback range, the same key is refused.
await setAllowlist(allowlistColumn(ALLOWLIST.slice(0, -1)));
const check = await startServerProcess(values.database, keysFile.tokenSecret);
const refused = await verifyCode(check.url, policyKeys);
await check.stop();
if (refused !== 'IP_NOT_ALLOWED') throw new Error(`expected IP_NOT_ALLOWED, got ${refused}`);
await setAllowlist(allowlistColumn(ALLOWLIST));
const withPolicies = await startServerProcess(values.database, keysFile.tokenSecret);
try {
  for (const [server, keys] of [
    [plain, plainKeys],
    [withPolicies, policyKeys],
  ] as const) {
    const code = await verifyCode(server.url, keys);
    if (code !== 'VALID') throw new Error(`verify answered ${code} for a seeded key`);
  }
  await load(plain.url, requestsOf(plainKeys), 3);
  await load(withPolicies.url, requestsOf(policyKeys), 3);
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const without = await load(plain.url, requestsOf(plainKeys), seconds);
    report(`round ${round}: without (no counting, no allowlist)`, without);
    const withThem = await load(withPolicies.url, requestsOf(policyKeys), seconds);
    report(`round ${round}: with usage counting + allowlist`, withThem);
    ratios.push(withThem.requests.average / without.requests.average);
  }
  const paced = (url: string, keys: typeof keysFile.keys) =>
    pacedLoad({ url, requests: requestsOf(keys), rate: FIXED_RATE, seconds, connections });
  reportPaced('without, at 2,000 req/s (paced)', await paced(plain.url, plainKeys));
  const pacedWith = await paced(withPolicies.url, policyKeys);
  reportPaced('with policies, at 2,000 req/s (paced)', pacedWith);
  const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
  console.log(
    `with/without per round: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}; median ${(ratio * 100).toFixed(0)}%`,
  );
  const ok = ratio >= 0.9;
  console.log(
    `${ok ? 'PASS' : 'FAIL'} policies: ${(ratio * 100).toFixed(0)}% of the throughput without them, median of ${rounds} rounds (target >= 90%)`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await Promise.all([plain.stop(), withPolicies.stop()]);
  await setAllowlist(null);
  await database.end();
}
