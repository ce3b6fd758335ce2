import { isIP } from 'node:net';
import { badInput } from '../../common/app-error.js';

/** P1: where a key may be used from. */
export const MAX_ALLOWED_ADDRESSES = 100;

/** IPv4 as an unsigned 32-bit number; null when not a dotted quad without leading zeros. */
const ipv4Number = (text: string): number | null => {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
};

/** IPv6 as eight 16-bit groups (an embedded IPv4 tail included); null when malformed. */
const ipv6Groups = (text: string): number[] | null => {
  if (isIP(text) !== 6 || text.includes('%')) return null;
  let tail: number[] = [];
  let head = text;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = ipv4Number(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    // Keep a `::` just before the IPv4 tail; drop a single separating colon.
    head = text.endsWith('::', lastColon + 1)
      ? text.slice(0, lastColon + 1)
      : text.slice(0, lastColon);
  }
  const [left = '', right] = head.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const leftGroups = parse(left);
  const rightGroups = [...(right === undefined ? [] : parse(right)), ...tail];
  if (right === undefined) return [...leftGroups, ...rightGroups];
  const zeros = 8 - leftGroups.length - rightGroups.length;
  return [...leftGroups, ...new Array<number>(zeros).fill(0), ...rightGroups];
};

/** `::ffff:a.b.c.d` (and its hex spelling) is the IPv4 address a.b.c.d. */
const mappedIpv4 = (groups: readonly number[]): number | null =>
  groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff
    ? groups[6]! * 65536 + groups[7]!
    : null;

const ipv4Text = (value: number) =>
  [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');

/** The canonical spelling of an IPv6 address (RFC 5952: lower case, longest zero run as ::). */
const ipv6Text = (groups: readonly number[]) =>
  new URL(`http://[${groups.map((g) => g.toString(16)).join(':')}]`).hostname.slice(1, -1);

type Parsed =
  { family: 4; value: number; prefix: number } | { family: 6; groups: number[]; prefix: number };

/** An address or CIDR range, IPv4-mapped IPv6 read as IPv4; null when malformed. */
const parseEntry = (entry: string): Parsed | null => {
  const [address = '', prefixText, extra] = entry.split('/');
  if (extra !== undefined) return null;
  if (prefixText !== undefined && !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const v4 = ipv4Number(address);
  if (v4 !== null) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    return prefix <= 32 ? { family: 4, value: v4, prefix } : null;
  }
  const groups = ipv6Groups(address);
  if (!groups || groups.length !== 8 || groups.some((g) => !(g >= 0 && g <= 0xffff))) return null;
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  if (prefix > 128) return null;
  const mapped = mappedIpv4(groups);
  if (mapped !== null && prefix >= 96) return { family: 4, value: mapped, prefix: prefix - 96 };
  return { family: 6, groups, prefix };
};

const maskedIpv4 = (value: number, prefix: number) =>
  prefix === 0 ? 0 : (value & (0xffffffff << (32 - prefix))) >>> 0;

const maskedIpv6 = (groups: readonly number[], prefix: number) =>
  groups.map((group, index) => {
    const bits = Math.min(16, Math.max(0, prefix - index * 16));
    return bits === 0 ? 0 : group & ((0xffff << (16 - bits)) & 0xffff);
  });

/** The canonical text of a parsed entry: a range is written from its first address. */
const entryText = (parsed: Parsed): string => {
  if (parsed.family === 4) {
    const base = ipv4Text(maskedIpv4(parsed.value, parsed.prefix));
    return parsed.prefix === 32 ? base : `${base}/${parsed.prefix}`;
  }
  const base = ipv6Text(maskedIpv6(parsed.groups, parsed.prefix));
  return parsed.prefix === 128 ? base : `${base}/${parsed.prefix}`;
};

/**
 * Validates and normalises an allowlist as an admin typed it: each entry trimmed, checked
 * strictly (no leading zeros, no zone, prefix in range), written canonically, duplicates
 * dropped. A bad entry is refused by name and nothing is saved.
 */
export const normalizeAllowlist = (entries: readonly string[]): string[] => {
  const texts = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (texts.length > MAX_ALLOWED_ADDRESSES) {
    throw badInput(
      'allowedAddresses',
      `A key allows at most ${MAX_ALLOWED_ADDRESSES} addresses or ranges.`,
    );
  }
  const normalized = new Set<string>();
  for (const text of texts) {
    const parsed = text.length <= 60 ? parseEntry(text) : null;
    if (!parsed) {
      // Entries are at most 60 characters, so naming one echoes nothing large.
      throw badInput(
        'allowedAddresses',
        `"${text.slice(0, 60)}" is not an IPv4/IPv6 address or CIDR range.`,
      );
    }
    normalized.add(entryText(parsed));
  }
  return [...normalized];
};

/** Stored one entry per line; empty or null means no restriction. */
export const allowlistFromColumn = (column: string | null): string[] =>
  column ? column.split('\n').filter((entry) => entry !== '') : [];

export const allowlistColumn = (entries: readonly string[]): string | null =>
  entries.length ? entries.join('\n') : null;

interface Ipv6Range {
  network: readonly number[];
  prefix: number;
}

/** Client addresses remembered per matcher: the hot path answers a known source with one Map lookup. */
const MAX_REMEMBERED = 1_024;

/** A client's IPv4 address, read without allocating; null when it is not one. */
const clientIpv4 = (ip: string): number | null => {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return null;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return null;
    } else return null;
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : null;
};

/**
 * An allowlist compiled once per key snapshot. Exact addresses are a Set lookup, ranges a
 * numeric compare, and each client address's answer is remembered (bounded), so a verification
 * from a known source allocates nothing. Unknown client addresses are refused.
 */
export class AddressMatcher {
  private readonly exactIpv4 = new Set<number>();
  /** Exact IPv6 addresses by their eight groups joined: no canonical spelling needed. */
  private readonly exactIpv6 = new Set<string>();
  private readonly ipv4Ranges: { network: number; prefix: number }[] = [];
  private readonly ipv6Ranges: Ipv6Range[] = [];
  private readonly remembered = new Map<string, boolean>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (!parsed) continue;
      if (parsed.family === 4) {
        if (parsed.prefix === 32) this.exactIpv4.add(parsed.value);
        else
          this.ipv4Ranges.push({
            network: maskedIpv4(parsed.value, parsed.prefix),
            prefix: parsed.prefix,
          });
      } else if (parsed.prefix === 128) this.exactIpv6.add(parsed.groups.join(','));
      else
        this.ipv6Ranges.push({
          network: maskedIpv6(parsed.groups, parsed.prefix),
          prefix: parsed.prefix,
        });
    }
  }

  allows(ip: string | null): boolean {
    if (ip === null) return false;
    const known = this.remembered.get(ip);
    if (known !== undefined) return known;
    const allowed = this.check(ip);
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(ip, allowed);
    return allowed;
  }

  private check(ip: string): boolean {
    const v4 = clientIpv4(ip);
    if (v4 !== null) return this.allowsIpv4(v4);
    const groups = ip.length <= 60 ? ipv6Groups(ip) : null;
    if (!groups || groups.length !== 8) return false;
    const mapped = mappedIpv4(groups);
    if (mapped !== null) return this.allowsIpv4(mapped);
    if (this.exactIpv6.has(groups.join(','))) return true;
    return this.ipv6Ranges.some((range) =>
      maskedIpv6(groups, range.prefix).every((group, i) => group === range.network[i]),
    );
  }

  private allowsIpv4(value: number): boolean {
    if (this.exactIpv4.has(value)) return true;
    for (const range of this.ipv4Ranges)
      if (maskedIpv4(value, range.prefix) === range.network) return true;
    return false;
  }
}

/** Null when the key is not restricted. */
export const compileAllowlist = (entries: readonly string[]): AddressMatcher | null =>
  entries.length ? new AddressMatcher(entries) : null;
