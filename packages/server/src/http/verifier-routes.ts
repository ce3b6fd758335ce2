import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Request, Response, Router } from 'express';
import express from 'express';
import { Resources } from '../modules/roles/resource-catalog.js';
import type { Verification } from '../modules/verification/key-verifier.js';
import type { StreamEvent } from '../modules/verification/change-stream.js';
import type { Services } from '../services.js';
import { clientIp, keyCredentialsOf } from './request-context.js';
import { serviceRefusalBody, serviceRefusalStatus } from './verify-endpoint.js';

export const CHANGES_PATH = '/api/keys/changes';
export const USAGE_PATH = '/api/keys/usage';
export const OPENAPI_PATH = '/api/openapi.json';

/** A comment line every interval, so a follower tells a quiet stream from a dead one. */
export const HEARTBEAT_MS = 1_000;
const MAX_FOLLOWED_ACCOUNTS = 50;
const MAX_USES = 1_000;
/** Reported uses older than this (or in the future) are moved to now. */
const MAX_USE_AGE_MS = 10 * 60_000;
/** Uses of one token in one report, at most (a verifier reports every few seconds). */
const MAX_USE_COUNT = 1_000_000;

/** packages/server/openapi.json, from src/http and dist/http alike. */
const openApiDocument = (() => {
  let json: string | null = null;
  return () => {
    json ??= readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8');
    return json;
  };
})();

const refuse = (res: Response, verification: Verification) => {
  if (verification.code === 'RATE_LIMITED')
    res.setHeader('Retry-After', String(verification.retryAfterSeconds ?? 60));
  res.status(serviceRefusalStatus(verification.code)).json(serviceRefusalBody(verification));
};

const badInput = (res: Response, message: string) =>
  res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });

/**
 * The calling service's key, holding Verify API keys in every account named (its own when none
 * is): the verification of the first refusal, or null when all hold.
 */
const authorizeService = async (
  services: Services,
  req: Request,
  accounts: readonly (string | null)[],
): Promise<{ refusal: Verification } | { apiKeyId: string; accountIds: Set<string> }> => {
  const credentials = keyCredentialsOf(req);
  let apiKeyId = '';
  const accountIds = new Set<string>();
  for (const account of accounts) {
    const verification = await services.verifier.verify(
      {
        key: credentials?.key ?? '',
        token: credentials?.token ?? '',
        account,
        resource: Resources.verifyApiKeys,
      },
      clientIp(req),
    );
    if (verification.code !== 'VALID' || verification.principal?.kind !== 'api-key')
      return { refusal: verification };
    apiKeyId = verification.principal.apiKeyId;
    accountIds.add(verification.principal.accountId);
  }
  return { apiKeyId, accountIds };
};

const followedAccounts = (req: Request): string[] | null => {
  const raw = req.query.account;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) =>
    typeof value === 'string' ? value.trim() : '',
  );
  if (values.some((value) => !value) || values.length > MAX_FOLLOWED_ACCOUNTS) return null;
  return [...new Set(values)];
};

const sseEvent = ({ id, event }: StreamEvent, followed: Set<string>): string | null => {
  if (event.type === 'keys' && event.accountIds?.every((account) => !followed.has(account)))
    return null;
  if (event.type === 'keys')
    return `id: ${id}\nevent: keys\ndata: ${JSON.stringify({ keyIds: event.apiKeyIds })}\n\n`;
  if (event.type === 'reset') return `id: ${id}\nevent: reset\ndata: {}\n\n`;
  // Only client addresses (a service names them as `ip`) and IPv6 /64s (what an IPv6 client is
  // blocked by); other sources mean nothing outside.
  const address = event.source.endsWith('::/64') ? event.source.slice(0, -3) : event.source;
  if (!isIP(address)) return null;
  return `id: ${id}\nevent: blocked\ndata: ${JSON.stringify({ ip: event.source, retryAfterSeconds: event.seconds })}\n\n`;
};

/**
 * The integrator toolkit's endpoints (@keyward/verify): the change stream, batched usage
 * reports, and the OpenAPI document. The calling service authenticates with its own key headers
 * and must hold Verify API keys (license-manager:verify-api-keys).
 */
export const verifierRoutes = (services: Services): Router => {
  const router = express.Router();

  router.get(OPENAPI_PATH, (_req, res) => {
    res.type('application/json').send(openApiDocument());
  });

  /**
   * GET /api/keys/changes (Server-Sent Events): every change that can alter a verification, as
   * key ids (`keys`) or `reset` (drop everything), each with a resumable id; `Last-Event-ID`
   * (or `?lastEventId=`) replays what was missed, or answers `reset`.
   */
  router.get(CHANGES_PATH, async (req, res, next) => {
    try {
      const accounts = followedAccounts(req);
      if (!accounts) {
        badInput(res, `Name at most ${MAX_FOLLOWED_ACCOUNTS} accounts, none empty.`);
        return;
      }
      const authorized = await authorizeService(
        services,
        req,
        accounts.length > 0 ? accounts : [null],
      );
      if ('refusal' in authorized) {
        refuse(res, authorized.refusal);
        return;
      }
      const lastEventId =
        req.get('last-event-id') ??
        (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : null);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and other proxies must pass events on at once.
        'x-accel-buffering': 'no',
      });
      res.socket?.setNoDelay(true);
      let closed = false;
      let checking = false;
      const stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      /** The caller itself may lose the right to follow: checked on every change touching it. */
      const recheck = () => {
        if (checking || closed) return;
        checking = true;
        authorizeService(services, req, accounts.length > 0 ? accounts : [null])
          .then((result) => {
            if ('refusal' in result) stop();
          })
          .catch(stop)
          .finally(() => {
            checking = false;
          });
      };
      const unsubscribe = services.changeStream.subscribe((event) => {
        if (closed) return;
        const text = sseEvent(event, authorized.accountIds);
        if (text) res.write(text);
        if (
          event.event.type === 'reset' ||
          (event.event.type === 'keys' && event.event.apiKeyIds.includes(authorized.apiKeyId))
        )
          recheck();
      }, stop);
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      req.on('close', stop);
      res.on('error', stop);
      const resume = services.changeStream.resume(lastEventId);
      res.write(`retry: 500\n\n`);
      if ('reset' in resume)
        res.write(`id: ${services.changeStream.cursor}\nevent: reset\ndata: {}\n\n`);
      else
        for (const event of resume.replay) {
          const text = sseEvent(event, authorized.accountIds);
          if (text) res.write(text);
        }
      res.write(
        `id: ${services.changeStream.cursor}\nevent: ready\ndata: ${JSON.stringify({ heartbeatMs: HEARTBEAT_MS })}\n\n`,
      );
    } catch (error) {
      next(error);
    }
  });

  /**
   * POST /api/keys/usage: uses a verifier answered from memory, for last use (batched like the
   * server's own) and usage per key (`count` uses of the token since the last report). Only tokens of the keys named are recorded; times are clamped to the last
   * ten minutes. The caller holds Verify API keys in its own account or in the one `X-Account`
   * names.
   */
  router.post(USAGE_PATH, express.json({ limit: '256kb' }), async (req, res, next) => {
    try {
      // Verify API keys in the account named by X-Account (a followed one), or the key's own.
      const authorized = await authorizeService(services, req, [
        keyCredentialsOf(req)?.accountSlug ?? null,
      ]);
      if ('refusal' in authorized) {
        refuse(res, authorized.refusal);
        return;
      }
      const uses = (req.body as { uses?: unknown } | undefined)?.uses;
      if (!Array.isArray(uses) || uses.length > MAX_USES) {
        badInput(res, `Send { uses: [...] } with at most ${MAX_USES} uses.`);
        return;
      }
      const now = services.clock().getTime();
      const valid = uses.flatMap((use: unknown) => {
        if (typeof use !== 'object' || use === null) return [];
        const { keyId, tokenId, at, ip, count } = use as Record<string, unknown>;
        if (typeof keyId !== 'string' || typeof tokenId !== 'string') return [];
        const time = typeof at === 'string' ? Date.parse(at) : NaN;
        const clamped =
          Number.isFinite(time) && time <= now && time >= now - MAX_USE_AGE_MS ? time : now;
        return [
          {
            keyId,
            tokenId,
            at: new Date(clamped),
            ip: typeof ip === 'string' && isIP(ip) ? ip : null,
            count:
              typeof count === 'number' && Number.isInteger(count) && count >= 1
                ? Math.min(count, MAX_USE_COUNT)
                : 1,
          },
        ];
      });
      const recorded = await services.lastUse.recordReported(valid);
      res.status(202).json({ recorded });
    } catch (error) {
      next(error);
    }
  });

  return router;
};
