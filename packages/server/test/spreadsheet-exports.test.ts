import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const BOM = '\uFEFF';

describe.each(testDatabases)('exports people open in a spreadsheet on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'sheets');
    const partner = await accountWithOwner(server, 'sheets-partner');
    await generateKey(server, owner.cookie, 'ERP, São Paulo');
    const inactive = await generateKey(server, owner.cookie, 'Old feed');
    await server.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: inactive.apiKey.id },
      { cookie: owner.cookie },
    );
    const partnerKey = await generateKey(server, partner.cookie, 'Partner feed');
    await server.graphql(
      'mutation($key: String!) { addExternalKey(input: { key: $key, roleIds: [] }) { externalKey { id } } }',
      { key: partnerKey.apiKey.key },
      { cookie: owner.cookie },
    );
  });
  afterAll(async () => server.stop());

  const download = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      headers: { cookie: owner.cookie, 'sec-fetch-site': 'same-origin', ...headers },
    });
  const workbookOf = async (response: Response) => {
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer,
    );
    return workbook;
  };

  it('writes real date cells, readable headers and statuses in the requested language', async () => {
    const workbook = await workbookOf(await download('/api/keys/export?format=xlsx&lang=pt-BR'));
    const generated = workbook.getWorksheet('Chaves geradas')!;
    expect(generated).toBeDefined();
    expect(generated.getRow(1).values).toEqual([
      undefined,
      'ID',
      'Chave',
      'Nome',
      'Perfis de acesso',
      'Criada em (UTC)',
      'Token criado em (UTC)',
      'Novo token criado em (UTC)',
      'Status',
      'Último uso (UTC)',
      'Criada por',
    ]);
    const rows = [2, 3].map((n) => generated.getRow(n));
    expect(rows.map((row) => row.getCell(3).value)).toEqual(['ERP, São Paulo', 'Old feed']);
    expect(rows.map((row) => row.getCell(8).value)).toEqual(['Ativa', 'Inativa']);
    expect(rows[0]!.getCell(5).value).toBeInstanceOf(Date);
    expect(rows[0]!.getCell(5).numFmt).toMatch(/yyyy/);
    expect(generated.getColumn(3).width).toBeGreaterThanOrEqual(20);
    expect(generated.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(generated.autoFilter).toBe('A1:J1');

    const external = workbook.getWorksheet('Chaves terceiras')!;
    expect(external.getRow(1).getCell(3).value).toBe('Conta proprietária');
    expect(external.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    expect(external.getRow(2).getCell(6).value).toBe('Ativa');
    expect(external.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    // Without lang, the browser's Accept-Language decides.
    const spanish = await workbookOf(
      await download('/api/keys/export?format=xlsx', { 'accept-language': 'es-AR,es;q=0.9' }),
    );
    expect(spanish.getWorksheet('Claves generadas')!.getRow(1).getCell(2).value).toBe('Clave');
  });

  it('writes CSV as UTF-8 with a BOM, one tab per file, with a semicolon option', async () => {
    const generated = await download('/api/keys/export?format=csv&tab=generated');
    expect(generated.status).toBe(200);
    expect(generated.headers.get('content-disposition')).toMatch(
      /filename="api-keys-generated-\d{4}-\d\d-\d\d\.csv"/,
    );
    const bytes = new Uint8Array(await generated.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,key,name,roles,created date,token created date,new-token created date,status,last used,created by',
    );
    expect(lines).toHaveLength(3);
    expect(text).toContain('"ERP, São Paulo"');

    const external = await (await download('/api/keys/export?format=csv&tab=external')).text();
    const externalLines = external.replace(BOM, '').trim().split('\r\n');
    expect(externalLines[0]).toBe('id,key,owner account,roles,date added,status');
    expect(externalLines).toHaveLength(2);

    const semicolon = await (
      await download('/api/keys/export?format=csv&tab=generated&sep=semicolon')
    ).text();
    const first = semicolon.replace(BOM, '').split('\r\n');
    expect(first[0]).toBe(
      'id;key;name;roles;created date;token created date;new-token created date;status;last used;created by',
    );
    // A comma inside a cell needs no quotes with semicolons; a semicolon would.
    expect(semicolon).toContain(';ERP, São Paulo;');

    expect((await download('/api/keys/export?format=csv&tab=other')).status).toBe(400);
    expect((await download('/api/keys/export?format=csv&sep=pipe')).status).toBe(400);
  });
});
