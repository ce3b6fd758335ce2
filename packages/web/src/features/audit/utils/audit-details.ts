import type { TFunction } from 'i18next';

type JsonObject = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const compactValue = (value: unknown): string => {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length ? value.map(compactValue).join(', ') : '[]';
  // Objects as JSON; numbers and booleans print the same either way.
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** `name: Billing · roleIds: r1, r2` from `{"name":"Billing","roleIds":["r1","r2"]}`. */
export const compactDetails = (details: string): string => {
  const parsed = parseJson(details);
  if (parsed === undefined) return details;
  if (!isObject(parsed)) return compactValue(parsed);
  const entries = Object.entries(parsed);
  if (entries.length === 0) return '';
  return entries.map(([key, value]) => `${key}: ${compactValue(value)}`).join(' · ');
};

const refusedReasons = [
  'INVALID_CREDENTIALS',
  'INACTIVE',
  'EXPIRED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'SIGN_IN_FAILED',
] as const;

const isRefusedReason = (reason: string): reason is (typeof refusedReasons)[number] =>
  (refusedReasons as readonly string[]).includes(reason);

/** A line a person can read: refused authentications in words, other changes as compact JSON. */
export const describeAuditDetails = (
  action: string,
  details: string | null | undefined,
  t: TFunction,
): string => {
  if (!details) return '';
  if (action === 'auth.refused') {
    const parsed = parseJson(details);
    if (isObject(parsed) && typeof parsed.attempts === 'number') {
      const reason = typeof parsed.reason === 'string' ? parsed.reason : '';
      return t('audit.details.refused', {
        count: parsed.attempts,
        reason: isRefusedReason(reason) ? t(`audit.refusedReasons.${reason}`) : reason,
      });
    }
  }
  return compactDetails(details);
};
