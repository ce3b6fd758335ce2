import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf } from '@keyward/shared';
import { isIP } from 'node:net';
import { accountSlugOfKey, canonicalKeyIdentifier } from '../modules/tokens/api-token.secret.js';
import { Resources } from '../modules/roles/resource-catalog.js';
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
  IP_NOT_ALLOWED: 403,
};

const send = (res: ServerResponse, status: number, body: unknown) =>
  sendJson(res, status, JSON.stringify(body));

const sendJson = (
  res: ServerResponse,
  status: number,
  json: string,
  retryAfterSeconds?: number,
) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    // Every 429 says when to come back.
    ...(status === 429 ? { 'retry-after': String(retryAfterSeconds ?? 60) } : {}),
  });
  res.end(json);
};

const isJson = (type: string | undefined) =>
  type !== undefined && /^application\/json\s*(;|$)/i.test(type);

/** 413 with the code, then the connection is closed: the rest of the body is not read. */
const tooLarge = (req: IncomingMessage, res: ServerResponse) => {
  res.setHeader('connection', 'close');
  send(res, httpStatusOf('PAYLOAD_TOO_LARGE'), {
    errors: [
      {
        message: 'The request body is too large.',
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      },
    ],
  });
  // Drain what is still arriving instead of resetting the socket under the answer.
  req.resume();
};

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

/** The answer of the service form: what a verifier needs to recognise the token later. */
const serviceBodyOf = (verification: Verification) => ({
  ...bodyOf(verification),
  // The key's budget, not its caller's address, is what is limited: nothing to block there.
  ...(verification.budgetExceeded ? { budgetExceeded: true } : {}),
  ...(verification.code === 'VALID' && verification.principal?.kind === 'api-key'
    ? {
        local: {
          keyId: verification.principal.apiKeyId,
          tokenId: verification.principal.tokenId,
          tokenLiveUntil: verification.tokenLiveUntil ?? null,
          enforced: verification.enforced ?? false,
          // P1/P2: a verifier answering from memory checks the caller's address itself, and
          // never answers a budgeted key from memory (only the server counts its uses).
          allowedAddresses: verification.allowedAddresses ?? [],
          budgeted: verification.budgeted ?? false,
        },
      }
    : {}),
});

const SERVICE_REFUSAL: Record<VerificationCode, { status: number; code: string }> = {
  VALID: { status: 200, code: 'VALID' },
  INVALID_CREDENTIALS: { status: 401, code: 'UNAUTHENTICATED' },
  INACTIVE: { status: 401, code: 'UNAUTHENTICATED' },
  EXPIRED: { status: 401, code: 'EXPIRED' },
  FORBIDDEN: { status: 403, code: 'FORBIDDEN' },
  RATE_LIMITED: { status: 429, code: 'RATE_LIMITED' },
  IP_NOT_ALLOWED: { status: 403, code: 'IP_NOT_ALLOWED' },
};

/** The calling service's refusal: not a verification answer, an error naming the caller. */
export const serviceRefusalBody = (verification: Verification) => ({
  errors: [
    {
      message:
        verification.code === 'FORBIDDEN'
          ? 'The calling key does not hold Verify API keys in this account.'
          : 'The calling key was refused.',
      extensions: { code: SERVICE_REFUSAL[verification.code].code, reason: verification.code },
    },
  ],
});

export const serviceRefusalStatus = (code: VerificationCode) => SERVICE_REFUSAL[code].status;

/**
 * POST /api/keys/verify (A3), served before Express: the hot path of every integration
 * call parses a small JSON body and answers from the verification cache, synchronously
 * when the key is cached (no promise between the request's last chunk and the answer).
 * Body: { key, token, account?, resource? }; the key and token headers work too.
 */
export const createVerifyHandler = (
  services: Services,
  clientIp: (req: IncomingMessage) => string | null,
  metrics: Metrics,
) => {
  const counters = new Map<VerificationCode, { inc: () => void }>();
  const countOf = (code: VerificationCode) => {
    let counter = counters.get(code);
    if (!counter) {
      counter = metrics.verifications.labels({ code, path: 'verify' });
      counters.set(code, counter);
    }
    return counter;
  };

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    raw: string,
    gate: boolean,
    started: number,
    onError: (error: unknown) => void,
  ) => {
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
    const headerKey = headerValue(req, 'x-api-appkey', 'x-vtex-api-appkey');
    const headerToken = headerValue(req, 'x-api-apptoken', 'x-vtex-api-apptoken');
    const key = text(body.key) ?? headerKey;
    const token = text(body.token) ?? headerToken;
    if (!key || !token || key.length > 200 || token.length > 200) {
      send(res, 400, {
        errors: [
          { message: 'key and token are required.', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      });
      return;
    }
    if (headerKey && headerToken && text(body.key) && text(body.token)) {
      // The service form: the headers are the calling service, the body the key it verifies.
      serviceAnswer(req, res, body, { key: headerKey, token: headerToken }, started).catch(onError);
      return;
    }
    const finish = (verification: Verification) => {
      countOf(verification.code).inc();
      const respond = () => {
        metrics.verifyDuration.observe((performance.now() - started) / 1000);
        const status = gate
          ? GATE_STATUS[verification.code]
          : verification.code === 'RATE_LIMITED'
            ? 429
            : 200;
        sendJson(res, status, jsonOf(verification), verification.retryAfterSeconds);
      };
      if (verification.delayMs > 0) setTimeout(respond, verification.delayMs);
      else respond();
    };
    const request = {
      key,
      token,
      account: text(body.account) ?? headerValue(req, 'x-account'),
      resource: text(body.resource),
    };
    const ip = clientIp(req);
    // Most calls are answered from memory without a promise; the rest (a cache miss, a failure
    // to count) go the asynchronous way.
    const fromMemory = services.verifier.verifyFromMemory(request, ip);
    if (fromMemory) finish(fromMemory);
    else services.verifier.verify(request, ip).then(finish).catch(onError);
  };

  /**
   * A service (e.g. @keyward/verify) verifying a key for its own callers: it must hold Verify
   * API keys in the account addressed. `ip` names its caller, so failures are throttled by the
   * real source, not the service's address.
   */
  const serviceAnswer = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: Record<string, unknown>,
    caller: { key: string; token: string },
    started: number,
  ) => {
    const key = text(body.key) ?? '';
    const token = text(body.token) ?? '';
    if (key.length > 200 || token.length > 200) {
      send(res, 400, {
        errors: [
          { message: 'key and token are too long.', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      });
      return;
    }
    const account = text(body.account)?.trim() || null;
    const addressed = account ?? accountSlugOfKey(canonicalKeyIdentifier(key));
    const service = await services.verifier.verify(
      {
        key: caller.key,
        token: caller.token,
        account: addressed,
        resource: Resources.verifyApiKeys,
      },
      clientIp(req),
    );
    if (service.code !== 'VALID') {
      const respond = () =>
        sendJson(
          res,
          serviceRefusalStatus(service.code),
          JSON.stringify(serviceRefusalBody(service)),
          service.retryAfterSeconds,
        );
      if (service.delayMs > 0) setTimeout(respond, service.delayMs);
      else respond();
      return;
    }
    // Failures are counted by the service's caller: its address when named, otherwise a source
    // of the service's own, never the service's address (its own calls would be blocked).
    const forwarded = text(body.ip);
    const source =
      forwarded && isIP(forwarded)
        ? forwarded
        : `via-key:${service.principal?.kind === 'api-key' ? service.principal.apiKeyId : ''}`;
    const verification = await services.verifier.verify(
      { key, token, account, resource: text(body.resource) },
      source,
    );
    countOf(verification.code).inc();
    const respond = () => {
      metrics.verifyDuration.observe((performance.now() - started) / 1000);
      sendJson(
        res,
        verification.code === 'RATE_LIMITED' ? 429 : 200,
        JSON.stringify(serviceBodyOf(verification)),
        verification.retryAfterSeconds,
      );
    };
    if (verification.delayMs > 0) setTimeout(respond, verification.delayMs);
    else respond();
  };

  return (req: IncomingMessage, res: ServerResponse, onError: (error: unknown) => void): void => {
    const started = performance.now();
    const query = req.url?.indexOf('?') ?? -1;
    const gate =
      query >= 0 && new URLSearchParams(req.url?.slice(query + 1)).get('gate') === 'true';
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(res, 405, { errors: [{ message: 'Use POST.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    // A body must be JSON: a text/plain or form POST is what any web page may send cross-site
    // unasked. Without a body the key headers are needed, which no page sends without a preflight.
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
    if (hasBody && !isJson(req.headers['content-type'])) {
      send(res, httpStatusOf('UNSUPPORTED_MEDIA_TYPE'), {
        errors: [
          {
            message: 'Send application/json.',
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
          },
        ],
      });
      req.resume();
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) {
      tooLarge(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        tooLarge(req, res);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      try {
        const raw =
          chunks.length === 1
            ? chunks[0]!.toString('utf8')
            : Buffer.concat(chunks).toString('utf8');
        answer(req, res, raw, gate, started, onError);
      } catch (error) {
        onError(error);
      }
    });
    // A client that goes away mid-body needs no answer.
    req.on('error', () => undefined);
  };
};
