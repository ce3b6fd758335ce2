import { lookup } from 'node:dns/promises';
import { BlockList, isIP, isIPv4 } from 'node:net';

/**
 * Where outgoing webhooks may go. A URL is refused unless its scheme is allowed (https only in
 * production) and every address its host resolves to is public, or allowed by the operator
 * (KEYWARD_WEBHOOK_ALLOW). The same check runs when a URL is saved and at every send, and the
 * sender connects to the addresses that were checked, so a DNS answer cannot change in between.
 */

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (dns.lookup with all: true by default). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export interface EgressLimits {
  /** TCP (and TLS) connection established within this time. */
  connectTimeoutMs: number;
  /** The whole exchange, from resolution to the last byte read. */
  totalTimeoutMs: number;
  /** Bytes of the response body read (and discarded) before hanging up. */
  maxResponseBytes: number;
}

export interface EgressOptions extends Partial<EgressLimits> {
  production: boolean;
  /** Host names and addresses or CIDRs (`10.0.0.0/8`, `fd00::/8`) reachable although private. */
  allow?: readonly string[];
  resolve?: Resolve;
  /** Tests only: the certificate authority receivers' certificates chain to (replaces the system's). */
  trustedCa?: string;
}

export const DEFAULT_EGRESS_LIMITS: EgressLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxResponseBytes: 64 * 1024,
};

/** Why a URL was refused: for logs and the message of a refused save, never a network detail. */
export type EgressRefusal = 'scheme' | 'address';

export class EgressRefused extends Error {
  constructor(readonly reason: EgressRefusal) {
    super(
      reason === 'scheme'
        ? 'This URL scheme is not allowed for webhooks.'
        : 'The webhook host is not a public address.',
    );
    this.name = 'EgressRefused';
  }
}

/** A URL that passed the policy, with the addresses to connect to (and only to). */
export interface CheckedTarget {
  url: URL;
  /** The host name without brackets or a trailing dot. */
  hostname: string;
  addresses: ResolvedAddress[];
}

const refusedIpv4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (and some clouds' metadata, e.g. 100.100.100.200)
  ['127.0.0.0', 8], // loopback
  ['168.63.129.16', 32], // Azure's platform endpoint (WireServer): public, yet answers only inside
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  refusedIpv4.addSubnet(network, prefix, 'ipv4');
}

/**
 * Only global unicast (2000::/3) is reachable over IPv6: everything else (unspecified, loopback,
 * IPv4-compatible and IPv4-translated `::ffff:0:a.b.c.d`, discard, unique-local with AWS metadata
 * fd00:ec2::254, link-local, site-local, multicast, local-use NAT64 64:ff9b:1::/48, unassigned)
 * is refused by being outside it.
 * Mapped, NAT64 and 6to4 addresses are judged by the IPv4 address inside them.
 */
const globalUnicastIpv6 = new BlockList();
globalUnicastIpv6.addSubnet('2000::', 3, 'ipv6');

/** IETF special purpose inside global unicast: Teredo (an obfuscated IPv4 inside), benchmarking, ORCHID. */
const refusedIpv6 = new BlockList();
refusedIpv6.addSubnet('2001::', 23, 'ipv6');

/** The 16 bytes of an IPv6 address (dotted IPv4 tail included), or null. */
const ipv6Bytes = (address: string): number[] | null => {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...dotted[1]!.split('.').map(Number));
    text = `${text.slice(0, dotted.index)}0:0`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return null;
  const all = [...left, ...Array<string>(missing).fill('0'), ...right];
  const bytes = all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes.length === 16 && bytes.every((byte) => Number.isInteger(byte)) ? bytes : null;
};

const startsWith = (bytes: number[], prefix: number[]) =>
  prefix.every((value, index) => bytes[index] === value);

/** The IPv4 address an IPv6 address carries: mapped, NAT64 or 6to4. */
export const embeddedIpv4 = (address: string): string | null => {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const dotted = (from: number) => bytes.slice(from, from + 4).join('.');
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return dotted(12);
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return dotted(12);
  if (startsWith(bytes, [0x20, 0x02])) return dotted(2);
  return null;
};

/** Loopback, private, link-local, unique-local, CGNAT, multicast, metadata and reserved ranges. */
export const isRefusedAddress = (withZone: string): boolean => {
  const address = withZone.split('%')[0] ?? '';
  const family = isIP(address);
  if (family === 4) return refusedIpv4.check(address, 'ipv4');
  if (family !== 6) return true;
  const ipv4 = embeddedIpv4(address);
  if (ipv4 !== null) return refusedIpv4.check(ipv4, 'ipv4');
  return !globalUnicastIpv6.check(address, 'ipv6') || refusedIpv6.check(address, 'ipv6');
};

export interface AllowList {
  hostnames: Set<string>;
  addresses: BlockList;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$/;

/** `KEYWARD_WEBHOOK_ALLOW`: comma-separated host names, addresses and CIDRs. Throws on a bad entry. */
export const parseAllowList = (entries: readonly string[]): AllowList => {
  const allow: AllowList = { hostnames: new Set(), addresses: new BlockList() };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/\.$/, '');
    if (entry === '') continue;
    const [network, prefixText, extra] = entry.replace(/[[\]]/g, '').split('/');
    const family = isIP(network ?? '');
    if (family !== 0 && extra === undefined) {
      const type = family === 4 ? 'ipv4' : 'ipv6';
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) {
        throw new Error(`KEYWARD_WEBHOOK_ALLOW: "${raw}" has no valid prefix length.`);
      }
      allow.addresses.addSubnet(network!, prefix, type);
    } else if (HOSTNAME.test(entry)) {
      allow.hostnames.add(entry);
    } else {
      throw new Error(`KEYWARD_WEBHOOK_ALLOW: "${raw}" is not a host name, address or CIDR.`);
    }
  }
  return allow;
};

const systemResolve: Resolve = async (hostname) => lookup(hostname, { all: true, verbatim: true });

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('failed'));
      },
    );
  });

export class EgressPolicy {
  readonly limits: EgressLimits;
  readonly production: boolean;
  private readonly allow: AllowList;
  private readonly resolveHost: Resolve;
  readonly trustedCa: string | undefined;

  constructor(options: EgressOptions) {
    this.production = options.production;
    this.trustedCa = options.trustedCa;
    this.allow = parseAllowList(options.allow ?? []);
    this.resolveHost = options.resolve ?? systemResolve;
    this.limits = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_EGRESS_LIMITS.connectTimeoutMs,
      totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_EGRESS_LIMITS.totalTimeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_EGRESS_LIMITS.maxResponseBytes,
    };
  }

  /** Schemes a webhook URL may use here. */
  get schemes(): string[] {
    return this.production ? ['https:'] : ['https:', 'http:'];
  }

  /** Refuses a URL by its form alone (scheme), before anything is resolved. */
  checkForm(raw: string | URL): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new EgressRefused('scheme');
    }
    if (!this.schemes.includes(url.protocol)) throw new EgressRefused('scheme');
    return url;
  }

  private allowedAddress(withZone: string): boolean {
    const address = withZone.split('%')[0] ?? '';
    const family = isIP(address);
    if (family === 0) return false;
    if (this.allow.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
    const ipv4 = family === 6 ? embeddedIpv4(address) : null;
    return ipv4 !== null && this.allow.addresses.check(ipv4, 'ipv4');
  }

  /**
   * Resolves the URL's host and refuses it if ANY address is refused and not allowed. An
   * unresolvable host is refused the same way, so the answer tells nothing about inner DNS.
   */
  async check(raw: string | URL): Promise<CheckedTarget> {
    const url = this.checkForm(raw);
    const hostname = url.hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '')
      .toLowerCase();
    if (hostname === '') throw new EgressRefused('address');
    let addresses: ResolvedAddress[];
    if (isIP(hostname)) {
      addresses = [{ address: hostname, family: isIPv4(hostname) ? 4 : 6 }];
    } else {
      try {
        addresses = await withTimeout(this.resolveHost(hostname), this.limits.connectTimeoutMs);
      } catch {
        throw new EgressRefused('address');
      }
    }
    if (addresses.length === 0) throw new EgressRefused('address');
    const namedAllowed = this.allow.hostnames.has(hostname);
    for (const { address } of addresses) {
      if (isIP(address) === 0) throw new EgressRefused('address');
      if (namedAllowed || this.allowedAddress(address)) continue;
      if (isRefusedAddress(address)) throw new EgressRefused('address');
    }
    return { url, hostname, addresses };
  }
}
