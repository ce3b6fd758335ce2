import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Services } from '../services.js';
import type { Metrics } from './observability.js';
import type { Verification, VerificationCode } from '../modules/verification/key-verifier.js';

export const VERIFY_PATH = '/api/keys/verify';
const MAX_BODY_BYTES = 8 * 1024;

/** As a gate (`?gate=true`), outcomes map to statuses a proxy can act on. */
const GATE_STATUS: Record<VerificationCode, number> = {
  VALID: 200,
  INVALID_CREDENTIALS: 401,
  INACTIVE: 401,
  EXPIRED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

const send = (res: ServerResponse, status: number, body: unknown) =>
  sendJson(res, status, JSON.stringify(body));

const sendJson = (res: ServerResponse, status: number, json: string) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
};

const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const headerValue = (req: IncomingMessage, ...names: string[]) => {
  for (const name of names) {
    const value = req.headers[name];
    if (typeof value === 'string' && value) return value.trim();
  }
  return null;
};

/** VALID answers are shared per token and account (see KeyVerifier), so is their JSON. */
const validBodies = new WeakMap<Verification, string>();

const jsonOf = (verification: Verification): string => {
  if (verification.code !== 'VALID') return JSON.stringify(bodyOf(verification));
  let json = validBodies.get(verification);
  if (json === undefined) {
    json = JSON.stringify(bodyOf(verification));
    validBodies.set(verification, json);
  }
  return json;
};

const bodyOf = (verification: Verification) => ({
  valid: verification.code === 'VALID',
  code: verification.code,
  account: verification.account,
  roles: verification.roles,
  resources: verification.resources,
  expiresAt: verification.expiresAt,
});

/**
 * POST /api/keys/verify (A3), served before Express: the hot path of every integration
 * call parses a small JSON body and answers from the verification cache.
 * Body: { key, token, account?, resource? }; the key and token headers work too.
 */
export const handleVerify = async (
  req: IncomingMessage,
  res: ServerResponse,
  services: Services,
  clientIp: (req: IncomingMessage) => string | null,
  metrics: Metrics,
): Promise<void> => {
  const stopTimer = metrics.verifyDuration.startTimer();
  const query = req.url?.indexOf('?') ?? -1;
  const gate = query >= 0 && new URLSearchParams(req.url?.slice(query + 1)).get('gate') === 'true';
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    send(res, 405, { errors: [{ message: 'Use POST.', extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  const raw = await readBody(req);
  let body: Record<string, unknown> = {};
  try {
    body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('not an object');
  } catch {
    send(res, 400, {
      errors: [{ message: 'Send a JSON object.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    return;
  }
  const key = text(body.key) ?? headerValue(req, 'x-api-appkey', 'x-vtex-api-appkey');
  const token = text(body.token) ?? headerValue(req, 'x-api-apptoken', 'x-vtex-api-apptoken');
  if (!key || !token || key.length > 200 || token.length > 200) {
    send(res, 400, {
      errors: [{ message: 'key and token are required.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    return;
  }
  const verification = await services.verifier.verify(
    {
      key,
      token,
      account: text(body.account) ?? headerValue(req, 'x-account'),
      resource: text(body.resource),
    },
    clientIp(req),
  );
  metrics.verifications.inc({ code: verification.code, path: 'verify' });
  if (verification.delayMs > 0) await sleep(verification.delayMs);
  stopTimer();
  sendJson(
    res,
    gate ? GATE_STATUS[verification.code] : verification.code === 'RATE_LIMITED' ? 429 : 200,
    jsonOf(verification),
  );
};
