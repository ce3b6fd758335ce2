import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import {
  describeCase,
  diffSnapshots,
  rivalSnapshot,
  runFuzzCase,
  setupFuzzWorld,
  type FuzzWorld,
  type Snapshot,
} from './support/fuzz-harness.js';
import {
  abusiveDocumentArbitrary,
  brokenDocumentArbitrary,
  mixedDocumentCaseArbitrary,
  rawCaseArbitrary,
  type FuzzCase,
} from './support/graphql-arbitraries.js';
import { TestServer } from './support/test-server.js';

/**
 * Schema-driven fuzzing (fast-check, fixed seed): documents and variables generated from
 * schema.graphql, sent as the owner (cookie), anonymously, as a key and with a bad token.
 * `FUZZ_RUNS` and `FUZZ_SEED` override the sample; bench/fuzz.bench.ts runs 10,000 cases.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);

describe.each(testDatabases)('GraphQL fuzzing on $name', (database) => {
  let server: TestServer;
  let world: FuzzWorld;
  let rivalBefore: Snapshot;

  beforeAll(async () => {
    server = await TestServer.start(database);
    world = await setupFuzzWorld(server);
    rivalBefore = await rivalSnapshot(world);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Runs every case (no shrinking against a live database) and reports all failures at once. */
  const fuzz = async (arbitrary: fc.Arbitrary<FuzzCase>, seed: number) => {
    const failures: string[] = [];
    let mutationsRejected = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (fuzzCase) => {
        const outcome = await runFuzzCase(world, fuzzCase);
        if (outcome.mutation && outcome.rejected) mutationsRejected += 1;
        if (outcome.failures.length > 0) {
          failures.push(`${describeCase(fuzzCase)}\n  → ${outcome.failures.join('\n  → ')}`);
        }
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
    return { failures, mutationsRejected };
  };

  it(`queries: no 5xx, coded errors only, nothing internal leaks (${RUNS} runs)`, async () => {
    const { failures } = await fuzz(
      mixedDocumentCaseArbitrary(world.schema, world.pools, 'query'),
      SEED,
    );
    expect(failures, failures.slice(0, 5).join('\n\n')).toEqual([]);
  }, 120_000);

  it(`mutations: the same, and a rejected mutation changes no row (${RUNS} runs)`, async () => {
    const { failures, mutationsRejected } = await fuzz(
      mixedDocumentCaseArbitrary(world.schema, world.pools, 'mutation'),
      SEED + 1,
    );
    expect(failures, failures.slice(0, 5).join('\n\n')).toEqual([]);
    // The property is only worth something if most generated mutations are refused.
    expect(mutationsRejected).toBeGreaterThan(RUNS / 3);
  }, 120_000);

  it(`abusive, broken and raw requests: no 5xx, coded errors, no leaks (${RUNS} runs)`, async () => {
    const { failures } = await fuzz(
      fc.oneof(
        abusiveDocumentArbitrary,
        brokenDocumentArbitrary(world.schema, world.pools),
        rawCaseArbitrary,
      ),
      SEED + 2,
    );
    expect(failures, failures.slice(0, 5).join('\n\n')).toEqual([]);
  }, 120_000);

  it('nothing of the other account changed, whatever the fuzzer did in its own', async () => {
    expect(diffSnapshots(rivalBefore, await rivalSnapshot(world))).toEqual([]);
  });
});
