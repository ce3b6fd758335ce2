import { existsSync } from 'node:fs';
import helmet from 'helmet';
import type { DestinationStream, Logger } from 'pino';
import type { IncomingMessage, RequestListener } from 'node:http';
import { Redis } from 'ioredis';
import proxyAddr from 'proxy-addr';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from './common/clock.js';
import type { Config } from './config.js';
import { createLoaders, type GraphQLContext } from './graphql/context.js';
import { createFormatError } from './graphql/errors.js';
import { armorLimits, MAX_TOKENS, operationLimitsPlugin } from './graphql/query-limits.js';
import { keywardSchema } from './graphql/schema.js';
import { jsonErrorHandler } from './http/error-handler.js';
import { exportRoutes } from './http/exports.js';
import { graphiqlHandler } from './http/graphiql.js';
import { createLogger, createMetrics, httpLogger, type Metrics } from './http/observability.js';
import { metricsPlugin } from './graphql/metrics-plugin.js';
import { singleRevealRule } from './graphql/single-reveal-rule.js';
import { authenticate, sessionCookieJar } from './http/request-context.js';
import { createVerifyHandler, VERIFY_PATH } from './http/verify-endpoint.js';
import type { ThrottleLimits } from './modules/verification/failure-throttle.js';
import { ReminderMailer } from './modules/settings/reminder-delivery.js';
import { createServices, type Services } from './services.js';

export interface KeywardApp {
  app: Express;
  logger: Logger;
  metrics: Metrics;
  /** The HTTP request listener: the verify fast path, then Express. */
  listener: RequestListener;
  services: Services;
  stop: () => Promise<void>;
}

export type AppConfig = Pick<Config, 'production' | 'tokenSecret' | 'webDist' | 'trustProxy'> &
  Partial<
    Pick<
      Config,
      | 'smtpUrl'
      | 'smtpFrom'
      | 'redisUrl'
      | 'logLevel'
      | 'metricsToken'
      | 'previousTokenSecret'
      | 'searchMemoryKeys'
    >
  > & {
    throttleLimits?: ThrottleLimits;
    /** Where logs go (stdout by default); tests read them. */
    logDestination?: DestinationStream;
  };

/** The SPA's own origin only; Mantine sets inline styles, nothing runs inline. */
const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Bounded labels: unknown paths (SPA routes, probes) share one. */
const routeLabel = (path: string): string => {
  for (const route of [
    '/graphql',
    '/api/keys/export',
    '/api/audit/export',
    '/healthz',
    '/readyz',
    '/metrics',
  ]) {
    if (path === route) return route;
  }
  return 'other';
};

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
    previousTokenSecret: config.previousTokenSecret ?? null,
    clock,
    mailer,
    redis,
    redisUrl: config.redisUrl ?? null,
    throttleLimits: config.throttleLimits,
    searchMemoryKeys: config.searchMemoryKeys,
  });
  await services.authChanges.start();
  const logger = createLogger(config.logLevel ?? 'info', config.logDestination);
  const metrics = createMetrics();
  const protection = armorLimits(config.production);
  const schema = await keywardSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: [...protection.validationRules, singleRevealRule],
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      // Armor ships CommonJS typings of Apollo's plugin type; the runtime contract is the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (responses are per user); it would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(metrics),
      operationLimitsPlugin<GraphQLContext>(schema),
    ],
    logger,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(httpLogger(logger));
  app.use((req, res, next) => {
    res.on('finish', () =>
      metrics.httpRequests.inc({
        route: routeLabel(req.path),
        status: `${Math.floor(res.statusCode / 100)}xx`,
      }),
    );
    next();
  });
  // GraphiQL inlines its bundle and workers: it gets its own policy, in development only.
  if (!config.production) app.get('/graphql', graphiqlHandler);
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));

  app.get('/metrics', async (req, res) => {
    if (config.metricsToken && req.get('authorization') !== `Bearer ${config.metricsToken}`) {
      res.status(401).end();
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

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

  app.use(
    '/graphql',
    (_req, res, next) => {
      // Responses reveal tokens and account data: never stored by a browser or proxy.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const caller = await authenticate(req, services, metrics);
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
      logger.error({ err: error }, 'Batched writes failed; retrying next minute'),
    );
  const flushTimer = setInterval(() => void flush(), 60_000);
  flushTimer.unref();

  const trust = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  // Without a trusted proxy the peer is the client: no forwarded-header parsing per request.
  const clientIp =
    config.trustProxy === false
      ? (req: IncomingMessage) => req.socket.remoteAddress ?? null
      : (req: IncomingMessage) => proxyAddr(req, trust) || null;
  const handleVerify = createVerifyHandler(services, clientIp, metrics);
  const listener: RequestListener = (req, res) => {
    if (req.url === VERIFY_PATH || req.url?.startsWith(`${VERIFY_PATH}?`)) {
      handleVerify(req, res, (error: unknown) => {
        logger.error({ err: error }, 'Verification failed');
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
    logger,
    metrics,
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
