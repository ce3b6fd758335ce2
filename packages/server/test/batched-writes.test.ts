import { describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { RefusedAuthRecorder } from '../src/modules/audit/refused-auth.recorder.js';
import { LastUseRecorder } from '../src/modules/verification/last-use.recorder.js';
import { testDatabases } from './support/databases.js';
import { TestServer } from './support/test-server.js';

/** A database that refuses writes while `down`, and otherwise records what is written. */
const flakyDatabase = () => {
  const state = { down: true, updates: [] as unknown[], inserts: [] as unknown[] };
  const builder = {
    update: () => builder,
    set: (values: unknown) => {
      state.updates.push(values);
      return builder;
    },
    where: () => builder,
    execute: async () => {
      if (state.down) throw new Error('database unreachable');
      return { affected: 1 };
    },
  };
  const repository = {
    createQueryBuilder: () => ({
      where: () => ({ getMany: async () => [{ id: 'account-1', slug: 'acme' }] }),
    }),
    insert: async (rows: unknown[]) => {
      if (state.down) throw new Error('database unreachable');
      state.inserts.push(...rows);
    },
  };
  const dataSource = {
    createQueryBuilder: () => builder,
    getRepository: () => repository,
  } as unknown as DataSource;
  return { state, dataSource };
};

describe('batched writes', () => {
  it('keeps last uses for the next flush when a flush fails', async () => {
    const { state, dataSource } = flakyDatabase();
    const recorder = new LastUseRecorder(dataSource);
    recorder.record('token-1', 'key-1', new Date('2026-01-01T00:00:00Z'), '10.0.0.1');
    await expect(recorder.flush()).rejects.toThrow('database unreachable');
    state.down = false;
    state.updates = [];
    await recorder.flush();
    expect(state.updates).toContainEqual({
      lastUsedAt: new Date('2026-01-01T00:00:00Z'),
      lastUsedIp: '10.0.0.1',
    });
  });

  it('keeps refused authentications for the next flush when a flush fails', async () => {
    const { state, dataSource } = flakyDatabase();
    let now = new Date('2026-01-01T00:00:00Z');
    const recorder = new RefusedAuthRecorder(dataSource, () => now);
    const key = 'kw-acme-abcdefghijkl';
    recorder.record(key, '10.0.0.1', 'INVALID_CREDENTIALS');
    await expect(recorder.flush()).rejects.toThrow('database unreachable');
    now = new Date('2026-01-01T00:00:30Z');
    recorder.record(key, '10.0.0.1', 'INVALID_CREDENTIALS');
    state.down = false;
    await recorder.flush();
    expect(state.inserts).toHaveLength(1);
    expect(JSON.parse((state.inserts[0] as { details: string }).details)).toEqual({
      reason: 'INVALID_CREDENTIALS',
      attempts: 2,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:30.000Z',
    });
  });
});

describe.each(testDatabases)('the last write at stop on $name', (database) => {
  it('waits for every buffer even when another fails, then reports the failure', async () => {
    const server = await TestServer.start(database);
    const { services } = server.keyward;
    const flushes = {
      lastUse: services.lastUse.flush.bind(services.lastUse),
      refusedAuth: services.refusedAuth.flush.bind(services.refusedAuth),
    };
    let release = () => {};
    let lastUseWritten = false;
    services.lastUse.flush = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      lastUseWritten = true;
    };
    services.refusedAuth.flush = () => Promise.reject(new Error('database unreachable'));
    let settled = false;
    const stopped = server.keyward.stop().finally(() => (settled = true));
    const rejected = expect(stopped).rejects.toThrow('database unreachable');
    // main.ts exits as soon as stop() settles: last uses still being written would be lost.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    release();
    await rejected;
    expect(lastUseWritten).toBe(true);
    services.lastUse.flush = flushes.lastUse;
    services.refusedAuth.flush = flushes.refusedAuth;
    await server.stop();
  });
});
