import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import {
  accountWithOwner,
  errorCode,
  generateKey,
  LIST,
  type GeneratedKey,
} from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const AUDIT = /* GraphQL */ `
  query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          action
          actorKind
          actorLabel
          targetLabel
          details
          sourceIp
          createdAt
        }
      }
    }
  }
`;

interface AuditPage {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: {
      node: {
        action: string;
        actorKind: string;
        actorLabel: string | null;
        targetLabel: string | null;
        details: string | null;
        sourceIp: string | null;
      };
    }[];
  };
}

describe.each(testDatabases)('audit log and exports on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let erp: GeneratedKey;
  let renewedToken: string;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'acme');
    partner = await accountWithOwner(server, 'partner');
    erp = await generateKey(server, owner.cookie, '=HYPERLINK("evil")', [
      owner.roles.get('api-keys-read-only')!.id,
    ]);
    await generateKey(server, owner.cookie, 'Plain, "quoted" name');
    const renewed = await server.graphql<{ renewApiToken: { token: string } }>(
      'mutation($id: ID!) { renewApiToken(input: { id: $id, oldToken: KEEP_UNTIL_DELETED }) { token } }',
      { id: erp.apiKey.id },
      { cookie: owner.cookie },
    );
    renewedToken = renewed.data!.renewApiToken.token;
    const partnerKey = await generateKey(server, partner.cookie, 'Partner feed');
    await server.graphql(
      'mutation($key: String!) { addExternalKey(input: { key: $key, roleIds: [] }) { externalKey { id } } }',
      { key: partnerKey.apiKey.key },
      { cookie: owner.cookie },
    );
  });
  afterAll(async () => server.stop());

  // As the app's own links do: the browser says the request is same-origin.
  const download = (path: string, cookie = owner.cookie) =>
    fetch(`${server.url}${path}`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });

  it('exports both tabs as CSV with the SPEC columns, no secrets, and formulas defused', async () => {
    const response = await download('/api/keys/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="api-keys-\d{4}-\d\d-\d\d\.csv"/,
    );
    const csv = await response.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'tab,id,key,name,roles,created date,token created date,new-token created date,status,last used,created by,owner account,date added',
    );
    expect(lines.filter((line) => line.startsWith('generated,'))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('external,'))).toHaveLength(1);
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(csv).toContain('"Plain, ""quoted"" name"');
    const erpLine = lines.find((line) => line.includes(erp.apiKey.key))!;
    // During the renewal both the old and the new token's creation dates are there.
    expect(
      erpLine
        .split(',')
        .slice(6, 8)
        .every((cell) => /^\d{4}-\d\d-\d\dT/.test(cell)),
    ).toBe(true);
    for (const secret of [erp.token, renewedToken, 'kwt_']) expect(csv).not.toContain(secret);
    // Who generated each key (issue 12): here the owner, by email.
    expect(erpLine.split(',')[10]).toBe(owner.email);
  });

  it('exports an XLSX workbook with a Generated and an External sheet', async () => {
    const response = await download('/api/keys/export?format=xlsx&lang=en');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer,
    );
    const generated = workbook.getWorksheet('Generated keys')!;
    const external = workbook.getWorksheet('External keys')!;
    expect(generated.getRow(1).values).toEqual([
      undefined,
      'ID',
      'Key',
      'Name',
      'Roles',
      'Created (UTC)',
      'Token created (UTC)',
      'New token created (UTC)',
      'Status',
      'Last used (UTC)',
      'Created by',
    ]);
    expect(generated.rowCount).toBe(3);
    expect(external.getRow(1).values).toEqual([
      undefined,
      'ID',
      'Key',
      'Owner account',
      'Roles',
      'Added (UTC)',
      'Status',
    ]);
    expect(external.getRow(2).getCell(3).value).toBe('partner');
    const everything = JSON.stringify(workbook.model);
    expect(everything).not.toContain(erp.token);
    expect(everything).not.toContain(renewedToken);
  });

  it('guards exports like the lists and records them in the audit log', async () => {
    expect((await fetch(`${server.url}/api/keys/export?format=csv`)).status).toBe(401);
    expect((await download('/api/keys/export?format=pdf')).status).toBe(400);
    const noRoles = await generateKey(server, owner.cookie, 'No roles exporter');
    const refused = await fetch(`${server.url}/api/keys/export?format=csv`, {
      headers: { 'x-api-appkey': noRoles.apiKey.key, 'x-api-apptoken': noRoles.token },
    });
    expect(refused.status).toBe(403);
    const exports = await server.dataSource
      .getRepository(AuditEvent)
      .countBy({ action: 'api-keys.exported' });
    expect(exports).toBe(2);
  });

  it('lists every change with actor, target and source IP, filterable and paginated', async () => {
    const all = await server.graphql<AuditPage>(AUDIT, { first: 50 }, { cookie: owner.cookie });
    const actions = all.data!.auditEvents.edges.map((edge) => edge.node.action);
    expect(actions).toEqual(
      expect.arrayContaining(['api-key.generated', 'api-key.token-renewed', 'external-key.added']),
    );
    const generated = all.data!.auditEvents.edges.find(
      (edge) => edge.node.action === 'api-key.generated',
    )!.node;
    expect(generated).toMatchObject({
      actorKind: 'USER',
      actorLabel: owner.email,
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
    });
    // Partner's trail is not acme's.
    expect(JSON.stringify(all.data)).not.toContain('Partner feed');

    const byAction = await server.graphql<AuditPage>(
      AUDIT,
      { filter: { action: 'api-key.token-renewed' } },
      { cookie: owner.cookie },
    );
    expect(byAction.data!.auditEvents.edges.map((edge) => edge.node.targetLabel)).toEqual([
      erp.apiKey.key,
    ]);
    const byTarget = await server.graphql<AuditPage>(
      AUDIT,
      { filter: { targetKey: erp.apiKey.key.toUpperCase() } },
      { cookie: owner.cookie },
    );
    expect(byTarget.data!.auditEvents.totalCount).toBe(2);
    const future = await server.graphql<AuditPage>(
      AUDIT,
      { filter: { from: new Date(Date.now() + 60_000).toISOString() } },
      { cookie: owner.cookie },
    );
    expect(future.data!.auditEvents.totalCount).toBe(0);

    const first = await server.graphql<AuditPage>(AUDIT, { first: 2 }, { cookie: owner.cookie });
    const second = await server.graphql<AuditPage>(
      AUDIT,
      { first: 2, after: first.data!.auditEvents.pageInfo.endCursor },
      { cookie: owner.cookie },
    );
    expect(second.data!.auditEvents.edges).toHaveLength(2);
    expect(JSON.stringify(all.data)).not.toContain(erp.token);
  });

  it('records refused authentications aggregated per key, source and reason', async () => {
    for (let attempt = 0; attempt < 25; attempt++) {
      const wrong = await server.graphql(
        LIST,
        {},
        {
          key: erp.apiKey.key,
          token: wrongTokenOf(erp.token),
        },
      );
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    }
    // A made-up key of no account is only counted, never stored.
    await server.graphql(LIST, {}, { key: 'kw-nobody-aaaaaaaaaaaa', token: erp.token });
    await server.keyward.services.refusedAuth.flush();
    const refused = await server.graphql<AuditPage>(
      AUDIT,
      { filter: { action: 'auth.refused' } },
      { cookie: owner.cookie },
    );
    expect(refused.data!.auditEvents.totalCount).toBe(1);
    const event = refused.data!.auditEvents.edges[0]!.node;
    expect(event.targetLabel).toBe(erp.apiKey.key);
    expect(JSON.parse(event.details!)).toMatchObject({
      reason: 'INVALID_CREDENTIALS',
      attempts: 25,
    });
    expect(event.details).not.toContain('kwt_');
  });

  it('exports the audit log as CSV with the same filters', async () => {
    const response = await download(`/api/audit/export?format=csv&action=api-key.generated`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with a byte order mark, so Excel reads accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe('time,action,actor kind,actor,target type,target,source IP,details');
    expect(lines.slice(1).every((line) => line.split(',')[1] === 'api-key.generated')).toBe(true);
    expect(lines).toHaveLength(4);
    expect((await download('/api/audit/export?from=yesterday')).status).toBe(400);
    expect((await download('/api/audit/export', partner.cookie)).status).toBe(200);
  });
});
