// The benchmark suite: seeds 100k keys (unless --skip-seed), then runs B3 (list pages), B2
// (auth overhead), B1, B4, U1 (the key detail page's usage query) and B5; with --million, seeds 1M keys into a second database and runs B3 there too.
// Each benchmark runs as its own process, bounded in time; the exit code is non-zero when
// any of them missed its target or failed.
//
//   pnpm bench                       # from the repository root
//   npx tsx bench/run-all.ts [--skip-seed] [--million]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  DEFAULT_BENCH_DATABASE,
  MARIADB_SERVER_URL,
  MILLION_BENCH_DATABASE,
} from './support/common.js';

const { values } = parseArgs({
  options: {
    'skip-seed': { type: 'boolean', default: false },
    million: { type: 'boolean', default: false },
  },
  strict: true,
});

interface Step {
  name: string;
  script: string;
  args: string[];
  timeoutMinutes: number;
}

const run = (step: Step): Promise<number> =>
  new Promise((resolve) => {
    console.log(`\n=== ${step.name}: tsx bench/${step.script} ${step.args.join(' ')}`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_DIR, step.script), ...step.args],
      { stdio: 'inherit', cwd: path.dirname(BENCH_DIR) },
    );
    const timer = setTimeout(() => {
      console.error(`${step.name}: over ${step.timeoutMinutes} min, stopping it`);
      child.kill('SIGTERM');
    }, step.timeoutMinutes * 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });

const steps: Step[] = [];
if (!values['skip-seed']) {
  steps.push({ name: 'seed 100k', script: 'seed-keys.ts', args: [], timeoutMinutes: 15 });
}
steps.push(
  {
    name: 'B3 list pages at 100k',
    script: 'list-keys.bench.ts',
    args: ['--database', DEFAULT_BENCH_DATABASE],
    timeoutMinutes: 35,
  },
  {
    name: 'B2 auth overhead',
    script: 'auth-overhead.bench.ts',
    args: ['--database', DEFAULT_BENCH_DATABASE],
    timeoutMinutes: 5,
  },
);

steps.push(
  {
    name: 'B1 verify throughput vs floor',
    script: 'verify.bench.ts',
    args: ['--database', DEFAULT_BENCH_DATABASE],
    timeoutMinutes: 5,
  },
  {
    name: 'B1 with key policies (usage counting + allowlist) vs without',
    script: 'policy-overhead.bench.ts',
    args: ['--database', DEFAULT_BENCH_DATABASE],
    timeoutMinutes: 5,
  },
  {
    name: 'B4 revocation across two servers (database polling)',
    script: 'revocation.bench.ts',
    args: ['--database', DEFAULT_BENCH_DATABASE],
    timeoutMinutes: 5,
  },
);
steps.push({
  name: 'U1 key detail usage query (90 days, key used every second)',
  script: 'usage-query.bench.ts',
  args: ['--database', `${MARIADB_SERVER_URL}/keyward_bench_usage`],
  timeoutMinutes: 5,
});
steps.push({
  name: 'B5 in-process verifier vs floor vs REST, revocation (database polling)',
  script: 'verifier.bench.ts',
  args: [],
  timeoutMinutes: 10,
});
if (process.env.REDIS_URL) {
  steps.push({
    name: 'B5 revocation seen by the verifier (Redis)',
    script: 'verifier.bench.ts',
    args: ['--redis', process.env.REDIS_URL],
    timeoutMinutes: 10,
  });
  steps.push({
    name: 'B4 revocation across two servers (Redis)',
    script: 'revocation.bench.ts',
    args: ['--database', DEFAULT_BENCH_DATABASE, '--redis', process.env.REDIS_URL],
    timeoutMinutes: 5,
  });
}

if (values.million) {
  if (!values['skip-seed']) {
    steps.push({
      name: 'seed 1M',
      script: 'seed-keys.ts',
      args: [
        '--million',
        '--database',
        MILLION_BENCH_DATABASE,
        '--fresh',
        '--keys-file',
        path.join(BENCH_DIR, '.bench-keys-1m.json'),
      ],
      timeoutMinutes: 30,
    });
  }
  steps.push({
    name: 'B3 list pages at 1M',
    script: 'list-keys.bench.ts',
    args: ['--database', MILLION_BENCH_DATABASE],
    timeoutMinutes: 45,
  });
}

const results: { name: string; code: number }[] = [];
for (const step of steps) {
  const code = await run(step);
  results.push({ name: step.name, code });
  if (code !== 0 && step.script === 'seed-keys.ts') {
    console.error(`${step.name} failed: the benchmarks that need it are skipped`);
    break;
  }
}
console.log('\n=== summary');
for (const result of results) {
  console.log(`${result.code === 0 ? 'PASS' : 'FAIL'}  ${result.name} (exit ${result.code})`);
}
process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
