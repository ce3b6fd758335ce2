// B4: how long a deactivated key keeps working on another server sharing the database.
// Usage: npx tsx bench/revocation.bench.ts [--database …] [--redis redis://127.0.0.1:6379] [--rounds 10]
// Target: <= 1 s (database-polled invalidation) and far less with Redis pub/sub.
import { parseArgs } from 'node:util';
import {
  BENCH_OWNER,
  DEFAULT_BENCH_DATABASE,
  describeDatabase,
  graphql,
  machineDescription,
  percentile,
  readBenchKeysFile,
  signIn,
} from './support/common.js';
import { startServerProcess } from './support/processes.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: DEFAULT_BENCH_DATABASE },
    redis: { type: 'string' },
    rounds: { type: 'string', default: '10' },
  },
});
const keysFile = readBenchKeysFile();
if (!keysFile) throw new Error('Run bench/seed-keys.ts first.');
const rounds = Number(values.rounds);

console.log(`# B4 revocation latency across two servers — ${new Date().toISOString()}`);
console.log(
  `command: npx tsx bench/revocation.bench.ts --database ${describeDatabase(values.database)}${values.redis ? ` --redis ${values.redis}` : ''} --rounds ${rounds}`,
);
for (const line of await machineDescription()) console.log(line);

// Explicitly empty without --redis: the servers inherit this process's environment, and a
// REDIS_URL there would turn the polling run into a second Redis run.
const env: Record<string, string> = { REDIS_URL: values.redis ?? '' };
const [writer, reader] = await Promise.all([
  startServerProcess(values.database, keysFile.tokenSecret, env),
  startServerProcess(values.database, keysFile.tokenSecret, env),
]);
const verify = async (key: string, token: string) => {
  const response = await fetch(`${reader.url}/api/keys/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, token }),
  });
  return ((await response.json()) as { code: string }).code;
};

try {
  const cookie = await signIn(writer.url, BENCH_OWNER.email, BENCH_OWNER.password);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const generated = await graphql<{
      generateApiKey: { token: string; apiKey: { id: string; key: string } };
    }>(
      writer.url,
      'mutation($name: String!) { generateApiKey(input: { name: $name }) { token apiKey { id key } } }',
      { name: `revocation-${Date.now()}-${round}` },
      { cookie },
    );
    const { token, apiKey } = generated.data!.generateApiKey;
    // Warm the reader's cache, so revocation has to travel.
    if ((await verify(apiKey.key, token)) !== 'VALID')
      throw new Error('the new key does not verify');
    await verify(apiKey.key, token);
    const started = performance.now();
    await graphql(
      writer.url,
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: apiKey.id },
      { cookie },
    );
    let code = 'VALID';
    while (code === 'VALID' && performance.now() - started < 5_000)
      code = await verify(apiKey.key, token);
    samples.push(performance.now() - started);
    await graphql(
      writer.url,
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: apiKey.id },
      { cookie },
    );
  }
  samples.sort((a, b) => a - b);
  const worst = samples.at(-1) ?? 0;
  console.log(
    `invalidation: ${values.redis ? 'Redis pub/sub' : 'database version polled every 250 ms'}`,
  );
  console.log(
    `revocation latency over ${rounds} rounds (deactivate on server A until server B refuses): p50 ${percentile(samples, 50).toFixed(0)} ms, max ${worst.toFixed(0)} ms`,
  );
  console.log(`${worst <= 1000 ? 'PASS' : 'FAIL'} max ${worst.toFixed(0)} ms (target <= 1,000 ms)`);
  process.exitCode = worst <= 1000 ? 0 : 1;
} finally {
  await Promise.all([writer.stop(), reader.stop()]);
}
