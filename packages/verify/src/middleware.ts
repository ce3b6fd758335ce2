import type { KeywardVerifier, Verification, VerificationCode } from './verifier.js';
import { VerifierError } from './verifier.js';

/** Who called, once verified: put on the request by every middleware (`req.keyward`). */
export interface KeywardPrincipal {
  keyId: string;
  key: string;
  account: string | null;
  roles: readonly string[];
  resources: readonly string[];
  expiresAt: string | null;
}

export interface GuardOptions {
  /** The resource the route needs, e.g. `orders:view-orders`. */
  resource?: string;
}

type Headers = Record<string, string | string[] | undefined>;

const STATUS: Record<VerificationCode, number> = {
  VALID: 200,
  INVALID_CREDENTIALS: 401,
  INACTIVE: 401,
  EXPIRED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  IP_NOT_ALLOWED: 403,
};

const first = (headers: Headers, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) return text.trim();
  }
  return undefined;
};

/** What a guarded request answers: the principal, or the status and body of the refusal. */
export type GuardOutcome =
  | { ok: true; principal: KeywardPrincipal }
  | { ok: false; status: number; body: { code: string }; retryAfterSeconds?: number };

/**
 * The A1 headers, in either spelling (`X-API-AppKey`/`X-API-AppToken` or the `X-VTEX-` ones, any
 * case), and `X-Account`, verified for the route's resource.
 */
export const guard = async (
  verifier: KeywardVerifier,
  headers: Headers,
  ip: string | null | undefined,
  options: GuardOptions = {},
): Promise<GuardOutcome> => {
  const key = first(headers, 'x-api-appkey', 'x-vtex-api-appkey');
  const token = first(headers, 'x-api-apptoken', 'x-vtex-api-apptoken');
  if (!key || !token || key.length > 200 || token.length > 200)
    return { ok: false, status: 401, body: { code: 'INVALID_CREDENTIALS' } };
  let verification: Verification;
  try {
    verification = await verifier.verify({
      key,
      token,
      account: first(headers, 'x-account') ?? null,
      resource: options.resource ?? null,
      ip: ip ?? null,
    });
  } catch (error) {
    // The verifier itself was refused or the server is unreachable: fail closed.
    const code = error instanceof VerifierError ? error.code : 'UNAVAILABLE';
    return { ok: false, status: 503, body: { code: `VERIFIER_${code}` } };
  }
  if (verification.code !== 'VALID' || !verification.keyId)
    return {
      ok: false,
      status: STATUS[verification.code],
      body: { code: verification.code },
      ...(verification.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: verification.retryAfterSeconds }
        : {}),
    };
  return {
    ok: true,
    principal: {
      keyId: verification.keyId,
      key: key.toLowerCase(),
      account: verification.account,
      roles: verification.roles,
      resources: verification.resources,
      expiresAt: verification.expiresAt,
    },
  };
};

// TypeScript: Express's Request merges this global interface, so `req.keyward` is typed there.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      keyward?: KeywardPrincipal;
    }
  }
}

// Structural types: no framework is a dependency of this package.
interface ExpressRequest {
  headers: Headers;
  ip?: string;
  socket: { remoteAddress?: string };
  keyward?: KeywardPrincipal;
}
interface ExpressResponse {
  status(code: number): ExpressResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
}

/** Express 4/5: `app.get('/orders', expressMiddleware(verifier, { resource }), handler)`; `req.keyward` then. */
export const expressMiddleware =
  (verifier: KeywardVerifier, options: GuardOptions = {}) =>
  (req: ExpressRequest, res: ExpressResponse, next: (error?: unknown) => void): void => {
    guard(verifier, req.headers, req.ip ?? req.socket.remoteAddress, options).then((outcome) => {
      if (outcome.ok) {
        req.keyward = outcome.principal;
        next();
        return;
      }
      if (outcome.retryAfterSeconds !== undefined)
        res.setHeader('retry-after', String(outcome.retryAfterSeconds));
      res.status(outcome.status).json(outcome.body);
    }, next);
  };

interface FastifyRequest {
  headers: Headers;
  ip: string;
  keyward?: KeywardPrincipal;
}
interface FastifyReply {
  code(status: number): FastifyReply;
  header(name: string, value: string): FastifyReply;
  send(body: unknown): unknown;
}

/** Fastify 4/5: `{ preHandler: fastifyPreHandler(verifier, { resource }) }`; `request.keyward` then. */
export const fastifyPreHandler =
  (verifier: KeywardVerifier, options: GuardOptions = {}) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const outcome = await guard(verifier, request.headers, request.ip, options);
    if (outcome.ok) {
      request.keyward = outcome.principal;
      return;
    }
    if (outcome.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(outcome.retryAfterSeconds));
    await reply.code(outcome.status).send(outcome.body);
  };

interface HonoContext {
  req: { raw: { headers: { forEach(each: (value: string, name: string) => void): void } } };
  env?: unknown;
  set(name: 'keyward', value: KeywardPrincipal): void;
  json(body: unknown, status?: number, headers?: Record<string, string>): Response;
}

/** The peer address under @hono/node-server (its `env.incoming`), unless `ip` says otherwise. */
const honoPeer = (c: HonoContext): string | undefined =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;

/** Hono 4: `app.use('/orders/*', honoMiddleware(verifier, { resource }))`; `c.get('keyward')` then. */
export const honoMiddleware =
  (
    verifier: KeywardVerifier,
    options: GuardOptions & { ip?: (c: HonoContext) => string | undefined } = {},
  ) =>
  async (c: HonoContext, next: () => Promise<void>): Promise<Response | void> => {
    const headers: Headers = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const outcome = await guard(verifier, headers, (options.ip ?? honoPeer)(c), options);
    if (outcome.ok) {
      c.set('keyward', outcome.principal);
      await next();
      return;
    }
    return c.json(
      outcome.body,
      outcome.status,
      outcome.retryAfterSeconds !== undefined
        ? { 'retry-after': String(outcome.retryAfterSeconds) }
        : {},
    );
  };
