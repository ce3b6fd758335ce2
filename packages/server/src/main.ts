import 'reflect-metadata';
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createDataSource, isMysqlUrl } from './db/data-source.js';
import { migrate } from './db/migrate.js';
import { startBackgroundJobs } from './jobs.js';
import { seedDemo } from './seed/demo-seed.js';

const DRAIN_TIMEOUT_MS = 25_000;

const config = loadConfig();
const dataSource = createDataSource(config.databaseUrl);
await dataSource.initialize();
await migrate(dataSource);
if (config.seedDemo) await seedDemo(dataSource, config.tokenSecret);

const { listener, services, logger, metrics, stop } = await createApp(dataSource, config);
const stopJobs = config.backgroundJobs
  ? startBackgroundJobs(services, logger, metrics)
  : () => undefined;

const server = createServer(listener);
// Slow or stalled clients are cut off instead of holding sockets open.
server.headersTimeout = 15_000;
server.requestTimeout = 30_000;
server.keepAliveTimeout = 5_000;
server.listen(config.port, config.host, () => {
  const database = isMysqlUrl(config.databaseUrl) ? 'MySQL' : `SQLite at ${config.databaseUrl}`;
  logger.info(`Keyward listening on http://${config.host}:${config.port} (${database})`);
  if (!config.production) logger.info(`GraphiQL: http://${config.host}:${config.port}/graphql`);
});

/** SIGTERM: stop accepting, let in-flight requests finish, flush batched writes, exit. */
const shutdown = async (signal: string) => {
  logger.info({ signal }, 'Draining in-flight requests');
  stopJobs();
  const forced = setTimeout(() => {
    logger.warn('Drain timed out; closing remaining connections');
    server.closeAllConnections();
  }, DRAIN_TIMEOUT_MS);
  forced.unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await stop();
  await dataSource.destroy();
  logger.info('Stopped cleanly');
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
