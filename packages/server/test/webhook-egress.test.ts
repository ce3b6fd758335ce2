import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../src/modules/settings/reminder-delivery.js';
import { ApiKeySettings } from '../src/modules/settings/api-key-settings.entity.js';
import { ReminderStatus, TokenReminder } from '../src/modules/settings/token-reminder.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

/**
 * Webhooks must never reach the inside of the network (SSRF). Every receiver here listens on
 * loopback, allowed through KEYWARD_WEBHOOK_ALLOW; every refused address is refused before any
 * connection, and host names are answered by a fake resolver, never by the real DNS.
 */

/** The receivers' address, the one loopback address the operator allowed here. */
const RECEIVER_HOST = '127.0.0.3';
/** What a rebound name points at: loopback too, so nothing leaves the machine, but not allowed. */
const TRAP_HOST = '127.0.0.2';

interface Call {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Responder = (res: ServerResponse) => void;

/** An HTTP receiver on a loopback address that records every request and answers as told. */
const startReceiver = async (host = RECEIVER_HOST, port = 0) => {
  const calls: Call[] = [];
  const sockets = new Set<Socket>();
  let closedSockets = 0;
  let respond: Responder = (res) => res.writeHead(204).end();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      respond(res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closedSockets += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const boundPort = (server.address() as AddressInfo).port;
  return {
    calls,
    port: boundPort,
    url: (path = '/hook') => `http://${host}:${boundPort}${path}`,
    answer: (responder: Responder) => (respond = responder),
    openSockets: () => sockets.size,
    closedSockets: () => closedSockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Answers host names from a script: each name's next answer, the last one repeating. */
class FakeDns {
  readonly asked: string[] = [];
  private readonly answers = new Map<string, string[][]>();

  set(hostname: string, ...answers: string[][]): void {
    this.answers.set(hostname, answers);
  }

  readonly resolve = async (hostname: string) => {
    this.asked.push(hostname);
    const queue = this.answers.get(hostname);
    if (!queue || queue.length === 0) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    const next = queue.length > 1 ? queue.shift()! : queue[0]!;
    return next.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  times(hostname: string): number {
    return this.asked.filter((name) => name === hostname).length;
  }
}

const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        webhookUrl
        webhookSigningSecret
      }
    }
  }
`;

/** One address of every refused range, as URLs (IPv4, IPv6, IPv4-mapped and embedded). */
const REFUSED_URLS = [
  'http://0.0.0.0/',
  'http://0.1.2.3/',
  'http://10.0.0.1/',
  'http://100.64.0.1/',
  'http://100.127.255.254/',
  'http://127.0.0.1:6379/',
  'http://127.1/',
  'http://127.0.0.4/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://017700000001/',
  'http://127.0.0.1./',
  'http://good.example@127.0.0.1/',
  'http://user:pass@[::1]:6379/',
  'http://169.254.169.254/latest/meta-data/',
  'http://168.63.129.16/machine?comp=goalstate',
  'http://172.16.0.1/',
  'http://172.31.255.255/',
  'http://192.0.0.8/',
  'http://192.168.1.1/',
  'http://198.18.0.1/',
  'http://198.19.255.255/',
  'http://224.0.0.1/',
  'http://239.255.255.250/',
  'http://240.0.0.1/',
  'http://255.255.255.255/',
  'http://[::]/',
  'http://[::1]/',
  'http://[fc00::1]/',
  'http://[fd00:ec2::254]/',
  'http://[fe80::1]/',
  'http://[ff02::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://[2002:7f00:1::]/',
  'http://[2002:a00:1::1]/',
  'http://[::ffff:0:7f00:1]/',
  'http://[64:ff9b::10.0.0.1]/',
  'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
  'http://localhost/',
  'http://LOCALHOST./',
  'https://metadata.internal.test/',
  'https://intranet.test/',
  'https://half-private.test/',
  'https://unresolvable.test/',
];

const remindersOf = (server: TestServer, apiKeyId: string) =>
  server.dataSource.getRepository(TokenReminder).findBy({ apiKeyId });

describe.each(testDatabases)('webhook egress on $name', (database) => {
  const dns = new FakeDns();
  let server: TestServer;
  let production: TestServer;
  let receiver: Receiver;
  let other: Receiver;
  /** Listens on TRAP_HOST at the receiver's port: what a rebound name would reach. */
  let trap: Receiver;
  const logs: string[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
    other = await startReceiver();
    trap = await startReceiver(TRAP_HOST, receiver.port);
    server = await TestServer.start(database, {
      webhookAllow: [`${RECEIVER_HOST}/32`],
      webhookResolve: dns.resolve,
      webhookLimits: { connectTimeoutMs: 500, totalTimeoutMs: 800, maxResponseBytes: 64 * 1024 },
      logDestination: { write: (line) => void logs.push(line) },
    });
    production = await TestServer.start(database, {
      production: true,
      webhookAllow: [`${RECEIVER_HOST}/32`],
      webhookResolve: dns.resolve,
    });
  });
  afterAll(async () => {
    await server.stop();
    await production.stop();
    await Promise.all([receiver.close(), other.close(), trap.close()]);
  });
  afterEach(async () => {
    // A reminder left pending would be retried by the next test's run: close it.
    await server.dataSource
      .getRepository(TokenReminder)
      .update({ status: ReminderStatus.PENDING }, { status: ReminderStatus.FAILED });
  });
  beforeEach(() => {
    dns.set('localhost', ['127.0.0.1', '::1']);
    dns.set('metadata.internal.test', ['169.254.169.254']);
    dns.set('intranet.test', ['10.1.2.3']);
    // One public and one private address: any refused address refuses the whole name.
    dns.set('half-private.test', ['203.0.113.7', '192.168.0.10']);
    dns.set('hooks.public.test', ['203.0.113.80']);
    receiver.answer((res) => res.writeHead(204).end());
  });

  const save = (target: TestServer, cookie: string, webhookUrl: string) =>
    target.graphql<{
      updateApiKeySettings: { settings: { webhookUrl: string; webhookSigningSecret: string } };
    }>(SETTINGS, { input: { webhookUrl, reminderLeadDays: [7] } }, { cookie });

  /** A key whose 7-day reminder is due once the clock moves on. */
  const dueKey = async (owner: { cookie: string }, name: string) => {
    const key = await generateKey(server, owner.cookie, name);
    return key;
  };

  const deliver = async () => {
    server.clock.advanceDays(90 - 7 + 0.1);
    await server.keyward.services.reminders.runOnce();
  };

  it('refuses, when saved, a URL whose host is or resolves to any refused range', async () => {
    const owner = await accountWithOwner(server, 'refused');
    for (const url of REFUSED_URLS) {
      const result = await save(server, owner.cookie, url);
      expect({ url, extensions: result.errors?.[0]?.extensions }).toEqual({
        url,
        extensions: { code: 'BAD_USER_INPUT', field: 'webhookUrl' },
      });
      expect(result.errors?.[0]?.message).toMatch(/public/);
    }
    const stored = await server.dataSource
      .getRepository(ApiKeySettings)
      .findOneBy({ accountId: owner.account.id });
    expect(stored?.webhookUrl ?? null).toBeNull();
    // A public name is accepted (nothing is sent to it in tests).
    const saved = await save(server, owner.cookie, 'https://hooks.public.test/keyward');
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateApiKeySettings.settings.webhookUrl).toBe(
      'https://hooks.public.test/keyward',
    );
    expect((await save(server, owner.cookie, '')).errors).toBeUndefined();
  });

  it('accepts only https in production, even for an allowed receiver', async () => {
    const owner = await accountWithOwner(production, 'prod-hooks');
    for (const url of [receiver.url(), 'http://hooks.public.test/keyward']) {
      const result = await save(production, owner.cookie, url);
      expect(result.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'webhookUrl',
      });
      expect(result.errors?.[0]?.message).toMatch(/https/);
    }
    const saved = await save(production, owner.cookie, 'https://hooks.public.test/keyward');
    expect(saved.errors).toBeUndefined();
  });

  it('posts a signed reminder to a loopback receiver the operator allowed', async () => {
    const owner = await accountWithOwner(server, 'allowed');
    const saved = await save(server, owner.cookie, receiver.url('/allowed'));
    expect(saved.errors).toBeUndefined();
    const secret = saved.data!.updateApiKeySettings.settings.webhookSigningSecret;
    const key = await dueKey(owner, 'Allowed receiver');
    await deliver();
    const calls = receiver.calls.filter((call) => call.url === '/allowed');
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.headers['x-keyward-signature']).toBe(
      signWebhookBody(secret, call.headers['x-keyward-timestamp'] as string, call.body),
    );
    expect(JSON.parse(call.body)).toMatchObject({ key: key.apiKey.key, leadDays: 7 });
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([
      { status: 'SENT', lastError: null },
    ]);
  });

  it('checks the address again at every send and refuses one no longer allowed', async () => {
    const owner = await accountWithOwner(server, 'resend');
    const saved = await save(server, owner.cookie, receiver.url('/stored'));
    expect(saved.errors).toBeUndefined();
    // A URL stored before this policy (or under another allow list) points at loopback.
    await server.dataSource
      .getRepository(ApiKeySettings)
      .update({ accountId: owner.account.id }, { webhookUrl: trap.url('/stored') });
    const key = await dueKey(owner, 'Stored before');
    await deliver();
    expect(trap.calls).toHaveLength(0);
    expect(receiver.calls.filter((call) => call.url === '/stored')).toHaveLength(0);
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([
      { status: 'PENDING', attempts: 1, lastError: 'webhook: failed' },
    ]);
    // The operator's log says why, by host only (no path, query or credentials).
    const warning = logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.accountId === owner.account.id && entry.failure);
    expect(warning).toMatchObject({
      level: 40,
      webhookHost: `${TRAP_HOST}:${receiver.port}`,
      failure: 'refused',
      status: null,
    });
    expect(String(warning?.msg)).toContain('KEYWARD_WEBHOOK_ALLOW');
  });

  it('refuses a name rebound to a refused address between saving and sending', async () => {
    dns.set('localhost', [RECEIVER_HOST], [TRAP_HOST]);
    const owner = await accountWithOwner(server, 'rebound');
    const saved = await save(server, owner.cookie, `http://localhost:${receiver.port}/rebound`);
    expect(saved.errors).toBeUndefined();
    const key = await dueKey(owner, 'Rebound');
    await deliver();
    expect(trap.calls).toHaveLength(0);
    expect(receiver.calls.filter((call) => call.url === '/rebound')).toHaveLength(0);
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([
      { status: 'PENDING', lastError: 'webhook: failed' },
    ]);
  });

  it('connects to the address it checked, never asking the name again', async () => {
    // Checked at save and at send; a third answer (a lookup by the HTTP stack) would rebind.
    dns.set('localhost', [RECEIVER_HOST], [RECEIVER_HOST], [TRAP_HOST]);
    const before = dns.times('localhost');
    const owner = await accountWithOwner(server, 'pinned');
    const saved = await save(server, owner.cookie, `http://localhost:${receiver.port}/pinned`);
    expect(saved.errors).toBeUndefined();
    const key = await dueKey(owner, 'Pinned');
    await deliver();
    expect(trap.calls).toHaveLength(0);
    const calls = receiver.calls.filter((call) => call.url === '/pinned');
    expect(calls).toHaveLength(1);
    // The Host header still names the host, as the receiver (and TLS, by SNI) expects.
    expect(calls[0]!.headers.host).toBe(`localhost:${receiver.port}`);
    expect(dns.times('localhost') - before).toBe(2);
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([{ status: 'SENT' }]);
  });

  it('never follows a redirect: a 3xx is a failure with its status', async () => {
    receiver.answer((res) => res.writeHead(302, { location: other.url('/moved') }).end());
    const owner = await accountWithOwner(server, 'redirect');
    expect((await save(server, owner.cookie, receiver.url('/redirect'))).errors).toBeUndefined();
    const key = await dueKey(owner, 'Redirected');
    await deliver();
    expect(receiver.calls.filter((call) => call.url === '/redirect')).toHaveLength(1);
    expect(other.calls).toHaveLength(0);
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([
      { status: 'PENDING', lastError: 'webhook: failed with HTTP 302' },
    ]);
  });

  it('gives up on a receiver that never answers within the time bound', async () => {
    receiver.answer(() => undefined);
    const owner = await accountWithOwner(server, 'silent');
    expect((await save(server, owner.cookie, receiver.url('/silent'))).errors).toBeUndefined();
    const key = await dueKey(owner, 'Silent');
    const started = Date.now();
    await deliver();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(receiver.calls.filter((call) => call.url === '/silent')).toHaveLength(1);
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([
      { status: 'PENDING', lastError: 'webhook: failed' },
    ]);
    await expect.poll(() => receiver.openSockets(), { timeout: 2000 }).toBe(0);
  });

  it('reads a bounded part of an endless response, then hangs up', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'x');
    receiver.answer((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const owner = await accountWithOwner(server, 'endless');
    expect((await save(server, owner.cookie, receiver.url('/endless'))).errors).toBeUndefined();
    const key = await dueKey(owner, 'Endless');
    const started = Date.now();
    await deliver();
    expect(Date.now() - started).toBeLessThan(3000);
    // The receiver took the message (2xx): delivered, and the connection is closed.
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([{ status: 'SENT' }]);
    await expect.poll(() => receiver.openSockets(), { timeout: 2000 }).toBe(0);
  });

  it('records only "failed", never a network detail, when nothing answers', async () => {
    const gone = await startReceiver();
    const url = gone.url('/gone');
    await gone.close();
    const owner = await accountWithOwner(server, 'gone');
    expect((await save(server, owner.cookie, url)).errors).toBeUndefined();
    const key = await dueKey(owner, 'Gone');
    await deliver();
    expect(await remindersOf(server, key.apiKey.id)).toMatchObject([
      { status: 'PENDING', lastError: 'webhook: failed' },
    ]);
    receiver.answer((res) => res.writeHead(500).end('internal detail'));
    const owner500 = await accountWithOwner(server, 'five-hundred');
    expect((await save(server, owner500.cookie, receiver.url('/500'))).errors).toBeUndefined();
    const key500 = await dueKey(owner500, 'Five hundred');
    await deliver();
    expect(await remindersOf(server, key500.apiKey.id)).toMatchObject([
      { status: 'PENDING', lastError: 'webhook: failed with HTTP 500' },
    ]);
  });
});
