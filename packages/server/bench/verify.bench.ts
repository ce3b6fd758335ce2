// B1: POST /api/keys/verify throughput and latency against a bare node:http floor.
// Usage: npx tsx bench/verify.bench.ts [--database mariadb://root@127.0.0.1:3306/keyward_bench]
// Targets: Keyward >= 50% of the floor's requests per second; p99 <= 5 ms at 2,000 req/s.
import { fork } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  BENCH_KEYS_FILE,
  DEFAULT_BENCH_DATABASE,
  describeDatabase,
  machineDescription,
  readBenchKeysFile,
} from './support/common.js';
import { pacedLoad, type PacedResult } from './support/paced-load.js';
import { freePort, startServerProcess } from './support/processes.js';

const FIXED_RATE = 2000;

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: DEFAULT_BENCH_DATABASE },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    /** Floor and Keyward take turns this many times; the ratio is the median of the rounds. */
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const keysFile = readBenchKeysFile();
if (!keysFile) throw new Error(`No ${BENCH_KEYS_FILE}: run bench/seed-keys.ts first.`);
const requests = keysFile.keys.map((entry) => ({
  method: 'POST' as const,
  path: '/api/keys/verify',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ key: entry.key, token: entry.token }),
}));

/** As fast as it goes: 32 connections, each sending its next request on every answer. */
const load = (url: string, options: { duration: number }) =>
  autocannon({ url, connections, duration: options.duration, requests });

const report = (name: string, result: autocannon.Result) => {
  const non2xx = result.non2xx;
  console.log(
    `${name.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  errors ${result.errors}  non-2xx ${non2xx}`,
  );
};

const reportPaced = (name: string, result: PacedResult) => {
  console.log(
    `${name.padEnd(34)} ${String(result.completed).padStart(7)} answered  p50 ${result.p50.toFixed(2)} ms  p90 ${result.p90.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  max ${result.max.toFixed(2)} ms  errors ${result.errors}  non-2xx ${result.non2xx}`,
  );
};

console.log(`# B1 verify throughput — ${new Date().toISOString()}`);
console.log(
  `command: npx tsx bench/verify.bench.ts --database ${describeDatabase(values.database)} --seconds ${seconds} --connections ${connections} --rounds ${rounds}`,
);
for (const line of await machineDescription()) console.log(line);
console.log(
  `keys in database: ${keysFile.keyCount}; ${requests.length} keys cycled; ${connections} connections; ${seconds} s per run after a 3 s warm-up`,
);

const floorPort = await freePort();
const floor = fork(
  path.join(import.meta.dirname, 'support/verify-floor.ts'),
  [BENCH_KEYS_FILE, String(floorPort)],
  {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  },
);
await new Promise<void>((resolve) => floor.once('message', () => resolve()));
const floorUrl = `http://127.0.0.1:${floorPort}`;

const keyward = await startServerProcess(values.database, keysFile.tokenSecret);
try {
  // Keyward must say VALID for the cycled keys, or the numbers mean nothing.
  const probe = await fetch(`${keyward.url}/api/keys/verify`, {
    method: 'POST',
    headers: requests[0]!.headers,
    body: requests[0]!.body,
  });
  const code = ((await probe.json()) as { code: string }).code;
  if (code !== 'VALID') throw new Error(`verify answered ${code} for a seeded key`);

  // Throughput on a shared 2-vCPU VM drifts by tens of percent within a minute, so the floor
  // and Keyward take turns and each round compares the two measured side by side.
  await load(floorUrl, { duration: 3 });
  await load(keyward.url, { duration: 3 });
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const floorMax = await load(floorUrl, { duration: seconds });
    report(`round ${round}: floor (node:http, map, HMAC)`, floorMax);
    const keywardMax = await load(keyward.url, { duration: seconds });
    report(`round ${round}: keyward /api/keys/verify`, keywardMax);
    ratios.push(keywardMax.requests.average / floorMax.requests.average);
  }
  const paced = (url: string) =>
    pacedLoad({ url, requests, rate: FIXED_RATE, seconds, connections });
  const floorAt2k = await paced(floorUrl);
  reportPaced('floor at 2,000 req/s (paced)', floorAt2k);
  const keywardAt2k = await paced(keyward.url);
  reportPaced('keyward at 2,000 req/s (paced)', keywardAt2k);

  const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
  console.log(
    `keyward/floor per round: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}; median ${(ratio * 100).toFixed(0)}%`,
  );
  const throughputOk = ratio >= 0.5;
  const latencyOk = keywardAt2k.p99 <= 5 && keywardAt2k.errors === 0 && keywardAt2k.non2xx === 0;
  console.log(
    `${throughputOk ? 'PASS' : 'FAIL'} throughput: keyward at ${(ratio * 100).toFixed(0)}% of the floor, median of ${rounds} rounds (target >= 50%)`,
  );
  console.log(
    `${latencyOk ? 'PASS' : 'FAIL'} latency: p99 ${keywardAt2k.p99.toFixed(2)} ms at 2,000 req/s (target <= 5 ms)`,
  );
  process.exitCode = throughputOk && latencyOk ? 0 : 1;
} finally {
  await keyward.stop();
  floor.kill('SIGTERM');
}
