import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings } from '../src/http/spa.js';
import { testDatabases } from './support/databases.js';
import { TestServer } from './support/test-server.js';

// Serving the SPA touches no table: one database is enough.
const [sqlite] = testDatabases;

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head></html>';
const SCRIPT = `export const app = ${JSON.stringify('x'.repeat(4000))};\n`;
/** The smallest valid ICO: one 1x1 32-bit image. */
const ICO = Buffer.from(
  '0000010001000101000001002000300000001600000028000000010000000200000001002000000000000000000000000000000000000000000000000000ff0000000000',
  'hex',
);

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

/** A raw GET: fetch would decode the body and hide Content-Encoding handling. */
const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });

describe('serving the built SPA', () => {
  let dist: string;
  let server: TestServer;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'keyward-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    const write = (file: string, content: string | Buffer) => {
      writeFileSync(path.join(dist, file), content);
      if (typeof content === 'string') {
        writeFileSync(path.join(dist, `${file}.br`), brotliCompressSync(content));
        writeFileSync(path.join(dist, `${file}.gz`), gzipSync(content));
      }
    };
    write('index.html', INDEX);
    write('assets/index-Ab12Cd34.js', SCRIPT);
    write('favicon.ico', ICO);
    server = await TestServer.start(sqlite!, { webDist: dist });
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends brotli or gzip as the browser accepts, and the plain file otherwise', async () => {
    const url = `${server.url}/assets/index-Ab12Cd34.js`;
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);

    const gzip = await get(url, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await get(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('caches fingerprinted assets for a year and revalidates index.html on every load', async () => {
    const asset = await get(`${server.url}/assets/index-Ab12Cd34.js`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const route of ['/', '/sign-in', '/account/api-keys/generated?sort=NAME']) {
      const page = await get(`${server.url}${route}`, { 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(page.body).toString()).toBe(INDEX);
    }
  });

  it('serves a real favicon, and answers 404 for a missing asset instead of the HTML', async () => {
    const icon = await get(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/icon/);
    expect(icon.body.equals(ICO)).toBe(true);

    const missing = await get(`${server.url}/assets/index-Gone0000.js`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain(INDEX);
  });

  it('leaves GraphQL and health answers to their own handlers', async () => {
    const health = await get(`${server.url}/healthz`, { 'accept-encoding': 'br' });
    expect(health.headers['content-type']).toMatch(/json/);
    expect(JSON.parse(health.body.toString())).toEqual({ status: 'ok' });
  });

  it('reads Accept-Encoding with its weights', () => {
    expect([...acceptedEncodings('gzip, deflate, br;q=1.0, zstd')]).toEqual([
      'gzip',
      'deflate',
      'br',
      'zstd',
    ]);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('br')).toBe(false);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
