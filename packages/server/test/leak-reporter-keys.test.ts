import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LeakReporterKeys,
  parseLeakReporterKeys,
} from '../src/modules/leaks/leak-reporter-keys.js';

const pemOf = (pair: ReturnType<typeof generateKeyPairSync>) =>
  pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });

describe('KEYWARD_LEAK_REPORTER_KEYS', () => {
  it('reads an inline array, GitHub’s { public_keys } document, or a file holding either', () => {
    const entry = { key_identifier: 'k1', key: pemOf(p256) };
    expect(parseLeakReporterKeys(undefined)).toEqual([]);
    expect(parseLeakReporterKeys(JSON.stringify([entry]))).toEqual([entry]);
    const github = JSON.stringify({ public_keys: [{ ...entry, is_current: true }] });
    expect(parseLeakReporterKeys(github)).toEqual([entry]);
    const dir = mkdtempSync(path.join(tmpdir(), 'leak-keys-'));
    try {
      const file = path.join(dir, 'keys.json');
      writeFileSync(file, github);
      expect(parseLeakReporterKeys(file)).toEqual([entry]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the start on a malformed entry or a key that is not ECDSA P-256', () => {
    expect(() => parseLeakReporterKeys('{"keys": []}')).toThrow(/JSON array/);
    expect(() => parseLeakReporterKeys('[{"key_identifier": "k1"}]')).toThrow(/PEM key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() =>
      parseLeakReporterKeys(JSON.stringify([{ key_identifier: 'k1', key: pemOf(rsa) }])),
    ).toThrow(/not an ECDSA P-256 key/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    expect(() =>
      parseLeakReporterKeys(JSON.stringify([{ key_identifier: 'k1', key: pemOf(p384) }])),
    ).toThrow(/not an ECDSA P-256 key/);
  });

  it('accepts only a DER signature of the exact body by the named key', () => {
    const keys = new LeakReporterKeys([{ key_identifier: 'k1', key: pemOf(p256) }]);
    const body = Buffer.from('[{"token":"kwt_x","type":"t"}]');
    const signature = sign('sha256', body, p256.privateKey).toString('base64');
    expect(keys.verify(body, 'k1', signature)).toBe(true);
    expect(keys.verify(Buffer.from(`${body.toString()} `), 'k1', signature)).toBe(false);
    expect(keys.verify(body, 'k2', signature)).toBe(false);
    expect(keys.verify(body, undefined, signature)).toBe(false);
    expect(keys.verify(body, 'k1', undefined)).toBe(false);
    expect(keys.verify(body, 'k1', 'not base64 at all!')).toBe(false);
    const raw = sign('sha256', body, { key: p256.privateKey, dsaEncoding: 'ieee-p1363' });
    expect(keys.verify(body, 'k1', raw.toString('base64'))).toBe(false);
  });
});
