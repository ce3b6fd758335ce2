import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source.js';
import { newId } from '../src/common/ids.js';
import type { Role } from '../src/modules/roles/role.entity.js';
import { signWebhookBody } from '../src/modules/settings/reminder-delivery.js';
import { ReminderScheduler } from '../src/modules/settings/reminder.scheduler.js';
import { recordLifecycleEvent } from '../src/modules/webhooks/lifecycle-event.js';
import { WebhookDispatcher } from '../src/modules/webhooks/webhook-dispatcher.js';
import { WebhookDelivery } from '../src/modules/webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../src/modules/webhooks/webhook-endpoint.entity.js';
import { WebhookEvent } from '../src/modules/webhooks/webhook-event.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

interface Call {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback that answers 500 while told to fail. */
const startReceiver = async (host = '127.0.0.1') => {
  const calls: Call[] = [];
  /** Failures still to answer, per path: each test fails its own receiver path only. */
  const failing = new Map<string, number>();
  /** Run as a call arrives, before it is answered (a test's stand-in for a slow receiver). */
  const onCall = new Map<string, () => void>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', headers: req.headers, body });
      onCall.get(req.url ?? '')?.();
      const left = failing.get(req.url ?? '') ?? 0;
      if (left > 0) {
        failing.set(req.url ?? '', left - 1);
        res.writeHead(500).end();
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    calls,
    port,
    failNext: (path: string, count: number) => failing.set(path, count),
    whenCalled: (path: string, run: () => void) => onCall.set(path, run),
    url: (path: string) => `http://${host}:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const ALL_TYPES = [
  'KEY_CREATED',
  'KEY_UPDATED',
  'KEY_DEACTIVATED',
  'KEY_ACTIVATED',
  'KEY_DELETED',
  'TOKEN_RENEWED',
  'TOKEN_OLD_DELETED',
  'RENEWAL_UNDONE',
  'KEY_EXPIRING',
  'KEY_LEAKED',
  'EXTERNAL_KEY_ADDED',
  'EXTERNAL_KEY_REMOVED',
];

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
        eventTypes
        active
        createdBy
      }
    }
  }
`;

const DELIVERIES = /* GraphQL */ `
  query Deliveries($endpointId: ID!, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          eventType
          status
          attempts
          lastResponseStatus
          lastError
          nextAttemptAt
          lastAttemptAt
          deliveredAt
          createdAt
        }
      }
    }
  }
`;

const RESEND = /* GraphQL */ `
  mutation Resend($input: ResendWebhookDeliveryInput!) {
    resendWebhookDelivery(input: $input) {
      delivery {
        id
        status
      }
    }
  }
`;

interface DeliveryNode {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

interface Body {
  id: string;
  type: string;
  createdAt: string;
  account: string;
  data: Record<string, unknown>;
}

describe.each(testDatabases)('lifecycle webhooks on $name', (database) => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    // The receiver listens on loopback, which webhooks reach only where the operator allows it.
    server = await TestServer.start(database, { webhookAllow: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await server.stop();
    await receiver.close();
  });

  const dispatch = () => server.keyward.services.webhookDispatcher.runOnce();
  /** What the receiver got at one path: each test has its own. */
  const callsTo = (path: string) => receiver.calls.filter((call) => call.path === path);

  /** An owner, an endpoint at `path` subscribed to `types`, and the account's signing secret. */
  const subscribed = async (slug: string, path: string, types = ALL_TYPES) => {
    const owner = await accountWithOwner(server, slug);
    const created = await server.graphql<{
      createWebhookEndpoint: { endpoint: { id: string; createdBy: string; active: boolean } };
    }>(
      CREATE,
      { input: { url: receiver.url(path), description: 'ops', eventTypes: types } },
      { cookie: owner.cookie },
    );
    expect(created.errors).toBeUndefined();
    const settings = await server.graphql<{ apiKeySettings: { webhookSigningSecret: string } }>(
      '{ apiKeySettings { webhookSigningSecret } }',
      {},
      { cookie: owner.cookie },
    );
    const secret = settings.data!.apiKeySettings.webhookSigningSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    return { ...owner, endpointId: created.data!.createWebhookEndpoint.endpoint.id, secret };
  };

  const deliveriesOf = async (cookie: string, endpointId: string): Promise<DeliveryNode[]> => {
    const result = await server.graphql<{
      webhookDeliveries: { edges: { node: DeliveryNode }[] };
    }>(DELIVERIES, { endpointId, first: 100 }, { cookie });
    expect(result.errors).toBeUndefined();
    return result.data!.webhookDeliveries.edges.map((edge) => edge.node);
  };

  it('delivers every event, signed, with its payload, once the change commits', async () => {
    const owner = await subscribed('hooks', '/all');
    const before = callsTo('/all').length;
    const tokens: string[] = [];
    const key = await generateKey(server, owner.cookie, 'Orders');
    tokens.push(key.token!);
    const id = key.apiKey.id;
    const run = async (query: string, input: Record<string, unknown>) => {
      const result = await server.graphql<Record<string, { token?: string | null }>>(
        query,
        { input },
        { cookie: owner.cookie },
      );
      expect(result.errors).toBeUndefined();
      for (const value of Object.values(result.data ?? {}))
        if (value?.token) tokens.push(value.token);
    };
    await run(
      'mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id } } }',
      { id, name: 'Orders v2' },
    );
    await run(
      'mutation($input: DeactivateApiKeyInput!) { deactivateApiKey(input: $input) { apiKey { id } } }',
      { id },
    );
    await run(
      'mutation($input: ActivateApiKeyInput!) { activateApiKey(input: $input) { apiKey { id } } }',
      { id },
    );
    const renew =
      'mutation($input: RenewApiTokenInput!) { renewApiToken(input: $input) { token apiKey { id } } }';
    await run(renew, { id, oldToken: 'KEEP_UNTIL_DELETED' });
    await run(
      'mutation($input: DeleteOldTokenInput!) { deleteOldToken(input: $input) { apiKey { id } } }',
      { id },
    );
    await run(renew, { id, oldToken: 'KEEP_UNTIL_DELETED' });
    await run(
      'mutation($input: UndoRenewalInput!) { undoRenewal(input: $input) { apiKey { id } } }',
      { id },
    );
    const other = await accountWithOwner(server, 'hooks-other');
    const foreign = await generateKey(server, other.cookie, 'Shared');
    const added = await server.graphql<{ addExternalKey: { externalKey: { id: string } } }>(
      'mutation($input: AddExternalKeyInput!) { addExternalKey(input: $input) { externalKey { id } } }',
      { input: { key: foreign.apiKey.key } },
      { cookie: owner.cookie },
    );
    await run(
      'mutation($input: RemoveExternalKeyInput!) { removeExternalKey(input: $input) { removedExternalKeyId } }',
      { id: added.data!.addExternalKey.externalKey.id },
    );
    await run(
      'mutation($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }',
      { id, confirm: true },
    );
    // key.expiring comes with the renewal reminder, from a key whose token nears its duration.
    const expiring = await generateKey(server, owner.cookie, 'Nearly due');
    tokens.push(expiring.token!);
    server.clock.advanceDays(90 - 14 + 0.1);
    const scheduler = new ReminderScheduler(
      server.dataSource,
      server.clock.now,
      null,
      server.keyward.services.webhookEgress,
    );
    await scheduler.plan();

    expect(callsTo('/all').length).toBe(before);
    await dispatch();
    const calls = callsTo('/all').slice(before);
    const bodies = calls.map((call) => JSON.parse(call.body) as Body);
    expect(bodies.map((body) => body.type).sort()).toEqual(
      [
        'key.created',
        'key.updated',
        'key.deactivated',
        'key.activated',
        'token.renewed',
        'token.old_deleted',
        'token.renewed',
        'renewal.undone',
        'external_key.added',
        'external_key.removed',
        'key.deleted',
        'key.created',
        'key.expiring',
      ].sort(),
    );
    for (const call of calls) {
      const body = JSON.parse(call.body) as Body;
      const timestamp = call.headers['x-keyward-timestamp'] as string;
      expect(call.headers['x-keyward-signature']).toBe(
        signWebhookBody(owner.secret, timestamp, call.body),
      );
      expect(call.headers['x-keyward-event-id']).toBe(body.id);
      expect(call.headers['x-keyward-event']).toBe(body.type);
      expect(body.account).toBe('hooks');
      expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
      // Never a token, in clear or in part.
      for (const token of tokens) expect(call.body).not.toContain(token);
      expect(call.body).not.toMatch(/kwt_/);
    }
    const byType = (type: string) => bodies.filter((body) => body.type === type);
    expect(byType('key.updated')[0]!.data).toMatchObject({
      key: key.apiKey.key,
      keyName: 'Orders v2',
      changes: { name: { from: 'Orders', to: 'Orders v2' } },
    });
    expect(byType('key.deleted')[0]!.data).toEqual({ key: key.apiKey.key, keyName: 'Orders v2' });
    expect(byType('token.renewed')[0]!.data).toMatchObject({ oldToken: 'KEEP_UNTIL_DELETED' });
    expect(byType('external_key.added')[0]!.data).toMatchObject({
      key: foreign.apiKey.key,
      ownerAccount: 'hooks-other',
    });
    // The name of another account's key stays with that account.
    expect(byType('external_key.added')[0]!.data).not.toHaveProperty('keyName');
    expect(byType('key.expiring')[0]!.data).toMatchObject({
      key: expiring.apiKey.key,
      keyName: 'Nearly due',
      leadDays: 14,
    });
    // Each is logged as delivered, once.
    const log = await deliveriesOf(owner.cookie, owner.endpointId);
    expect(log).toHaveLength(13);
    expect(log.every((entry) => entry.status === 'DELIVERED' && entry.attempts === 1)).toBe(true);
    expect(log.every((entry) => entry.lastResponseStatus === 204)).toBe(true);
    await dispatch();
    expect(callsTo('/all').length).toBe(before + 13);
    // Creating the endpoint was audited, without the URL's secrets.
    const audit = await server.graphql<{ auditEvents: { edges: { node: { action: string } }[] } }>(
      '{ auditEvents(filter: { action: "webhook-endpoint.created" }) { edges { node { action } } } }',
      {},
      { cookie: owner.cookie },
    );
    expect(audit.data!.auditEvents.edges).toHaveLength(1);
  });

  it('sends only the types an endpoint subscribed to, and nothing to an inactive one', async () => {
    const owner = await subscribed('hooks-filter', '/filter', ['KEY_DELETED']);
    const before = callsTo('/filter').length;
    const key = await generateKey(server, owner.cookie, 'Quiet');
    await dispatch();
    expect(callsTo('/filter').length).toBe(before);
    await server.graphql(
      'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { active } } }',
      {
        input: { id: owner.endpointId, active: false, eventTypes: ['KEY_DELETED', 'KEY_CREATED'] },
      },
      { cookie: owner.cookie },
    );
    await server.graphql(
      'mutation($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }',
      { input: { id: key.apiKey.id, confirm: true } },
      { cookie: owner.cookie },
    );
    await dispatch();
    expect(callsTo('/filter').length).toBe(before);
    expect(await deliveriesOf(owner.cookie, owner.endpointId)).toEqual([]);
  });

  it('records nothing for a change that rolls back', async () => {
    const owner = await subscribed('hooks-rollback', '/rollback');
    await generateKey(server, owner.cookie, 'Taken');
    const duplicate = await server.graphql(
      'mutation($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token } }',
      { input: { name: 'Taken' } },
      { cookie: owner.cookie },
    );
    expect(errorCode(duplicate)).toBe('CONFLICT');
    await expect(
      server.dataSource.transaction(async (manager) => {
        await recordLifecycleEvent(manager, {
          type: 'key.leaked',
          accountId: owner.account.id,
          data: { key: 'x' },
        });
        throw new Error('the change fails after the event was recorded');
      }),
    ).rejects.toThrow('the change fails');
    const events = await server.dataSource
      .getRepository(WebhookEvent)
      .findBy({ accountId: owner.account.id });
    expect(events.map((event) => event.type)).toEqual(['key.created']);
  });

  it('tells nothing of how long an attempt took: the next one is timed from its start', async () => {
    const owner = await subscribed('hooks-timing', '/slow', ['KEY_CREATED']);
    receiver.failNext('/slow', 1);
    // The receiver takes 7 s (of the server's clock) to answer: a timeout would show the same way.
    receiver.whenCalled('/slow', () => server.clock.advance(7_000));
    await generateKey(server, owner.cookie, 'Slowly');
    await dispatch();
    const [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    expect(entry).toMatchObject({ status: 'PENDING', attempts: 1, lastResponseStatus: 500 });
    expect(Date.parse(entry!.nextAttemptAt!) - Date.parse(entry!.lastAttemptAt!)).toBe(60_000);
  });

  it('retries a failing receiver with backoff until it answers', async () => {
    const owner = await subscribed('hooks-retry', '/retry', ['KEY_CREATED']);
    const before = callsTo('/retry').length;
    receiver.failNext('/retry', 2);
    await generateKey(server, owner.cookie, 'Flaky');
    await dispatch();
    let [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    expect(entry).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastResponseStatus: 500,
      lastError: 'failed with HTTP 500',
    });
    expect(Date.parse(entry!.nextAttemptAt!)).toBeGreaterThan(server.clock.now().getTime());
    // Not before the first pause (1 minute) has passed.
    await dispatch();
    expect(callsTo('/retry').length).toBe(before + 1);
    server.clock.advance(61_000);
    await dispatch();
    expect(callsTo('/retry').length).toBe(before + 2);
    // The second pause is 5 minutes.
    server.clock.advance(4 * 60_000);
    await dispatch();
    expect(callsTo('/retry').length).toBe(before + 2);
    server.clock.advance(61_000);
    await dispatch();
    expect(callsTo('/retry').length).toBe(before + 3);
    [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    expect(entry).toMatchObject({
      status: 'DELIVERED',
      attempts: 3,
      lastResponseStatus: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    const ids = callsTo('/retry')
      .slice(before)
      .map((call) => call.headers['x-keyward-event-id']);
    expect(new Set(ids).size).toBe(1);
  });

  it('gives up after 24 hours of failures, and a resend delivers it again', async () => {
    const owner = await subscribed('hooks-fail', '/fail', ['KEY_CREATED']);
    receiver.failNext('/fail', 1_000);
    await generateKey(server, owner.cookie, 'Down');
    let [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    for (let hour = 0; hour < 30 && entry!.status === 'PENDING'; hour += 1) {
      await dispatch();
      server.clock.advance(60 * 60_000 + 1_000);
      [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    }
    expect(entry).toMatchObject({ status: 'FAILED', lastResponseStatus: 500, nextAttemptAt: null });
    // 1m, 5m, 30m, 2h, then every 6h: about 8 attempts fit in 24 hours.
    expect(entry!.attempts).toBeGreaterThanOrEqual(6);
    expect(entry!.attempts).toBeLessThanOrEqual(10);
    const attempts = entry!.attempts;
    receiver.failNext('/fail', 0);
    const resent = await server.graphql<{
      resendWebhookDelivery: { delivery: { status: string } };
    }>(RESEND, { input: { id: entry!.id } }, { cookie: owner.cookie });
    expect(resent.data!.resendWebhookDelivery.delivery.status).toBe('PENDING');
    // Already queued: a second resend is refused.
    expect(
      errorCode(
        await server.graphql(RESEND, { input: { id: entry!.id } }, { cookie: owner.cookie }),
      ),
    ).toBe('CONFLICT');
    await dispatch();
    [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    expect(entry).toMatchObject({ status: 'DELIVERED', attempts: attempts + 1 });
  });

  it('never lets two dispatchers send the same attempt', async () => {
    const owner = await subscribed('hooks-race', '/race', ['KEY_CREATED']);
    const before = callsTo('/race').length;
    for (let index = 0; index < 12; index += 1)
      await generateKey(server, owner.cookie, `Race ${index}`);
    // A second server: its own connection pool on the same database.
    const otherDataSource = createDataSource(server.databaseUrl);
    await otherDataSource.initialize();
    try {
      const egress = server.keyward.services.webhookEgress;
      const dispatchers = [
        new WebhookDispatcher(server.dataSource, server.clock.now, egress, null, {
          concurrency: 3,
        }),
        new WebhookDispatcher(otherDataSource, server.clock.now, egress, null, { concurrency: 3 }),
      ];
      const delivered = await Promise.all(dispatchers.map((dispatcher) => dispatcher.runOnce()));
      expect(delivered[0]! + delivered[1]!).toBe(12);
    } finally {
      await otherDataSource.destroy();
    }
    const ids = callsTo('/race')
      .slice(before)
      .map((call) => call.headers['x-keyward-event-id']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('stops claiming once stopped', async () => {
    const owner = await subscribed('hooks-stop', '/stop', ['KEY_CREATED']);
    await generateKey(server, owner.cookie, 'Later');
    const stopped = new WebhookDispatcher(
      server.dataSource,
      server.clock.now,
      server.keyward.services.webhookEgress,
    );
    stopped.stop();
    expect(await stopped.runOnce()).toBe(0);
    const [entry] = await deliveriesOf(owner.cookie, owner.endpointId);
    expect(entry).toMatchObject({ status: 'PENDING', attempts: 0 });
    await dispatch();
  });

  it('refuses an internal URL at save and at delivery', async () => {
    const owner = await accountWithOwner(server, 'hooks-egress');
    for (const url of [
      'http://10.0.0.5/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'ftp://example.test/hook',
    ]) {
      const refused = await server.graphql(
        CREATE,
        { input: { url, eventTypes: ['KEY_CREATED'] } },
        { cookie: owner.cookie },
      );
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.field).toBe('url');
    }
    expect(
      await server.dataSource
        .getRepository(WebhookEndpoint)
        .countBy({ accountId: owner.account.id }),
    ).toBe(0);
    // A URL stored under another allow list: loopback, but not the one address allowed here.
    const trap = await startReceiver('127.0.0.2');
    const subscribedOwner = await subscribed('hooks-egress2', '/ok', ['KEY_CREATED']);
    await server.dataSource
      .getRepository(WebhookEndpoint)
      .update({ id: subscribedOwner.endpointId }, { url: trap.url('/inside') });
    await generateKey(server, subscribedOwner.cookie, 'Inside');
    await dispatch();
    await trap.close();
    expect(trap.calls).toHaveLength(0);
    const [entry] = await deliveriesOf(subscribedOwner.cookie, subscribedOwner.endpointId);
    // No network detail reaches the account: only "failed".
    expect(entry).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastResponseStatus: null,
      lastError: 'failed',
    });
  });

  it('lets only Edit API Keys settings change endpoints, and only its own account’s', async () => {
    const owner = await subscribed('hooks-authz', '/authz', ['KEY_CREATED']);
    await generateKey(server, owner.cookie, 'Authz');
    const [delivery] = await deliveriesOf(owner.cookie, owner.endpointId);
    // A member of the owner's account who only views API keys.
    await server.createUser('viewer@hooks-authz.test', PASSWORD, [
      { accountId: owner.account.id, roles: [owner.roles.get('api-keys-read-only') as Role] },
    ]);
    const viewer = await server.signIn('viewer@hooks-authz.test', PASSWORD);
    const listed = await server.graphql<{ webhookEndpoints: { id: string }[] }>(
      '{ webhookEndpoints { id eventTypes } }',
      {},
      { cookie: viewer },
    );
    expect(listed.data!.webhookEndpoints.map((endpoint) => endpoint.id)).toEqual([
      owner.endpointId,
    ]);
    // Credentials in a URL are the editors' to read.
    await server.dataSource
      .getRepository(WebhookEndpoint)
      .update({ id: owner.endpointId }, { url: 'https://bot:pa55@hooks.test/in?token=s3cret' });
    const urlAs = async (cookie: string) =>
      (
        await server.graphql<{ webhookEndpoints: { url: string }[] }>(
          '{ webhookEndpoints { url } }',
          {},
          { cookie },
        )
      ).data!.webhookEndpoints[0]!.url;
    expect(await urlAs(viewer)).toBe('https://redacted@hooks.test/in?redacted');
    expect(await urlAs(owner.cookie)).toBe('https://bot:pa55@hooks.test/in?token=s3cret');
    await server.dataSource
      .getRepository(WebhookEndpoint)
      .update({ id: owner.endpointId }, { url: receiver.url('/authz') });
    expect(
      errorCode(
        await server.graphql(
          CREATE,
          { input: { url: receiver.url('/x'), eventTypes: ['KEY_CREATED'] } },
          { cookie: viewer },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await server.graphql(RESEND, { input: { id: delivery!.id } }, { cookie: viewer })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await server.graphql(
          'mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId } }',
          { input: { id: owner.endpointId } },
          { cookie: viewer },
        ),
      ),
    ).toBe('FORBIDDEN');
    // A member holding no API key resource reads nothing.
    const outsiderRole = await server.createRole(owner.account.id, 'Orders only', [
      'orders:view-orders',
    ]);
    await server.createUser('orders@hooks-authz.test', PASSWORD, [
      { accountId: owner.account.id, roles: [outsiderRole] },
    ]);
    const outsider = await server.signIn('orders@hooks-authz.test', PASSWORD);
    expect(
      errorCode(await server.graphql('{ webhookEndpoints { id } }', {}, { cookie: outsider })),
    ).toBe('FORBIDDEN');
    // Another account's admin, guessing ids: NOT_FOUND, and nothing changes.
    const stranger = await accountWithOwner(server, 'hooks-stranger');
    const asStranger = (query: string, variables: Record<string, unknown>) =>
      server.graphql(query, variables, { cookie: stranger.cookie });
    expect(
      errorCode(
        await asStranger(
          'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { id } } }',
          { input: { id: owner.endpointId, active: false } },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await asStranger(
          'mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId } }',
          { input: { id: owner.endpointId } },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await asStranger(DELIVERIES, { endpointId: owner.endpointId, first: 10 })),
    ).toBe('NOT_FOUND');
    await dispatch();
    expect(errorCode(await asStranger(RESEND, { input: { id: delivery!.id } }))).toBe('NOT_FOUND');
    const endpoint = await server.dataSource
      .getRepository(WebhookEndpoint)
      .findOneByOrFail({ id: owner.endpointId });
    expect(endpoint.active).toBe(true);
  });

  it('pages the delivery log and purges deliveries older than 30 days', async () => {
    const owner = await subscribed('hooks-log', '/log', ['KEY_CREATED']);
    for (let index = 0; index < 5; index += 1)
      await generateKey(server, owner.cookie, `Log ${index}`);
    const first = await server.graphql<{
      webhookDeliveries: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: DeliveryNode }[];
      };
    }>(DELIVERIES, { endpointId: owner.endpointId, first: 3 }, { cookie: owner.cookie });
    expect(first.data!.webhookDeliveries.totalCount).toBe(5);
    expect(first.data!.webhookDeliveries.pageInfo.hasNextPage).toBe(true);
    const second = await server.graphql<{
      webhookDeliveries: { edges: { node: DeliveryNode }[] };
    }>(
      DELIVERIES,
      {
        endpointId: owner.endpointId,
        first: 3,
        after: first.data!.webhookDeliveries.pageInfo.endCursor,
      },
      { cookie: owner.cookie },
    );
    const ids = [...first.data!.webhookDeliveries.edges, ...second.data!.webhookDeliveries.edges];
    expect(new Set(ids.map((edge) => edge.node.id)).size).toBe(5);
    await dispatch();
    server.clock.advanceDays(31);
    await server.keyward.services.webhookDispatcher.purgeOld();
    expect(
      await server.dataSource
        .getRepository(WebhookDelivery)
        .countBy({ accountId: owner.account.id }),
    ).toBe(0);
    expect(
      await server.dataSource.getRepository(WebhookEvent).countBy({ accountId: owner.account.id }),
    ).toBe(0);
  });

  it('allows at most 20 endpoints per account', async () => {
    const owner = await accountWithOwner(server, 'hooks-many');
    await server.dataSource.getRepository(WebhookEndpoint).insert(
      Array.from({ length: 20 }, (_, index) => ({
        id: newId(),
        accountId: owner.account.id,
        url: receiver.url(`/many/${index}`),
        description: '',
        eventTypesList: 'key.created',
        active: true,
        createdBy: owner.email,
        createdAt: new Date(),
        updatedAt: new Date(),
      })),
    );
    const refused = await server.graphql(
      CREATE,
      { input: { url: receiver.url('/many/21'), eventTypes: ['KEY_CREATED'] } },
      { cookie: owner.cookie },
    );
    expect(errorCode(refused)).toBe('CONFLICT');
  });
});
