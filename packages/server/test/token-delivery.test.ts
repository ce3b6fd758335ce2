import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, LIST } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      token
      singleAccessLink {
        path
        expiresAt
      }
      apiKey {
        id
        key
      }
    }
  }
`;
const RENEW = /* GraphQL */ `
  mutation Renew($input: RenewApiTokenInput!) {
    renewApiToken(input: $input) {
      token
      singleAccessLink {
        path
        expiresAt
      }
      apiKey {
        renewalPending
      }
    }
  }
`;
const REVEAL =
  'mutation($id: String!) { revealSingleAccessLink(input: { id: $id }) { key token } }';
const FAILING = 'query($days: Int!) { generatedKeysFailingUnder(tokenDurationDays: $days) }';

type Delivered = {
  token: string | null;
  singleAccessLink: { path: string; expiresAt: string } | null;
};

describe.each(testDatabases)('token delivery and enforcement preview on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'deliver');
  });
  afterAll(async () => server.stop());

  const open = async (link: { path: string }) =>
    server.graphql<{ revealSingleAccessLink: { key: string; token: string } }>(REVEAL, {
      id: link.path.split('/').at(-1),
    });
  const works = async (key: string, token: string) =>
    (await server.graphql(LIST, {}, { key, token })).errors === undefined;

  it('generates a key whose token only a single-access link reveals, never the response', async () => {
    const result = await server.graphql<{
      generateApiKey: Delivered & { apiKey: { id: string; key: string } };
    }>(
      GENERATE,
      {
        input: {
          name: 'Handed over',
          roleIds: [owner.roles.get('api-keys-read-only')!.id],
          reveal: 'SINGLE_ACCESS_LINK',
        },
      },
      { cookie: owner.cookie },
    );
    expect(result.errors).toBeUndefined();
    const payload = result.data!.generateApiKey;
    expect(payload.token).toBeNull();
    expect(payload.singleAccessLink!.path).toMatch(/^\/credentials\/[\w-]{43}$/);
    const opened = await open(payload.singleAccessLink!);
    const { token } = opened.data!.revealSingleAccessLink;
    expect(opened.data!.revealSingleAccessLink.key).toBe(payload.apiKey.key);
    expect(JSON.stringify(result)).not.toContain(token);
    expect(await works(payload.apiKey.key, token)).toBe(true);
    expect(errorCode(await open(payload.singleAccessLink!))).toBe('NOT_FOUND');
  });

  it('renews into a link, applying the chosen fate; the default still reveals the token', async () => {
    const key = await generateKey(server, owner.cookie, 'Renewed into a link', [
      owner.roles.get('api-keys-read-only')!.id,
    ]);
    const renewed = await server.graphql<{ renewApiToken: Delivered }>(
      RENEW,
      { input: { id: key.apiKey.id, oldToken: 'DELETE_NOW', reveal: 'SINGLE_ACCESS_LINK' } },
      { cookie: owner.cookie },
    );
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data!.renewApiToken.token).toBeNull();
    const { token } = (await open(renewed.data!.renewApiToken.singleAccessLink!)).data!
      .revealSingleAccessLink;
    expect(JSON.stringify(renewed)).not.toContain(token);
    expect(await works(key.apiKey.key, token)).toBe(true);
    expect(await works(key.apiKey.key, key.token)).toBe(false);

    const shown = await server.graphql<{ renewApiToken: Delivered }>(
      RENEW,
      { input: { id: key.apiKey.id, oldToken: 'DELETE_NOW' } },
      { cookie: owner.cookie },
    );
    expect(shown.data!.renewApiToken.token).toMatch(/\S{20,}/);
    expect(shown.data!.renewApiToken.singleAccessLink).toBeNull();
  });

  it('counts the active keys an enforced duration would refuse', async () => {
    const admin = await accountWithOwner(server, 'preview');
    await generateKey(server, admin.cookie, 'Old one');
    const inactive = await generateKey(server, admin.cookie, 'Old inactive');
    await server.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: inactive.apiKey.id },
      { cookie: admin.cookie },
    );
    server.clock.advanceDays(40);
    await generateKey(server, admin.cookie, 'Young one');
    const failing = async (days: number) =>
      (
        await server.graphql<{ generatedKeysFailingUnder: number }>(
          FAILING,
          { days },
          { cookie: admin.cookie },
        )
      ).data?.generatedKeysFailingUnder;
    expect(await failing(90)).toBe(0);
    expect(await failing(30)).toBe(1);
    expect(await failing(1)).toBe(1);
    server.clock.advanceDays(2);
    expect(await failing(1)).toBe(2);
    expect(errorCode(await server.graphql(FAILING, { days: 0 }, { cookie: admin.cookie }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('tells the days left once a token enters the reminder window, and nothing before', async () => {
    const admin = await accountWithOwner(server, 'due-soon');
    await server.graphql(
      'mutation { updateApiKeySettings(input: { tokenDurationDays: 30, reminderLeadDays: [7, 2] }) { settings { tokenDurationDays } } }',
      {},
      { cookie: admin.cookie },
    );
    await generateKey(server, admin.cookie, 'Due soon');
    const due = async () =>
      (
        await server.graphql<{
          generatedKeys: { edges: { node: { tokenDueInDays: number | null } }[] };
        }>('{ generatedKeys { edges { node { tokenDueInDays } } } }', {}, { cookie: admin.cookie })
      ).data?.generatedKeys.edges[0]?.node.tokenDueInDays;
    expect(await due()).toBeNull();
    server.clock.advanceDays(24);
    expect(await due()).toBe(6);
    server.clock.advanceDays(5.5);
    expect(await due()).toBe(1);
    server.clock.advanceDays(1);
    expect(await due()).toBeNull();
  });
});
