import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import {
  EgressPolicy,
  EgressRefused,
  embeddedIpv4,
  isRefusedAddress,
  parseAllowList,
  type Resolve,
} from '../src/modules/webhooks/egress-policy.js';
import { safeWebhookPost } from '../src/modules/webhooks/safe-webhook-post.js';

/** The policy alone: no database, no network (a fake resolver; nothing is ever connected to). */

const resolver =
  (table: Record<string, string[]>): Resolve =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('webhook egress policy', () => {
  it('refuses every inner, local, multicast and reserved range, on both IP versions', () => {
    const refused = [
      '0.0.0.0',
      '0.255.255.255',
      '10.0.0.0',
      '10.255.255.255',
      '100.64.0.0',
      '100.127.255.255',
      '100.100.100.200',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.0.1',
      '169.254.169.254',
      '168.63.129.16',
      '::ffff:168.63.129.16',
      '172.16.0.0',
      '172.31.255.255',
      '192.0.0.8',
      '192.168.0.1',
      '198.18.0.0',
      '198.19.255.255',
      '224.0.0.1',
      '239.255.255.255',
      '240.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::127.0.0.1',
      'fc00::1',
      'fd00:ec2::254',
      'fdff:ffff::1',
      'fe80::1',
      'fe80::1%eth0',
      'febf::1',
      'ff02::1',
      'ff0e::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::ffff:10.0.0.1',
      '::ffff:192.168.1.1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b:1::1',
      '2002:7f00:1::',
      '2002:a9fe:a9fe::1',
      '2002:c0a8:101::',
      '2001:0:4136:e378::1',
      // Outside global unicast (2000::/3), or IETF special-purpose inside it.
      '::ffff:0:127.0.0.1',
      '::ffff:0:a9fe:a9fe',
      '::1:0:0:1',
      '100::1',
      '4000::1',
      '5f00::1',
      'e000::1',
      '2001:2::1',
      '2001:10::1',
      '2001:20::1',
      'not an address',
    ];
    for (const address of refused)
      expect({ address, refused: isRefusedAddress(address) }).toEqual({ address, refused: true });
    const allowed = [
      '1.1.1.1',
      '8.8.8.8',
      '9.255.255.255',
      '11.0.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '192.167.255.255',
      '192.169.0.0',
      '198.17.255.255',
      '198.20.0.0',
      '223.255.255.255',
      '168.63.129.15',
      '168.63.129.17',
      '2606:4700:4700::1111',
      '2a00:1450:4001::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
    ];
    for (const address of allowed)
      expect({ address, refused: isRefusedAddress(address) }).toEqual({ address, refused: false });
  });

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 IPv6 addresses', () => {
    expect(embeddedIpv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::ffff:a9fe:a9fe')).toBe('169.254.169.254');
    expect(embeddedIpv4('64:ff9b::a00:1')).toBe('10.0.0.1');
    expect(embeddedIpv4('2002:c0a8:0101::1')).toBe('192.168.1.1');
    expect(embeddedIpv4('2606:4700::1')).toBeNull();
  });

  it('refuses a name when any of its addresses is refused, and an unknown name alike', async () => {
    const policy = new EgressPolicy({
      production: false,
      resolve: resolver({
        'public.test': ['203.0.113.5', '2001:db8::5'],
        'mixed.test': ['203.0.113.5', '10.0.0.5'],
        'mapped.test': ['::ffff:127.0.0.1'],
        'empty.test': [],
      }),
    });
    await expect(policy.check('https://public.test/hook')).resolves.toMatchObject({
      hostname: 'public.test',
      addresses: [{ address: '203.0.113.5' }, { address: '2001:db8::5' }],
    });
    for (const url of [
      'https://mixed.test/',
      'https://mapped.test/',
      'https://empty.test/',
      'https://unknown.test/',
    ]) {
      await expect(policy.check(url)).rejects.toEqual(new EgressRefused('address'));
    }
    for (const url of ['ftp://public.test/', 'file:///etc/passwd', 'gopher://public.test/', 'x']) {
      await expect(policy.check(url)).rejects.toEqual(new EgressRefused('scheme'));
    }
  });

  it('accepts only https in production', async () => {
    const policy = new EgressPolicy({
      production: true,
      resolve: resolver({ 'public.test': ['203.0.113.5'] }),
    });
    await expect(policy.check('http://public.test/')).rejects.toEqual(new EgressRefused('scheme'));
    await expect(policy.check('https://public.test/')).resolves.toBeTruthy();
  });

  it('lets the operator allow named hosts and CIDRs, and nothing around them', async () => {
    const policy = new EgressPolicy({
      production: false,
      allow: ['hooks.onprem.test', '10.20.0.0/16', 'fd12:3456::/32', '127.0.0.1'],
      resolve: resolver({
        'hooks.onprem.test': ['10.9.9.9', 'fd00::9'],
        'other.onprem.test': ['10.9.9.9'],
        'in-cidr.onprem.test': ['10.20.5.5'],
      }),
    });
    for (const url of [
      'https://hooks.onprem.test/',
      'https://HOOKS.onprem.test./',
      'https://in-cidr.onprem.test/',
      'http://10.20.255.255/',
      'http://[fd12:3456::1]/',
      'http://127.0.0.1:8080/',
      'http://[::ffff:10.20.0.1]/',
    ]) {
      await expect(policy.check(url)).resolves.toBeTruthy();
    }
    for (const url of [
      'https://other.onprem.test/',
      'http://10.21.0.1/',
      'http://[fd12:3457::1]/',
      'http://127.0.0.2/',
      'http://169.254.169.254/',
    ]) {
      await expect(policy.check(url)).rejects.toEqual(new EgressRefused('address'));
    }
  });

  it('parses KEYWARD_WEBHOOK_ALLOW and refuses a malformed entry at start', () => {
    const allow = parseAllowList([
      ' Hooks.Example.com ',
      '10.0.0.0/8',
      '[fd00::]/8',
      '192.168.1.5',
    ]);
    expect([...allow.hostnames]).toEqual(['hooks.example.com']);
    expect(allow.addresses.check('10.1.2.3', 'ipv4')).toBe(true);
    expect(allow.addresses.check('fd00::1', 'ipv6')).toBe(true);
    expect(allow.addresses.check('192.168.1.6', 'ipv4')).toBe(false);
    for (const bad of [
      '10.0.0.0/33',
      '10.0.0.0/x',
      'fd00::/129',
      'http://x',
      'a b',
      '10.0.0.0/8/8',
    ]) {
      expect(() => parseAllowList([bad])).toThrow(/KEYWARD_WEBHOOK_ALLOW/);
    }
    const env = { KEYWARD_SECRET: 'x'.repeat(32), KEYWARD_DATA_DIR: '/nonexistent' };
    expect(
      loadConfig({ ...env, KEYWARD_WEBHOOK_ALLOW: 'hooks.example.com, 10.0.0.0/8,' }).webhookAllow,
    ).toEqual(['hooks.example.com', '10.0.0.0/8']);
    expect(loadConfig(env).webhookAllow).toEqual([]);
    expect(() => loadConfig({ ...env, KEYWARD_WEBHOOK_ALLOW: '10.0.0.0/99' })).toThrow(
      /KEYWARD_WEBHOOK_ALLOW/,
    );
  });

  it('refuses before connecting: a refused send reports only "refused", with no status', async () => {
    const asked: string[] = [];
    const policy = new EgressPolicy({
      production: false,
      resolve: async (hostname) => {
        asked.push(hostname);
        return [{ address: '169.254.169.254', family: 4 }];
      },
    });
    await expect(
      safeWebhookPost(policy, 'http://metadata.test/latest/meta-data/', {}, '{}'),
    ).resolves.toEqual({ delivered: false, status: null, failure: 'refused' });
    await expect(safeWebhookPost(policy, 'http://[::ffff:a9fe:a9fe]/', {}, '{}')).resolves.toEqual({
      delivered: false,
      status: null,
      failure: 'refused',
    });
    expect(asked).toEqual(['metadata.test']);
  });
});

/** A certificate for hooks.onprem.test, made for this run (no private key lives in the repository). */
const selfSignedCertificate = (): { key: string; cert: string } | null => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyward-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=hooks.onprem.test',
        '-addext',
        'subjectAltName=DNS:hooks.onprem.test',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } catch {
    console.warn('openssl is not available: the https webhook test is skipped.');
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const tls = selfSignedCertificate();

describe.skipIf(!tls)('webhook egress over https', () => {
  it('connects to the checked address and still presents and checks the host name', async () => {
    const seen: { host?: string; servername?: string | false; body: string }[] = [];
    const receiver = createHttpsServer({ key: tls!.key, cert: tls!.cert }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const servername = (req.socket as { servername?: string | false }).servername;
        seen.push({ host: req.headers.host, servername, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    const asked: string[] = [];
    const policy = (allowed: string) =>
      new EgressPolicy({
        production: true,
        allow: [allowed],
        trustedCa: tls!.cert,
        resolve: async (hostname) => {
          asked.push(hostname);
          return [{ address: '127.0.0.1', family: 4 }];
        },
      });
    try {
      await expect(
        safeWebhookPost(
          policy('hooks.onprem.test'),
          `https://hooks.onprem.test:${port}/hook`,
          { 'content-type': 'application/json' },
          '{"event":"test"}',
        ),
      ).resolves.toEqual({ delivered: true, status: 200 });
      expect(seen).toEqual([
        {
          host: `hooks.onprem.test:${port}`,
          servername: 'hooks.onprem.test',
          body: '{"event":"test"}',
        },
      ]);
      // Another name on the same address: the certificate does not match, nothing is delivered.
      await expect(
        safeWebhookPost(
          policy('other.onprem.test'),
          `https://other.onprem.test:${port}/`,
          {},
          '{}',
        ),
      ).resolves.toEqual({ delivered: false, status: null, failure: 'unreachable' });
      expect(seen).toHaveLength(1);
      expect(asked).toEqual(['hooks.onprem.test', 'other.onprem.test']);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
