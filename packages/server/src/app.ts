import { existsSync } from 'node:fs';
import type { IncomingMessage, RequestListener } from 'node:http';
import { Redis } from 'ioredis';
import proxyAddr from 'proxy-addr';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from './common/clock.js';
import type { Config } from './config.js';
import { createLoaders, type GraphQLContext } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { keywardSchema } from './graphql/schema.js';
import { jsonErrorHandler } from './http/error-handler.js';
import { exportRoutes } from './http/exports.js';
import { graphiqlHandler } from './http/graphiql.js';
import { authenticate, sessionCookieJar } from './http/request-context.js';
import { handleVerify, VERIFY_PATH } from './http/verify-endpoint.js';
import type { ThrottleLimits } from './modules/verification/failure-throttle.js';
import { ReminderMailer } from './modules/settings/reminder-delivery.js';
import { createServices, type Services } from './services.js';

export interface KeywardApp {
  app: Express;
  /** The HTTP request listener: the verify fast path, then Express. */
  listener: RequestListener;
  services: Services;
  stop: () => Promise<void>;
}

export type AppConfig = Pick<Config, 'production' | 'tokenSecret' | 'webDist' | 'trustProxy'> &
  Partial<Pick<Config, 'smtpUrl' | 'smtpFrom' | 'redisUrl'>> & { throttleLimits?: ThrottleLimits };

export const createApp = async (
  dataSource: DataSource,
  config: AppConfig,
  clock: Clock = systemClock,
): Promise<KeywardApp> => {
  const mailer = config.smtpUrl
    ? new ReminderMailer(config.smtpUrl, config.smtpFrom ?? 'keyward@localhost')
    : null;
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  const services = createServices(dataSource, {
    tokenSecret: config.tokenSecret,
    clock,
    mailer,
    redis,
    redisUrl: config.redisUrl ?? null,
    throttleLimits: config.throttleLimits,
  });
  await services.authChanges.start();
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await keywardSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  if (!config.production) app.get('/graphql', graphiqlHandler);
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const caller = await authenticate(req, services);
        return {
          ...caller,
          services,
          loaders: createLoaders(services, caller.principal),
          cookies: sessionCookieJar(req, res),
        };
      },
    }),
  );

  app.use(exportRoutes(services));

  const indexHtml = path.join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(config.webDist, { index: false }));
    // Client-side routes: every other GET gets the SPA.
    app.get(/^\/(?!graphql|api\/|healthz|readyz).*/, (_req, res) => res.sendFile(indexHtml));
  }

  app.use(jsonErrorHandler);

  // Refused authentications and last uses reach the database in batches, once a minute.
  const flush = () =>
    Promise.all([services.refusedAuth.flush(), services.lastUse.flush()]).catch((error: unknown) =>
      console.error('Batched writes failed; retrying next minute', error),
    );
  const flushTimer = setInterval(() => void flush(), 60_000);
  flushTimer.unref();

  const trust = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  const clientIp = (req: IncomingMessage) => proxyAddr(req, trust) || null;
  const listener: RequestListener = (req, res) => {
    if (req.url === VERIFY_PATH || req.url?.startsWith(`${VERIFY_PATH}?`)) {
      handleVerify(req, res, services, clientIp).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            errors: [
              { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          }),
        );
      });
      return;
    }
    app(req, res);
  };

  return {
    app,
    listener,
    services,
    stop: async () => {
      clearInterval(flushTimer);
      await apollo.stop();
      await flush();
      await services.authChanges.stop();
      redis?.disconnect();
      mailer?.close();
    },
  };
};
