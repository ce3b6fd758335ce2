import { createHash, timingSafeEqual } from 'node:crypto';
import helmet from 'helmet';
import type { DestinationStream, Logger } from 'pino';
import type { IncomingMessage, RequestListener } from 'node:http';
import { Redis } from 'ioredis';
import proxyAddr from 'proxy-addr';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from './common/clock.js';
import type { Config } from './config.js';
import { createLoaders, type GraphQLContext } from './context.js';
import { createFormatError } from './graphql-errors.js';
import { armorLimits, MAX_TOKENS, operationLimitsPlugin } from './graphql/query-limits.js';
import { keywardSchema } from './schema.js';
import { jsonErrorHandler } from './http/error-handler.js';
import { exportRoutes } from './http/exports.js';
import { verifierRoutes } from './http/verifier-routes.js';
import { leakReportRoutes } from './http/leak-reports.js';
import { LeakReporterKeys } from './modules/leaks/leak-reporter-keys.js';
import { graphiqlHandler } from './http/graphiql.js';
import { spaHandler } from './http/spa.js';
import { createLogger, createMetrics, httpLogger, type Metrics } from './http/observability.js';
import { retryAfterPlugin } from './http/retry-after-plugin.js';
import { metricsPlugin } from './http/metrics-plugin.js';
import { singleRevealRule } from './graphql/single-reveal-rule.js';
import { authenticate, sessionCookieJar } from './http/request-context.js';
import {
  UNAVAILABLE_ERROR,
  databaseUnavailable,
  isDatabaseUnavailable,
} from './http/unavailable.js';
import { onTransactionRetry } from './common/transaction-retry.js';
import { isReadScaledRequest, onReplica } from './db/read-routing.js';
import { parse } from 'graphql';
import { createVerifyHandler, VERIFY_PATH } from './http/verify-endpoint.js';
import type { ThrottleLimits } from './modules/throttle/failure-throttle.js';
import { ReminderMailer } from './modules/settings/reminder-delivery.js';
import type { EgressOptions } from './modules/webhooks/egress-policy.js';
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
      | 'webhookAllow'
      | 'usageRetentionDays'
      | 'usageCounting'
      | 'keyBudgetStore'
      | 'leakReporterKeys'
    >
  > & {
    throttleLimits?: ThrottleLimits;
    /** Tests: the Redis key prefix of use budgets, so parallel suites never share counts. */
    keyBudgetRedisPrefix?: string;
    /** Tests: a fake DNS and short time bounds for webhooks. */
    webhookEgress?: Omit<EgressOptions, 'production' | 'allow'>;
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

const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Helmet's headers, with X-Frame-Options DENY to match `frame-ancestors 'none'`. HSTS and
 * `upgrade-insecure-requests` only on requests that came over TLS (directly, or through a
 * proxy trusted by TRUST_PROXY): over plain HTTP, browsers ignore HSTS and
 * upgrade-insecure-requests would break an install served without TLS.
 */
const securityHeaders = (): RequestHandler => {
  const common = { xFrameOptions: { action: 'deny' } } as const;
  const overTls = helmet({
    ...common,
    contentSecurityPolicy: {
      directives: { ...CONTENT_SECURITY_POLICY.directives, upgradeInsecureRequests: [] },
    },
  });
  const plain = helmet({
    ...common,
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: { ...CONTENT_SECURITY_POLICY.directives, upgradeInsecureRequests: null },
    },
  });
  return (req, res, next) => (req.secure ? overTls : plain)(req, res, next);
};

/** Bounded labels: unknown paths (SPA routes, probes) share one. */
const routeLabel = (path: string): string => {
  for (const route of [
    '/graphql',
    '/api/keys/export',
    '/api/audit/export',
    '/api/keys/changes',
    '/api/keys/usage',
    '/api/openapi.json',
    '/api/leaks',
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
  const logger = createLogger(config.logLevel ?? 'info', config.logDestination);
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
    usageRetentionDays: config.usageRetentionDays,
    usageCounting: config.usageCounting,
    keyBudgetStore: config.keyBudgetStore ?? (redis ? 'redis' : 'database'),
    keyBudgetRedisPrefix: config.keyBudgetRedisPrefix,
    logger,
    webhookEgress: {
      ...config.webhookEgress,
      production: config.production,
      allow: config.webhookAllow ?? [],
    },
  });
  await services.authChanges.start();
  const metrics = createMetrics();
  const readScaling = Boolean((dataSource.options as { replication?: unknown }).replication);
  const stopCountingRetries = onTransactionRetry(dataSource, (event) =>
    metrics.transactionRetries.inc(event),
  );
  const protection = armorLimits(config.production);
  const schema = await keywardSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts drains and exits on SIGTERM/SIGINT; Apollo's own handler would stop the
    // server under in-flight requests and re-raise the signal (exit 143, buffers lost).
    stopOnTerminationSignals: false,
    validationRules: [...protection.validationRules, singleRevealRule],
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      // Armor ships CommonJS typings of Apollo's plugin type; the runtime contract is the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (responses are per user); it would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(metrics),
      retryAfterPlugin(),
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
  app.use(securityHeaders());

  // Production serves metrics only to a scraper holding METRICS_TOKEN; without one, none.
  const metricsOff = config.production && !config.metricsToken;
  if (metricsOff) logger.info('GET /metrics is off: set METRICS_TOKEN to scrape it');
  const metricsAuthorization = config.metricsToken ? sha256(`Bearer ${config.metricsToken}`) : null;
  app.get('/metrics', async (req, res) => {
    if (metricsOff) {
      res.status(404).end();
      return;
    }
    if (
      metricsAuthorization &&
      !timingSafeEqual(sha256(req.get('authorization') ?? ''), metricsAuthorization)
    ) {
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
    (req, _res, next) => {
      // With DATABASE_READ_URLS, requests that only list, search or count read a replica.
      if (readScaling && isReadScaledRequest(req.body, parse)) onReplica(() => next());
      else next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const caller = await authenticate(req, services, metrics).catch((error: unknown) => {
          // The database (or this server's cluster node) is down: 503, as /readyz says.
          if (isDatabaseUnavailable(error)) throw databaseUnavailable();
          throw error;
        });
        return {
          ...caller,
          services,
          loaders: createLoaders(services, caller.principal),
          cookies: sessionCookieJar(req, res),
        };
      },
    }),
  );

  if (readScaling)
    app.use(['/api/keys/export', '/api/audit/export'], (_req, _res, next) =>
      onReplica(() => next()),
    );
  app.use(exportRoutes(services));
  app.use(verifierRoutes(services));
  app.use(leakReportRoutes(services, new LeakReporterKeys(config.leakReporterKeys ?? [])));

  const spa = spaHandler(config.webDist);
  if (spa) app.use(spa);

  app.use(jsonErrorHandler);

  // Refused authentications, last uses and usage counts reach the database in batches, once a
  // minute. One flush at a time: the last one (at stop) waits for a periodic one still writing.
  // Every buffer's write runs to its end even when another fails (the last one is followed by
  // process.exit); the first failure is then reported.
  const flushOnce = async () => {
    const results = await Promise.allSettled([
      services.refusedAuth.flush(),
      services.lastUse.flush(),
      services.usageRecorder.flush(),
    ]);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    flushing = flushing.then(flushOnce).catch((error: unknown) => {
      logger.error({ err: error }, 'Batched writes failed; retrying next minute');
    });
    return flushing;
  };
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
        const unavailable = isDatabaseUnavailable(error);
        if (!res.headersSent)
          res.writeHead(unavailable ? 503 : 500, {
            'content-type': 'application/json',
            ...(unavailable ? { 'retry-after': '5' } : {}),
          });
        res.end(
          JSON.stringify({
            errors: [
              unavailable
                ? UNAVAILABLE_ERROR
                : {
                    message: 'Internal server error.',
                    extensions: { code: 'INTERNAL_SERVER_ERROR' },
                  },
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
      stopCountingRetries();
      services.changeStream.closeAll();
      await apollo.stop();
      try {
        // The final write: a failure here is the caller's to report (main.ts exits 1).
        await flushing;
        await flushOnce();
      } finally {
        await services.authChanges.stop();
        redis?.disconnect();
        mailer?.close();
      }
    },
  };
};
