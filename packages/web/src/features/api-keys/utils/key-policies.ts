import type { KeyRateLimitInput } from '../../../gql/graphql';

/** Mirrors the server (issue 18): at most 100 entries, uses per minute and per day bounded. */
export const maxAllowedAddresses = 100;
export const maxUsesPerMinute = 1_000_000;
export const maxUsesPerDay = 1_000_000_000;

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The browser's URL parser knows IPv6 (compressed forms, IPv4 tails); zones are refused. */
const isIpv6 = (text: string) => {
  if (!text.includes(':') || text.includes('%') || text.includes('[') || text.includes(']'))
    return false;
  try {
    return new URL(`http://[${text}]/`).hostname.length > 2;
  } catch {
    return false;
  }
};

/** An address or CIDR range, as strictly as the server reads it. */
export const isAddressEntry = (entry: string): boolean => {
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  if (prefix !== undefined && !/^(0|[1-9]\d{0,2})$/.test(prefix)) return false;
  if (ipv4.test(address)) return prefix === undefined || Number(prefix) <= 32;
  return isIpv6(address) && (prefix === undefined || Number(prefix) <= 128);
};

/** One entry per line (commas and spaces separate too); blank lines are ignored. */
export const addressEntries = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

export type AddressListProblem =
  { kind: 'tooMany'; count: number } | { kind: 'invalid'; entry: string } | null;

export const addressListProblem = (text: string): AddressListProblem => {
  const entries = addressEntries(text);
  if (entries.length > maxAllowedAddresses) return { kind: 'tooMany', count: entries.length };
  const invalid = entries.find((entry) => !isAddressEntry(entry));
  return invalid === undefined ? null : { kind: 'invalid', entry: invalid };
};

/** A budget field: empty is no limit; otherwise a whole number within bounds. */
export const budgetProblem = (value: number | string, max: number): 'range' | null => {
  if (value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= max ? null : 'range';
};

export const rateLimitInput = (
  perMinute: number | string,
  perDay: number | string,
): KeyRateLimitInput => ({
  perMinute: perMinute === '' ? null : Number(perMinute),
  perDay: perDay === '' ? null : Number(perDay),
});
