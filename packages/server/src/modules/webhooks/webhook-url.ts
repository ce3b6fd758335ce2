import { badInput } from '../../common/app-error.js';
import { EgressRefused, type EgressPolicy } from './egress-policy.js';

export const MAX_WEBHOOK_URL_LENGTH = 500;

/**
 * A webhook URL this server may post to: http(s) (https only in production), stored in its
 * normalized form, and whose host resolves only to public addresses or ones the operator allows.
 * The same check runs again at every send. Refusals are BAD_USER_INPUT on `field`.
 */
export const validWebhookUrl = async (
  egress: EgressPolicy,
  raw: string,
  field: string,
): Promise<string> => {
  const schemes = egress.production ? 'an https' : 'an http or https';
  const formError = badInput(
    field,
    `Enter ${schemes} URL of at most ${MAX_WEBHOOK_URL_LENGTH} characters.`,
  );
  let url: URL;
  try {
    url = egress.checkForm(raw);
  } catch {
    throw formError;
  }
  const normalized = url.toString();
  if (normalized.length > MAX_WEBHOOK_URL_LENGTH) throw formError;
  try {
    await egress.check(url);
  } catch (error) {
    if (!(error instanceof EgressRefused)) throw error;
    throw badInput(
      field,
      'Enter a URL whose host is a public address: private, local and cloud metadata addresses are refused unless the server operator allows them.',
    );
  }
  return normalized;
};

/** Where a webhook points, without the user, password or query a URL may carry secrets in. */
export const redactedUrl = (url: string): string => {
  try {
    const parsed = new URL(url.trim());
    const hidden = parsed.username || parsed.password ? 'redacted@' : '';
    const query = parsed.search ? '?redacted' : '';
    return `${parsed.protocol}//${hidden}${parsed.host}${parsed.pathname}${query}`;
  } catch {
    return '(not a URL)';
  }
};

/** The host a webhook points at, without any credentials, path or query it may carry. */
export const webhookHost = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
};
