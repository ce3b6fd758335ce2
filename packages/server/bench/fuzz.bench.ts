// The fuzz properties of test/fuzz.test.ts at scale: 10,000 generated requests (by default)
// against an in-process server, as the owner, anonymously, as a key and with a bad token.
// Prints the seed, runs, failures (grouped) and timing; stops after --minutes (15 at most).
//
//   npx tsx bench/fuzz.bench.ts [--runs 10000] [--seed N] [--db sqlite|mysql] [--minutes 15]
//
// --db mysql uses KEYWARD_TEST_MYSQL_URL (default mariadb://root@127.0.0.1:3306/test).
// Exit code 1 when any case failed.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import {
  describeCase,
  diffSnapshots,
  rivalSnapshot,
  runFuzzCase,
  setupFuzzWorld,
} from '../test/support/fuzz-harness.js';
import { fuzzCaseArbitrary } from '../test/support/graphql-arbitraries.js';
import { TestServer } from '../test/support/test-server.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    minutes: { type: 'string', default: '15' },
  },
  strict: true,
});

const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const minutes = Math.min(Number(values.minutes), 15);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(minutes > 0)) {
  throw new Error('--runs and --seed must be integers, --minutes a positive number');
}
if (values.db === 'mysql') {
  process.env.KEYWARD_TEST_MYSQL_URL ??= 'mariadb://root@127.0.0.1:3306/test';
}
// databases.ts reads the environment when loaded: import it after setting it.
const database = (
  await import('../test/support/databases.js').then((module) => module.testDatabases)
).find((candidate) => candidate.name === values.db);
if (!database) throw new Error(`unknown --db ${values.db}; use sqlite or mysql`);

const server = await TestServer.start(database);
const started = performance.now();
const deadline = started + minutes * 60_000;
let executed = 0;
let failed = 0;
let rejectedMutations = 0;
let mutations = 0;
const statuses = new Map<number, number>();
/** Failures grouped by their first line (kind of failure), with the first example of each. */
const groups = new Map<string, { count: number; example: string }>();

try {
  const world = await setupFuzzWorld(server);
  const rivalBefore = await rivalSnapshot(world);
  console.log(
    `fuzz: seed=${seed} runs=${runs} db=${database.name} limit=${minutes} min (node ${process.version})`,
  );
  await fc.assert(
    fc.asyncProperty(fuzzCaseArbitrary(world.schema, world.pools), async (fuzzCase) => {
      if (performance.now() > deadline) return;
      executed += 1;
      const outcome = await runFuzzCase(world, fuzzCase);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      if (outcome.mutation) mutations += 1;
      if (outcome.mutation && outcome.rejected) rejectedMutations += 1;
      if (outcome.failures.length > 0) {
        failed += 1;
        for (const failure of outcome.failures) {
          const root = fuzzCase.kind === 'document' ? fuzzCase.rootFields.join(',') : 'raw';
          const kind = `${root}: ${failure.split('\n')[0]?.slice(0, 140)}`;
          const group = groups.get(kind);
          if (group) group.count += 1;
          else groups.set(kind, { count: 1, example: `${describeCase(fuzzCase)}\n  → ${failure}` });
        }
      }
      if (executed % 1000 === 0) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`  ${executed} cases, ${failed} failing, ${seconds.toFixed(0)} s`);
      }
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  const rivalChanges = diffSnapshots(rivalBefore, await rivalSnapshot(world));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nfuzz: seed=${seed} runs=${executed}/${runs}${executed < runs ? ' (time limit)' : ''} failures=${failed} ` +
      `time=${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(executed, 1)).toFixed(1)} ms/case)`,
  );
  console.log(
    `  mutations=${mutations} rejected=${rejectedMutations} actor replacements=${world.replacements} ` +
      `statuses=${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
  );
  console.log(
    `  other account unchanged: ${rivalChanges.length === 0 ? 'yes' : `NO\n${rivalChanges.join('\n')}`}`,
  );
  for (const [kind, group] of [...groups].sort(([, a], [, b]) => b.count - a.count)) {
    console.log(`\n× ${group.count} × ${kind}\n${group.example}`);
  }
  if (failed > 0 || rivalChanges.length > 0) process.exitCode = 1;
} finally {
  await server.stop();
}
