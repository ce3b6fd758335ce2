import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens look like `kwt_<43 base62 chars><6 base62 checksum chars>`: 256 random bits,
 * a prefix secret scanners can match, and a CRC32 checksum so scanners can tell a real
 * token from a look-alike without asking us.
 */
export const TOKEN_PREFIX = 'kwt_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;

const toBase62 = (value: bigint, length: number): string => {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = BASE62[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Over ASCII only: every caller has checked the alphabet first. */
const crc32 = (text: string): number => {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
};

/** 62^6 > 2^32, so a CRC32 fits six base62 digits; plain numbers keep it off BigInt. */
const checksumOf = (body: string): string => {
  let out = '';
  let rest = crc32(body);
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
};

export const generateToken = (): string => {
  const body = toBase62(BigInt(`0x${randomBytes(32).toString('hex')}`), BODY_LENGTH);
  return `${TOKEN_PREFIX}${body}${checksumOf(body)}`;
};

/** Tokens carry 256 random bits, so a keyed fast hash is enough; slow KDFs are for passwords. */
export const hashToken = (secret: string, token: string): string =>
  createHmac('sha256', secret).update(token).digest('hex');

/** The same hash as bytes, for the verification hot path (no hex round trip). */
export const hashTokenBytes = (secret: string, token: string): Buffer =>
  createHmac('sha256', secret).update(token).digest();

export const hashBytesEqual = (a: Buffer, b: Buffer): boolean =>
  a.length === b.length && timingSafeEqual(a, b);

export const hashesEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
};

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Public key identifier `kw-<account>-<random>`: readable, unique, not secret. */
export const generateKeyIdentifier = (accountSlug: string): string => {
  const random = [...randomBytes(12)].map((byte) => KEY_ALPHABET[byte % 36]).join('');
  return `kw-${accountSlug}-${random}`;
};

/**
 * The one spelling of a key identifier, applied before every lookup and every count:
 * identifiers are generated lower case, so any case and surrounding spaces mean the same
 * key on SQLite and on MySQL alike (whose collation would otherwise ignore case and
 * trailing spaces while SQLite does not).
 */
export const canonicalKeyIdentifier = (key: string): string => key.trim().toLowerCase();

/** The account slug inside a key identifier, or null for anything not shaped like one. */
export const accountSlugOfKey = (key: string): string | null => {
  const match = /^kw-([a-z0-9-]{1,40})-[a-z0-9]{12}$/.exec(key);
  return match?.[1] ?? null;
};

const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);

/**
 * Whether a string is shaped like one of our tokens and its checksum holds: what a leak report
 * is checked against before anything is looked up, so look-alikes cost no database read.
 */
export const hasValidChecksum = (candidate: string): boolean => {
  if (!TOKEN_SHAPE.test(candidate)) return false;
  const body = candidate.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + BODY_LENGTH);
  return checksumOf(body) === candidate.slice(TOKEN_PREFIX.length + BODY_LENGTH);
};
