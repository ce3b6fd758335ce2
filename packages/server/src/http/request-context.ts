import { onPrimary } from '../db/read-routing.js';
import type { Request, Response } from 'express';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Caller } from '../modules/auth/principal.js';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS } from '../modules/auth/known-device.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Services } from '../services.js';
import type { Metrics } from './observability.js';

export const SESSION_COOKIE = 'kw_session';

/** Header names are case-insensitive (Express lower-cases them); VTEX spellings work unchanged. */
const header = (req: Request, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = req.get(name);
    if (value) return value.trim();
  }
  return undefined;
};

export const keyCredentialsOf = (req: Request) => {
  const key = header(req, 'x-api-appkey', 'x-vtex-api-appkey');
  const token = header(req, 'x-api-apptoken', 'x-vtex-api-apptoken');
  if (key === undefined && token === undefined) return null;
  return { key: key ?? '', token: token ?? '', accountSlug: header(req, 'x-account') };
};

export const clientIp = (req: Request): string | null => req.ip ?? req.socket.remoteAddress ?? null;

/**
 * Key headers win over a session cookie. Bad credentials give no principal: every
 * operation then answers UNAUTHENTICATED (EXPIRED for an outdated token under an
 * enforcing policy, RATE_LIMITED for a throttled source), with no hint of what else was
 * wrong. Repeated failures are answered more and more slowly.
 */
export const authenticate = (
  req: Request,
  services: Services,
  metrics?: Metrics,
): Promise<Caller> =>
  // Always decided on the primary: a revoked key or session is refused at once, whatever lag
  // a replica has (see src/db/read-routing.ts).
  onPrimary(() => authenticateOnPrimary(req, services, metrics));

const authenticateOnPrimary = async (
  req: Request,
  services: Services,
  metrics?: Metrics,
): Promise<Caller> => {
  const ip = clientIp(req);
  const credentials = keyCredentialsOf(req);
  if (credentials) {
    const verification = await services.verifier.verify(
      { key: credentials.key, token: credentials.token, account: credentials.accountSlug },
      ip,
    );
    metrics?.verifications.inc({ code: verification.code, path: 'graphql' });
    if (verification.principal) return { principal: verification.principal, ip };
    if (verification.delayMs > 0) await sleep(verification.delayMs);
    const { code } = verification;
    return {
      principal: null,
      ip,
      ...(code === 'EXPIRED' ||
      code === 'RATE_LIMITED' ||
      code === 'FORBIDDEN' ||
      code === 'IP_NOT_ALLOWED'
        ? { authFailure: code, retryAfterSeconds: verification.retryAfterSeconds }
        : {}),
    };
  }
  const session = parseCookie(req.get('cookie') ?? '')[SESSION_COOKIE];
  return {
    principal: session ? await services.authentication.fromSessionCookie(session) : null,
    ip,
  };
};

/** httpOnly so scripts never read it; Secure whenever the request came over TLS (see TRUST_PROXY). */
export const sessionCookieJar = (req: Request, res: Response) => {
  const attributes = { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' } as const;
  return {
    set(value: string, expiresAt: Date) {
      res.append(
        'Set-Cookie',
        stringifySetCookie({ name: SESSION_COOKIE, value, expires: expiresAt, ...attributes }),
      );
    },
    clear() {
      res.append(
        'Set-Cookie',
        stringifySetCookie({ name: SESSION_COOKIE, value: '', maxAge: 0, ...attributes }),
      );
    },
    knownDevice: () => parseCookie(req.get('cookie') ?? '')[KNOWN_DEVICE_COOKIE],
    // Kept after sign-out: it proves only that this browser signed in as the email once.
    rememberDevice(proof: string) {
      res.append(
        'Set-Cookie',
        stringifySetCookie({
          name: KNOWN_DEVICE_COOKIE,
          value: proof,
          maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
          ...attributes,
        }),
      );
    },
  };
};
