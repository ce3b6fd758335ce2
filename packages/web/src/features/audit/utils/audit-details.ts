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
  'IP_NOT_ALLOWED',
  'SIGN_IN_FAILED',
] as const;

const isRefusedReason = (reason: string): reason is (typeof refusedReasons)[number] =>
  (refusedReasons as readonly string[]).includes(reason);

/** Fields the server records, with a label in every language; others keep their name. */
const labelledKeys = [
  'name',
  'roleIds',
  'active',
  'ownerAccount',
  'deactivatedKeyIds',
  'reason',
  'createdBy',
  'format',
  'filter',
  'oldToken',
  'reveal',
  'resourceKeys',
  'invitationId',
  'tokenDurationDays',
  'enforcement',
  'reminderLeadDays',
  'reminderRecipients',
  'webhookUrl',
  'allowedAddresses',
  'rateLimit',
] as const;
const isLabelledKey = (key: string): key is (typeof labelledKeys)[number] =>
  labelledKeys.some((known) => known === key);

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  isObject(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/** `Name: Billing · Roles: Owner, Viewer`: labels translated, role ids named. */
const readableDetails = (
  parsed: JsonObject,
  t: TFunction,
  roleName: (id: string) => string | undefined,
): string => {
  const valueOf = (key: string, value: unknown): string => {
    if (typeof value === 'boolean')
      return t(value ? 'audit.detailValues.yes' : 'audit.detailValues.no');
    if (key === 'roleIds' && Array.isArray(value)) {
      return value.length
        ? value
            .map((id) => (typeof id === 'string' ? (roleName(id) ?? id) : compactValue(id)))
            .join(', ')
        : '-';
    }
    if (isChange(value)) return `${valueOf(key, value.from)} → ${valueOf(key, value.to)}`;
    return compactValue(value);
  };
  return Object.entries(parsed)
    .map(([key, value]) => {
      const label = isLabelledKey(key) ? t(`audit.detailKeys.${key}`) : key;
      return `${label}: ${valueOf(key, value)}`;
    })
    .join(' · ');
};

/** Targets the server labels in English (whole-account exports, the settings) in words. */
const englishTargets: Record<
  string,
  'audit.targetLabels.apiKeys' | 'audit.targetLabels.apiKeySettings'
> = {
  'API keys': 'audit.targetLabels.apiKeys',
  'API key settings': 'audit.targetLabels.apiKeySettings',
};

export const describeAuditTarget = (
  targetType: string | null | undefined,
  label: string | null | undefined,
  t: TFunction,
): string => {
  if (!label) return '';
  const key =
    targetType === 'account' || targetType === 'settings' ? englishTargets[label] : undefined;
  return key ? t(key) : label;
};

/** A line a person can read: refused authentications in words, other changes field by field. */
export const describeAuditDetails = (
  action: string,
  details: string | null | undefined,
  t: TFunction,
  roleName: (id: string) => string | undefined = () => undefined,
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
  const parsed = parseJson(details);
  if (isObject(parsed)) return readableDetails(parsed, t, roleName);
  return compactDetails(details);
};
