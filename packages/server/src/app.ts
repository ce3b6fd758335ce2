import { existsSync } from 'node:fs';
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
import { ReminderMailer } from './modules/settings/reminder-delivery.js';
import { createServices, type Services } from './services.js';

export interface KeywardApp {
  app: Express;
  services: Services;
  stop: () => Promise<void>;
}

export const createApp = async (
  dataSource: DataSource,
  config: Pick<Config, 'production' | 'tokenSecret' | 'webDist' | 'trustProxy'> &
    Partial<Pick<Config, 'smtpUrl' | 'smtpFrom'>>,
  clock: Clock = systemClock,
): Promise<KeywardApp> => {
  const mailer = config.smtpUrl
    ? new ReminderMailer(config.smtpUrl, config.smtpFrom ?? 'keyward@localhost')
    : null;
  const services = createServices(dataSource, config.tokenSecret, clock, mailer);
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

  // Refused authentications reach the audit log aggregated, once a minute.
  const flushRefusedAuth = setInterval(() => {
    services.refusedAuth
      .flush()
      .catch((error: unknown) => console.error('Refused-auth flush failed', error));
  }, 60_000);
  flushRefusedAuth.unref();

  return {
    app,
    services,
    stop: async () => {
      clearInterval(flushRefusedAuth);
      await apollo.stop();
      await services.refusedAuth.flush();
      mailer?.close();
    },
  };
};
