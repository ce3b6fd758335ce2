import { Resources } from '@keyward/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../src/common/clock.js';
import { loadConfig } from '../src/config.js';
import { HOUR_MS, UsageRecorder } from '../src/modules/usage/usage.recorder.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import {
  accountWithOwner,
  errorCode,
  GENERATE,
  generateKey,
  PASSWORD,
  type GeneratedKey,
} from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const USAGE = /* GraphQL */ `
  query Usage($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $granularity: UsageGranularity) {
    apiKey(id: $id) {
      usage(from: $from, to: $to, granularity: $granularity) {
        from
        to
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

interface Usage {
  from: string;
  to: string;
  buckets: { start: string; total: number; outcomes: { outcome: string; count: number }[] }[];
  totals: { outcome: string; count: number }[];
  topSources: { address: string; count: number }[];
}

describe.each(testDatabases)('usage per key on $name', (database) => {
  let server: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database, { trustProxy: true });
    acme = await accountWithOwner(server, 'acme');
    partner = await accountWithOwner(server, 'partner');
  });
  afterAll(async () => server.stop());

  const services = () => server.keyward.services;
  const now = () => server.clock.now();

  const verify = async (body: Record<string, unknown>, from = '203.0.113.1') => {
    const response = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { code: string }).code;
  };

  const usageOf = async (
    id: string,
    range: { from: Date; to: Date; granularity?: 'HOUR' | 'DAY' },
    cookie = acme.cookie,
  ) =>
    server.graphql<{ apiKey: { usage: Usage } }>(
      USAGE,
      {
        id,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        granularity: range.granularity,
      },
      { cookie },
    );

  const totalsOf = async (id: string, days = 2, granularity: 'HOUR' | 'DAY' = 'HOUR') => {
    const result = await usageOf(id, {
      from: new Date(now().getTime() - days * DAY_MS + HOUR_MS),
      to: now(),
      granularity,
    });
    expect(result.errors).toBeUndefined();
    return Object.fromEntries(
      result.data!.apiKey.usage.totals.map(({ outcome, count }) => [outcome, count]),
    );
  };

  const storedRows = async (table: string, apiKeyId: string) =>
    (await server.dataSource.query(
      table === 'key_usage'
        ? 'SELECT hour, outcome, count FROM key_usage WHERE apiKeyId = ?'
        : 'SELECT day, address, count FROM key_usage_sources WHERE apiKeyId = ?',
      [apiKeyId],
    )) as Record<string, unknown>[];

  it('counts a known load exactly, by outcome, through verify and key-authenticated GraphQL', async () => {
    const key = await generateKey(server, acme.cookie, 'Counted', [
      acme.roles.get('oms-read-only')!.id,
    ]);
    const body = { key: key.apiKey.key, token: key.token };
    for (let i = 0; i < 7; i++) expect(await verify(body)).toBe('VALID');
    for (let i = 0; i < 3; i++)
      expect(await verify({ ...body, token: wrongTokenOf(key.token) })).toBe('INVALID_CREDENTIALS');
    expect(await verify({ ...body, resource: 'license-manager:edit-users' })).toBe('FORBIDDEN');
    for (let i = 0; i < 2; i++) {
      const me = await server.graphql('{ me { kind } }', {}, { key: body.key, token: body.token });
      expect(me.errors).toBeUndefined();
    }
    // An unknown key counts nowhere.
    expect(await verify({ ...body, key: 'kw-acme-000000000000' })).toBe('INVALID_CREDENTIALS');
    await server.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: key.apiKey.id },
      { cookie: acme.cookie },
    );
    for (let i = 0; i < 4; i++) expect(await verify(body)).toBe('INACTIVE');

    expect(await storedRows('key_usage', key.apiKey.id)).toEqual([]);
    await services().usageRecorder.flush();
    expect(await totalsOf(key.apiKey.id)).toEqual({
      VALID: 9,
      INVALID_CREDENTIALS: 3,
      FORBIDDEN: 1,
      INACTIVE: 4,
    });
  });

  it('counts refusals of the key policies: an address not allowed, a spent budget', async () => {
    server.clock.advanceToNextMinute();
    const generated = await server.graphql<{ generateApiKey: GeneratedKey }>(
      GENERATE,
      {
        input: {
          name: 'With policies',
          roleIds: [],
          allowedAddresses: ['198.51.100.0/24'],
          rateLimit: { perMinute: 2 },
        },
      },
      { cookie: acme.cookie },
    );
    const key = generated.data!.generateApiKey;
    const body = { key: key.apiKey.key, token: key.token };
    expect(await verify(body, '203.0.113.1')).toBe('IP_NOT_ALLOWED');
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push(await verify(body, '198.51.100.7'));
    expect(allowed).toEqual(['VALID', 'VALID', 'RATE_LIMITED']);
    await services().usageRecorder.flush();
    expect(await totalsOf(key.apiKey.id)).toEqual({
      IP_NOT_ALLOWED: 1,
      VALID: 2,
      RATE_LIMITED: 1,
    });
  });

  it('adds up the counts of several servers, and keeps counts when a flush fails', async () => {
    const key = await generateKey(server, acme.cookie, 'Two servers');
    const other = new UsageRecorder(server.dataSource);
    const at = now();
    for (let i = 0; i < 5; i++)
      services().usageRecorder.record(key.apiKey.id, 'VALID', '198.51.100.1', at);
    for (let i = 0; i < 6; i++) other.record(key.apiKey.id, 'VALID', '198.51.100.1', at);
    other.record(key.apiKey.id, 'IP_NOT_ALLOWED', '198.51.100.2', at);
    const write = vi
      .spyOn(server.dataSource, 'transaction')
      .mockRejectedValueOnce(new Error('database unreachable'));
    await expect(other.flush()).rejects.toThrow('database unreachable');
    write.mockRestore();
    // Each server writes its own batch (one process flushes one batch at a time).
    await services().usageRecorder.flush();
    await other.flush();
    await other.flush();
    expect(await totalsOf(key.apiKey.id)).toEqual({ VALID: 11, IP_NOT_ALLOWED: 1 });
    const result = await usageOf(key.apiKey.id, {
      from: new Date(at.getTime() - HOUR_MS),
      to: now(),
    });
    expect(result.data!.apiKey.usage.topSources).toEqual([
      { address: '198.51.100.1', count: 11 },
      { address: '198.51.100.2', count: 1 },
    ]);
  });

  it('counts nothing when counting is off (KEYWARD_USAGE_COUNTING=off)', async () => {
    const key = await generateKey(server, acme.cookie, 'Not counted');
    const silent = new UsageRecorder(server.dataSource, false);
    silent.record(key.apiKey.id, 'VALID', '198.51.100.9', now());
    await silent.flush();
    expect(await totalsOf(key.apiKey.id)).toEqual({});
  });

  it('rolls hours older than 7 days into days with the same totals, idempotently, and deletes past retention', async () => {
    const key = await generateKey(server, acme.cookie, 'Rolled up');
    const recorder = services().usageRecorder;
    const today = Math.floor(now().getTime() / DAY_MS);
    // Every hour of days 10 and 9 ago: hour h of each day counts h + 1 valid and 1 refused.
    for (const daysAgo of [10, 9]) {
      for (let hour = 0; hour < 24; hour++) {
        const at = new Date((today - daysAgo) * DAY_MS + hour * HOUR_MS + 1_000);
        for (let i = 0; i <= hour; i++) recorder.record(key.apiKey.id, 'VALID', '192.0.2.1', at);
        recorder.record(key.apiKey.id, 'EXPIRED', '192.0.2.2', at);
      }
    }
    // A recent hour stays hourly; an hour past 90 days goes.
    recorder.record(key.apiKey.id, 'VALID', '192.0.2.1', new Date(now().getTime() - 2 * HOUR_MS));
    recorder.record(key.apiKey.id, 'VALID', '192.0.2.1', new Date((today - 91) * DAY_MS));
    await recorder.flush();
    const before = await totalsOf(key.apiKey.id, 14, 'DAY');
    expect(before).toEqual({ VALID: 2 * 300 + 1, EXPIRED: 48 });
    expect(await storedRows('key_usage', key.apiKey.id)).toHaveLength(2 * 48 + 2);

    await services().usage.housekeeping(true);
    await services().usage.housekeeping(true);

    const rows = await storedRows('key_usage', key.apiKey.id);
    // Two days of two outcomes, and the recent hour.
    expect(rows).toHaveLength(5);
    const rolledDays = rows.filter((row) => Number(row.hour) < (today - 7) * 24);
    expect(rolledDays.every((row) => Number(row.hour) % 24 === 0)).toBe(true);
    expect(await totalsOf(key.apiKey.id, 14, 'DAY')).toEqual(before);
    const daily = await usageOf(key.apiKey.id, {
      from: new Date((today - 10) * DAY_MS),
      to: new Date((today - 8) * DAY_MS),
      granularity: 'DAY',
    });
    expect(daily.data!.apiKey.usage.buckets.map((bucket) => bucket.total)).toEqual([324, 324]);
  });

  // Several servers share MySQL/MariaDB; a SQLite file has one server.
  it.runIf(database.name === 'mysql')(
    'rolls up once when two servers run the housekeeping at the same time',
    async () => {
      const other = await TestServer.start(database, { attachTo: server.databaseUrl });
      try {
        const key = await generateKey(server, acme.cookie, 'Rolled up twice');
        const today = Math.floor(now().getTime() / DAY_MS);
        for (let hour = 0; hour < 24; hour++) {
          const at = new Date((today - 12) * DAY_MS + hour * HOUR_MS);
          services().usageRecorder.record(key.apiKey.id, 'VALID', null, at, 10);
          other.keyward.services.usageRecorder.record(key.apiKey.id, 'VALID', null, at, 1);
        }
        await services().usageRecorder.flush();
        await other.keyward.services.usageRecorder.flush();
        await Promise.all([
          services().usage.housekeeping(true),
          other.keyward.services.usage.housekeeping(true),
        ]);
        expect(await storedRows('key_usage', key.apiKey.id)).toEqual([
          { hour: (today - 12) * 24, outcome: 'VALID', count: expect.anything() as unknown },
        ]);
        expect(await totalsOf(key.apiKey.id, 14, 'DAY')).toEqual({ VALID: 24 * 11 });
      } finally {
        await other.stop();
      }
    },
  );

  it('keeps the top 10 sources of a finished day', async () => {
    const key = await generateKey(server, acme.cookie, 'Sources');
    const recorder = services().usageRecorder;
    const yesterday = new Date(now().getTime() - DAY_MS);
    for (let source = 1; source <= 15; source++) {
      for (let i = 0; i < source; i++)
        recorder.record(key.apiKey.id, 'VALID', `2001:db8::${source}`, yesterday);
    }
    await recorder.flush();
    const range = { from: new Date(yesterday.getTime() - HOUR_MS), to: now() };
    const expected = Array.from({ length: 10 }, (_, i) => ({
      address: `2001:db8::${15 - i}`,
      count: 15 - i,
    }));
    expect((await usageOf(key.apiKey.id, range)).data!.apiKey.usage.topSources).toEqual(expected);
    expect(await storedRows('key_usage_sources', key.apiKey.id)).toHaveLength(15);
    await services().usage.housekeeping(true);
    expect(await storedRows('key_usage_sources', key.apiKey.id)).toHaveLength(10);
    expect((await usageOf(key.apiKey.id, range)).data!.apiKey.usage.topSources).toEqual(expected);
  });

  it('counts past 32 bits, and never lets an over-long value fail a flush', async () => {
    const key = await generateKey(server, acme.cookie, 'Busy beyond Int');
    const recorder = services().usageRecorder;
    recorder.record(key.apiKey.id, 'VALID', `fe80::1%${'x'.repeat(60)}`, now(), 3_000_000_000);
    recorder.record(key.apiKey.id, `SOME_FUTURE_CODE_${'X'.repeat(60)}`, null, now());
    await recorder.flush();
    const totals = await totalsOf(key.apiKey.id);
    expect(totals.VALID).toBe(3_000_000_000);
    expect(Object.keys(totals)).toHaveLength(2);
    const result = await usageOf(key.apiKey.id, {
      from: new Date(now().getTime() - DAY_MS),
      to: now(),
    });
    expect(result.data!.apiKey.usage.topSources).toEqual([
      { address: `fe80::1%${'x'.repeat(37)}`, count: 3_000_000_000 },
    ]);
  });

  it('answers every bucket of the range, empty ones included', async () => {
    const key = await generateKey(server, acme.cookie, 'Buckets');
    const hour = Math.floor(now().getTime() / HOUR_MS);
    services().usageRecorder.record(key.apiKey.id, 'VALID', null, new Date((hour - 1) * HOUR_MS));
    await services().usageRecorder.flush();
    const result = await usageOf(key.apiKey.id, {
      from: new Date((hour - 3) * HOUR_MS + 5),
      to: new Date(hour * HOUR_MS),
    });
    expect(result.data!.apiKey.usage.buckets).toEqual([
      { start: new Date((hour - 3) * HOUR_MS).toISOString(), total: 0, outcomes: [] },
      { start: new Date((hour - 2) * HOUR_MS).toISOString(), total: 0, outcomes: [] },
      {
        start: new Date((hour - 1) * HOUR_MS).toISOString(),
        total: 1,
        outcomes: [{ outcome: 'VALID', count: 1 }],
      },
    ]);
  });

  it('refuses bad ranges with BAD_USER_INPUT', async () => {
    const key = await generateKey(server, acme.cookie, 'Ranges');
    const to = now();
    for (const range of [
      { from: to, to: new Date(to.getTime() - HOUR_MS) },
      { from: to, to },
      { from: new Date(to.getTime() - 93 * DAY_MS), to, granularity: 'DAY' as const },
      // 92 days of hours: 2,208 buckets, over the cap.
      { from: new Date(to.getTime() - 92 * DAY_MS), to, granularity: 'HOUR' as const },
    ]) {
      expect(errorCode(await usageOf(key.apiKey.id, range))).toBe('BAD_USER_INPUT');
    }
    const ninetyDays = { from: new Date(to.getTime() - 90 * DAY_MS), to };
    expect(
      (await usageOf(key.apiKey.id, { ...ninetyDays, granularity: 'DAY' })).errors,
    ).toBeUndefined();
    expect((await usageOf(key.apiKey.id, ninetyDays)).errors).toBeUndefined();
  });

  it('shows a key usage only to its own account, to holders of View API Keys', async () => {
    const key = await generateKey(server, acme.cookie, 'Private');
    const range = { from: new Date(now().getTime() - DAY_MS), to: now() };
    expect(errorCode(await usageOf(key.apiKey.id, range, partner.cookie))).toBe('NOT_FOUND');
    const editor = await server.createRole(acme.account.id, 'Users only', [Resources.viewUsers]);
    await server.createUser('users@acme.test', PASSWORD, [
      { accountId: acme.account.id, roles: [editor] },
    ]);
    const cookie = await server.signIn('users@acme.test', PASSWORD);
    expect(errorCode(await usageOf(key.apiKey.id, range, cookie))).toBe('FORBIDDEN');
    const accountWide = await server.graphql(
      'query($from: DateTimeISO!, $to: DateTimeISO!) { usage(from: $from, to: $to) { topKeys { total } } }',
      { from: range.from.toISOString(), to: range.to.toISOString() },
      { cookie },
    );
    expect(errorCode(accountWide)).toBe('FORBIDDEN');
  });

  it('ranks the account keys by use, and draws 7 days per key in one query per page', async () => {
    const globex = await accountWithOwner(server, 'globex');
    const busy = await generateKey(server, globex.cookie, 'Busy');
    const quiet = await generateKey(server, globex.cookie, 'Quiet');
    await generateKey(server, globex.cookie, 'Idle');
    const theirs = await generateKey(server, partner.cookie, 'Theirs');
    const recorder = services().usageRecorder;
    const at = now();
    const threeDaysAgo = new Date(at.getTime() - 3 * DAY_MS);
    for (let i = 0; i < 40; i++) recorder.record(busy.apiKey.id, 'VALID', null, at);
    for (let i = 0; i < 2; i++) recorder.record(busy.apiKey.id, 'EXPIRED', null, threeDaysAgo);
    recorder.record(quiet.apiKey.id, 'VALID', null, at);
    for (let i = 0; i < 99; i++) recorder.record(theirs.apiKey.id, 'VALID', null, at);
    await recorder.flush();

    const ranked = await server.graphql<{
      usage: {
        topKeys: { apiKey: { name: string }; total: number; valid: number; refused: number }[];
      };
    }>(
      'query($from: DateTimeISO!, $to: DateTimeISO!) { usage(from: $from, to: $to, first: 2) { topKeys { apiKey { name } total valid refused } } }',
      { from: new Date(at.getTime() - 7 * DAY_MS).toISOString(), to: now().toISOString() },
      { cookie: globex.cookie },
    );
    expect(ranked.errors).toBeUndefined();
    expect(ranked.data!.usage.topKeys[0]).toEqual({
      apiKey: { name: 'Busy' },
      total: 42,
      valid: 40,
      refused: 2,
    });
    expect(ranked.data!.usage.topKeys.map((row) => row.apiKey.name)).not.toContain('Theirs');

    const last7 = vi.spyOn(services().usage, 'last7Days');
    const list = await server.graphql<{
      generatedKeys: { edges: { node: { name: string; usageLast7Days: number[] } }[] };
    }>(
      '{ generatedKeys(first: 50) { edges { node { name usageLast7Days } } } }',
      {},
      { cookie: globex.cookie },
    );
    expect(list.errors).toBeUndefined();
    expect(last7).toHaveBeenCalledTimes(1);
    last7.mockRestore();
    const sparkline = (name: string) =>
      list.data!.generatedKeys.edges.find((edge) => edge.node.name === name)!.node.usageLast7Days;
    expect(sparkline('Busy')).toEqual([0, 0, 0, 2, 0, 0, 40]);
    expect(sparkline('Quiet')).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(sparkline('Idle')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('USAGE_RETENTION_DAYS', () => {
  const env = { NODE_ENV: 'production', KEYWARD_SECRET: 'x'.repeat(32) };

  it('keeps 90 days by default, and refuses a window the rollup could not fill', () => {
    expect(loadConfig(env).usageRetentionDays).toBe(90);
    expect(loadConfig({ ...env, USAGE_RETENTION_DAYS: '400' }).usageRetentionDays).toBe(400);
    for (const days of ['6', '3651', 'ninety', '-1'])
      expect(() => loadConfig({ ...env, USAGE_RETENTION_DAYS: days })).toThrow(
        /USAGE_RETENTION_DAYS/,
      );
  });
});

describe('KEYWARD_USAGE_COUNTING', () => {
  const env = { NODE_ENV: 'production', KEYWARD_SECRET: 'x'.repeat(32) };

  it('counts by default, stops on off, and refuses anything else', () => {
    expect(loadConfig(env).usageCounting).toBe(true);
    expect(loadConfig({ ...env, KEYWARD_USAGE_COUNTING: 'off' }).usageCounting).toBe(false);
    expect(() => loadConfig({ ...env, KEYWARD_USAGE_COUNTING: 'no' })).toThrow(
      /KEYWARD_USAGE_COUNTING/,
    );
  });
});
