import http from 'node:http';
import https from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import {
  EgressRefused,
  type CheckedTarget,
  type EgressPolicy,
  type EgressLimits,
  type ResolvedAddress,
} from './egress-policy.js';

/**
 * What a webhook delivery came to. A receiver learns nothing from it, and an account admin only
 * "delivered", or "failed" with the HTTP status when one was answered: never why a connection
 * failed, which would tell which inner addresses and ports answer.
 */
export interface WebhookOutcome {
  delivered: boolean;
  /** The receiver's HTTP status; null when none was answered. */
  status: number | null;
  /** For the server's own logs: refused by the policy, no connection or answer, or a non-2xx. */
  failure?: 'refused' | 'unreachable' | 'timeout' | 'status';
}

const byStatus = (status: number): WebhookOutcome =>
  status >= 200 && status < 300
    ? { delivered: true, status }
    : { delivered: false, status, failure: 'status' };

/** Hands the HTTP stack the addresses that were checked: it never asks the DNS again. */
const pinnedLookup =
  (addresses: ResolvedAddress[]) =>
  (
    _hostname: string,
    options: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    const usable = addresses.filter((entry) => !options.family || options.family === entry.family);
    if (usable.length === 0) {
      callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '');
      return;
    }
    if (options.all) callback(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };

const send = (
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  limits: EgressLimits,
  remainingMs: number,
  trustedCa: string | undefined,
): Promise<WebhookOutcome> =>
  new Promise((resolve) => {
    const { url, hostname } = target;
    const secure = url.protocol === 'https:';
    const credentials =
      url.username || url.password
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined;
    const request = (secure ? https : http).request({
      method: 'POST',
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      auth: credentials,
      // A fresh connection per delivery, to the checked addresses only; TLS still checks the name.
      agent: false,
      // With several checked addresses, Node tries them in turn (autoSelectFamily, on by default).
      lookup: pinnedLookup(target.addresses),
      ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
      ...(secure && trustedCa ? { ca: trustedCa } : {}),
    });
    let status: number | null = null;
    let settled = false;
    const finish = (outcome: WebhookOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      request.destroy();
      resolve(outcome);
    };
    const afterTimeout = () =>
      finish(
        status === null ? { delivered: false, status: null, failure: 'timeout' } : byStatus(status),
      );
    const connectTimer = setTimeout(afterTimeout, Math.min(limits.connectTimeoutMs, remainingMs));
    const totalTimer = setTimeout(afterTimeout, remainingMs);
    request.on('socket', (socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    // Never followed: a 3xx is a failure like any other non-2xx.
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      const answered = status;
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > limits.maxResponseBytes) finish(byStatus(answered));
      });
      response.on('end', () => finish(byStatus(answered)));
      response.on('error', () => finish(byStatus(answered)));
      response.on('aborted', () => finish(byStatus(answered)));
    });
    request.on('error', () =>
      finish(
        status === null
          ? { delivered: false, status: null, failure: 'unreachable' }
          : byStatus(status),
      ),
    );
    request.end(body);
  });

/**
 * POSTs a body to a webhook URL under the egress policy: checked (scheme, every resolved address)
 * right before sending, connected to the checked address, no redirect followed, bounded in time
 * and in what is read. Never throws for anything the receiver or the network does.
 */
export const safeWebhookPost = async (
  policy: EgressPolicy,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<WebhookOutcome> => {
  const started = Date.now();
  let target: CheckedTarget;
  try {
    target = await policy.check(url);
  } catch (error) {
    if (error instanceof EgressRefused)
      return { delivered: false, status: null, failure: 'refused' };
    throw error;
  }
  const remainingMs = Math.max(policy.limits.totalTimeoutMs - (Date.now() - started), 1);
  return send(target, headers, body, policy.limits, remainingMs, policy.trustedCa);
};
