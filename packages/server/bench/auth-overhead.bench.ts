// B2: the same GraphQL query (generatedKeys(first: 20)) authenticated by session cookie and
// by key headers, with autocannon against the in-process app on a random loopback port.
// Target: key auth costs at most 15% more (session req/s over key req/s).
//
//   npx tsx bench/auth-overhead.bench.ts [--database mariadb://root@127.0.0.1:3306/keyward_bench]
//     [--duration 10] [--warmup 3] [--connections 8]
import './support/production-mode.js';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  BENCH_OWNER,
  benchSecret,
  dataOf,
  DEFAULT_BENCH_DATABASE,
  describeDatabase,
  GENERATED_KEYS_QUERY,
  graphql,
  machineDescription,
  signIn,
  startBenchServer,
  withTimeout,
  type GeneratedKeysData,
} from './support/common.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: DEFAULT_BENCH_DATABASE },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
  },
  strict: true,
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const MAX_COST = 0.15;

interface Run {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
}

const server = await startBenchServer(values.database, benchSecret().secret);
let exitCode = 1;
let keyId: string | null = null;
let cookie = '';
try {
  console.log('B2: generatedKeys(first: 20) by session vs by key (autocannon, in-process server)');
  for (const line of await machineDescription(server.dataSource)) console.log(line);
  console.log(`database: ${describeDatabase(values.database)}`);
  console.log(
    `autocannon: ${connections} connections, ${warmup} s warm-up, ${duration} s measured`,
  );

  cookie = await signIn(server.url, BENCH_OWNER.email, BENCH_OWNER.password);
  const { roles } = dataOf(
    await graphql<{ roles: { id: string; name: string }[] }>(
      server.url,
      '{ roles { id name } }',
      {},
      { cookie },
    ),
    'roles',
  );
  const viewer = roles.find((role) => role.name === 'API Keys - Read only');
  if (!viewer) throw new Error('no "API Keys - Read only" role: run bench/seed-keys.ts first');
  const generated = dataOf(
    await graphql<{ generateApiKey: { token: string; apiKey: { id: string; key: string } } }>(
      server.url,
      'mutation G($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token apiKey { id key } } }',
      { input: { name: `bench-b2-${randomBytes(4).toString('hex')}`, roleIds: [viewer.id] } },
      { cookie },
    ),
    'generateApiKey',
  ).generateApiKey;
  keyId = generated.apiKey.id;
  console.log(`key ${generated.apiKey.key} generated with role "${viewer.name}"`);

  const body = JSON.stringify({ query: GENERATED_KEYS_QUERY, variables: { first: 20 } });
  const auths: { label: string; headers: Record<string, string> }[] = [
    { label: 'session cookie', headers: { cookie } },
    {
      label: 'key headers',
      headers: { 'x-api-appkey': generated.apiKey.key, 'x-api-apptoken': generated.token },
    },
  ];
  // Both callers see the same page before anything is timed.
  const counts = [];
  for (const auth of auths) {
    const result = await graphql<GeneratedKeysData>(
      server.url,
      GENERATED_KEYS_QUERY,
      { first: 20 },
      auth.headers,
    );
    const data = dataOf(result, `generatedKeys by ${auth.label}`).generatedKeys;
    if (data.edges.length !== 20) throw new Error(`${auth.label}: expected 20 edges`);
    counts.push(data.totalCount);
  }
  if (counts[0] !== counts[1]) throw new Error('session and key see different key counts');

  const fire = async (label: string, headers: Record<string, string>, seconds: number) => {
    const result = await withTimeout(
      autocannon({
        url: `${server.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        connections,
        duration: seconds,
        // The load generator runs in a worker thread, off the server's event loop.
        workers: 1,
      }),
      (seconds + 30) * 1000,
      `autocannon ${label}`,
    );
    return {
      label,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      failures: result.non2xx + result.errors + result.timeouts,
    } satisfies Run;
  };

  for (const auth of auths) await fire(auth.label, auth.headers, warmup);
  const runs: Run[] = [];
  for (const auth of auths) runs.push(await fire(auth.label, auth.headers, duration));

  console.log('');
  console.log(
    `${'auth'.padEnd(16)} ${'req/s'.padStart(8)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'requests'.padStart(9)} failures`,
  );
  for (const run of runs) {
    console.log(
      `${run.label.padEnd(16)} ${run.requestsPerSecond.toFixed(1).padStart(8)} ${`${run.p50} ms`.padStart(8)} ${`${run.p99} ms`.padStart(8)} ${String(run.total).padStart(9)} ${run.failures}`,
    );
  }
  const [session, key] = runs as [Run, Run];
  const cost = session.requestsPerSecond / key.requestsPerSecond - 1;
  const failures = session.failures + key.failures;
  console.log(
    `key auth cost: ${(cost * 100).toFixed(1)}% (session req/s / key req/s - 1); p50 ratio ${(key.p50 / session.p50).toFixed(2)}`,
  );
  const pass = cost <= MAX_COST && failures === 0;
  console.log(
    `B2 ${pass ? 'PASS' : 'FAIL'}: key auth ${pass ? 'within' : 'over'} ${MAX_COST * 100}%${failures ? ` (${failures} failed requests)` : ''}`,
  );
  exitCode = pass ? 0 : 1;
} finally {
  if (keyId) {
    await graphql(
      server.url,
      'mutation D($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }',
      { input: { id: keyId, confirm: true } },
      { cookie },
    ).catch(() => console.warn('could not delete the B2 key'));
  }
  await server.stop();
}
process.exitCode = exitCode;
