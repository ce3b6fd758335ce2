import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const document = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
};

/** Response bodies checked against the document's schemas (JSON Schema 2020-12, as OpenAPI 3.1). */
const schemas = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
// The paths too: an operation's response schema is compiled where it stands, its $refs resolved.
schemas.addSchema({ $id: 'openapi', paths: document.paths, components: document.components });
const check = (schema: string, body: unknown) => {
  const validate = schemas.compile({ $ref: `openapi#/components/schemas/${schema}` });
  const valid = validate(body);
  return valid ? 'valid' : JSON.stringify(validate.errors);
};

interface DocumentedResponse {
  content?: Record<string, { schema?: unknown }>;
}

/**
 * A live answer of the running server against the document's own entry for that operation:
 * its status must be documented, its media type one the status lists, and a JSON body must
 * match the schema given there. Returns what failed, or 'conforms'.
 */
const conforms = async (method: string, route: string, response: Response) => {
  const operation = document.paths[route]?.[method.toLowerCase()] as
    { responses: Record<string, DocumentedResponse> } | undefined;
  if (!operation) return `${method} ${route} is not documented`;
  const documented = operation.responses[String(response.status)] ?? operation.responses.default;
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  // Only a JSON body is read: an event stream never ends.
  const text = mediaType === 'application/json' ? await response.text() : '';
  if (mediaType !== 'application/json') await response.body?.cancel();
  if (!documented) return `${method} ${route} answered an undocumented ${response.status}`;
  if (!documented.content) return 'conforms';
  const entry = documented.content[mediaType];
  if (!entry) return `${method} ${route} ${response.status} answered ${mediaType || 'no type'}`;
  if (mediaType !== 'application/json' || !entry.schema) return 'conforms';
  const pointer = [
    'paths',
    route,
    method.toLowerCase(),
    'responses',
    documented === operation.responses.default ? 'default' : String(response.status),
    'content',
    mediaType,
    'schema',
  ]
    .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('/');
  const validate = schemas.compile({ $ref: `openapi#/${pointer}` });
  return validate(JSON.parse(text)) ? 'conforms' : JSON.stringify(validate.errors);
};

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document naming every REST endpoint', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/audit/export',
      '/api/keys/changes',
      '/api/keys/export',
      '/api/keys/usage',
      '/api/keys/verify',
      '/api/leaks',
      '/api/openapi.json',
      '/healthz',
      '/metrics',
      '/readyz',
    ]);
  });
});

describe.each(testDatabases)(
  'the running server on $name against the OpenAPI document',
  (database) => {
    let server: TestServer;
    let owner: Awaited<ReturnType<typeof accountWithOwner>>;

    beforeAll(async () => {
      server = await TestServer.start(database);
      owner = await accountWithOwner(server, 'contract');
    });
    afterAll(async () => {
      await server.stop();
    });

    it('serves the committed document at /api/openapi.json', async () => {
      const response = await fetch(`${server.url}/api/openapi.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual(document);
    });

    it('answers as the document says', async () => {
      const key = await generateKey(server, owner.cookie, 'Contract', [
        owner.roles.get('oms-read-only')!.id,
      ]);
      const role = await server.createRole(owner.account.id, 'Verifier', [Resources.verifyApiKeys]);
      const service = await generateKey(server, owner.cookie, 'Service', [role.id]);
      const asService = { 'x-api-appkey': service.apiKey.key, 'x-api-apptoken': service.token };
      const verify = async (body: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${server.url}/api/keys/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      };
      const self = await verify({ key: key.apiKey.key, token: key.token });
      expect(check('Verification', self.body)).toBe('valid');
      const wrong = await verify({ key: key.apiKey.key, token: `${key.token}x` });
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(check('Verification', wrong.body)).toBe('valid');
      const forbidden = await verify({
        key: key.apiKey.key,
        token: key.token,
        resource: 'orders:edit-orders',
      });
      expect(check('Verification', forbidden.body)).toBe('valid');
      const served = await verify({ key: key.apiKey.key, token: key.token }, asService);
      expect(served.body.local).toMatchObject({ keyId: key.apiKey.id, enforced: false });
      expect(check('Verification', served.body)).toBe('valid');
      const refused = await verify(
        { key: key.apiKey.key, token: key.token },
        { 'x-api-appkey': key.apiKey.key, 'x-api-apptoken': key.token },
      );
      expect(refused.status).toBe(403);
      expect(check('Errors', refused.body)).toBe('valid');
      const bad = await verify({ key: 1 });
      expect(bad.status).toBe(400);
      expect(check('Errors', bad.body)).toBe('valid');

      const usage = await fetch(`${server.url}/api/keys/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...asService },
        body: JSON.stringify({
          uses: [
            {
              keyId: key.apiKey.id,
              tokenId: (served.body.local as { tokenId: string }).tokenId,
              at: new Date().toISOString(),
              ip: '203.0.113.5',
            },
            { keyId: service.apiKey.id, tokenId: 'not-a-token', at: new Date().toISOString() },
          ],
        }),
      });
      expect(usage.status).toBe(202);
      expect(await usage.json()).toEqual({ recorded: 1 });

      for (const [path, status] of [
        ['/healthz', { status: 'ok' }],
        ['/readyz', { status: 'ready' }],
      ] as const) {
        const response = await fetch(`${server.url}${path}`);
        expect(await response.json()).toEqual(status);
      }
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
      const exported = await fetch(`${server.url}/api/keys/export?format=csv`, {
        headers: { 'x-api-appkey': key.apiKey.key, 'x-api-apptoken': key.token },
      });
      expect(exported.status).toBe(403);
      expect(check('Errors', await exported.json())).toBe('valid');
    });

    it('answers every endpoint with a status, media type and body its operation documents', async () => {
      const key = await generateKey(server, owner.cookie, 'Every answer', [
        owner.roles.get('oms-read-only')!.id,
      ]);
      const role = await server.createRole(owner.account.id, 'Verifier 2', [
        Resources.verifyApiKeys,
      ]);
      const service = await generateKey(server, owner.cookie, 'Service 2', [role.id]);
      const asKey = { 'x-api-appkey': key.apiKey.key, 'x-api-apptoken': key.token };
      const asService = { 'x-api-appkey': service.apiKey.key, 'x-api-apptoken': service.token };
      const json = { 'content-type': 'application/json' };
      const asOwner = { cookie: owner.cookie, 'x-keyward-export': '1' };
      const calls: [string, string, string, RequestInit & { headers?: Record<string, string> }][] =
        [
          [
            'POST',
            '/api/keys/verify',
            '',
            { headers: json, body: JSON.stringify({ key: key.apiKey.key, token: key.token }) },
          ],
          [
            'POST',
            '/api/keys/verify',
            '',
            {
              headers: json,
              body: JSON.stringify({ key: key.apiKey.key, token: `${key.token}x` }),
            },
          ],
          [
            'POST',
            '/api/keys/verify',
            '?gate=true',
            {
              headers: json,
              body: JSON.stringify({ key: key.apiKey.key, token: `${key.token}x` }),
            },
          ],
          [
            'POST',
            '/api/keys/verify',
            '?gate=true',
            {
              headers: json,
              body: JSON.stringify({
                key: key.apiKey.key,
                token: key.token,
                resource: 'orders:edit-orders',
              }),
            },
          ],
          [
            'POST',
            '/api/keys/verify',
            '',
            {
              headers: { ...json, ...asService },
              body: JSON.stringify({ key: key.apiKey.key, token: key.token }),
            },
          ],
          [
            'POST',
            '/api/keys/verify',
            '',
            {
              headers: { ...json, ...asKey },
              body: JSON.stringify({ key: key.apiKey.key, token: key.token }),
            },
          ],
          ['POST', '/api/keys/verify', '', { headers: json, body: JSON.stringify({ key: 1 }) }],
          [
            'POST',
            '/api/keys/verify',
            '',
            { headers: { 'content-type': 'text/plain' }, body: 'key' },
          ],
          [
            'POST',
            '/api/keys/verify',
            '',
            { headers: json, body: JSON.stringify({ key: 'x'.repeat(9_000) }) },
          ],
          ['GET', '/api/keys/changes', '', { headers: asService }],
          ['GET', '/api/keys/changes', '', { headers: asKey }],
          ['GET', '/api/keys/changes', '', {}],
          [
            'POST',
            '/api/keys/usage',
            '',
            { headers: { ...json, ...asService }, body: JSON.stringify({ uses: [] }) },
          ],
          [
            'POST',
            '/api/keys/usage',
            '',
            { headers: { ...json, ...asService }, body: JSON.stringify({ uses: 1 }) },
          ],
          [
            'POST',
            '/api/keys/usage',
            '',
            { headers: { ...json, ...asKey }, body: JSON.stringify({ uses: [] }) },
          ],
          ['POST', '/api/keys/usage', '', { headers: json, body: JSON.stringify({ uses: [] }) }],
          ['GET', '/api/keys/export', '?format=csv', { headers: asOwner }],
          ['GET', '/api/keys/export', '?format=xlsx', { headers: asOwner }],
          ['GET', '/api/keys/export', '?format=pdf', { headers: asOwner }],
          ['GET', '/api/keys/export', '?format=csv', { headers: asKey }],
          ['GET', '/api/keys/export', '?format=csv', {}],
          ['GET', '/api/audit/export', '', { headers: asOwner }],
          ['GET', '/api/audit/export', '', {}],
          ['POST', '/api/leaks', '', { headers: json, body: '[]' }],
          ['GET', '/healthz', '', {}],
          ['GET', '/readyz', '', {}],
          ['GET', '/metrics', '', {}],
          ['GET', '/api/openapi.json', '', {}],
        ];
      const statuses = new Set<string>();
      for (const [method, route, query, init] of calls) {
        const response = await fetch(`${server.url}${route}${query}`, { ...init, method });
        statuses.add(`${method} ${route} ${response.status}`);
        expect(await conforms(method, route, response), `${method} ${route}${query}`).toBe(
          'conforms',
        );
      }
      // The calls above reach the answers they are meant to, not only 401s.
      for (const expected of [
        'POST /api/keys/verify 200',
        'POST /api/keys/verify 401',
        'POST /api/keys/verify 403',
        'POST /api/keys/verify 400',
        'POST /api/keys/verify 413',
        'POST /api/keys/verify 415',
        'GET /api/keys/changes 200',
        'GET /api/keys/changes 403',
        'GET /api/keys/changes 401',
        'POST /api/keys/usage 202',
        'POST /api/keys/usage 400',
        'POST /api/keys/usage 403',
        'POST /api/keys/usage 401',
        'GET /api/keys/export 200',
        'GET /api/keys/export 400',
        'GET /api/keys/export 403',
        'GET /api/keys/export 401',
        'GET /api/audit/export 200',
        'GET /api/audit/export 401',
        'GET /healthz 200',
        'GET /readyz 200',
        'GET /metrics 200',
        'GET /api/openapi.json 200',
      ])
        expect(statuses).toContain(expected);
    });
  },
);
