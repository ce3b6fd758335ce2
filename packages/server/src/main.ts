import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createDataSource, isMysqlUrl } from './db/data-source.js';
import { migrate } from './db/migrate.js';
import { createHttpServer } from './http/http-server.js';
import { startBackgroundJobs } from './jobs.js';
import { seedDemo } from './seed/demo-seed.js';

const config = loadConfig();
const dataSource = createDataSource(config.databaseUrl, config.databaseReadUrls);
await dataSource.initialize();
await migrate(dataSource);
if (config.seedDemo) await seedDemo(dataSource, config.tokenSecret);

const { listener, services, logger, metrics, stop } = await createApp(dataSource, config);
const stopJobs = config.backgroundJobs
  ? startBackgroundJobs(services, logger, metrics)
  : () => Promise.resolve();

let draining = false;
const server = createHttpServer((req, res) => {
  // A request arriving on a kept-alive connection during the drain is answered, then the
  // connection closes.
  if (draining) res.setHeader('connection', 'close');
  listener(req, res);
});
server.listen(config.port, config.host, () => {
  // PORT=0 picks a free port: the log names the one actually bound.
  const { port } = server.address() as AddressInfo;
  const database = isMysqlUrl(config.databaseUrl) ? 'MySQL' : `SQLite at ${config.databaseUrl}`;
  logger.info(`Keyward listening on http://${config.host}:${port} (${database})`);
  if (!config.production) logger.info(`GraphiQL: http://${config.host}:${port}/graphql`);
});

/**
 * SIGTERM or SIGINT: stop accepting connections, answer every request already received and let
 * a background job under way finish (for at most KEYWARD_DRAIN_TIMEOUT_MS, then cut what is
 * left: what a job cut short was sending is retried once its claims expire), write every batched
 * buffer (last uses, refused authentications, usage counts), close the database and exit 0.
 * A second signal during the drain ends the process at once (Node's default, see below).
 */
const shutdown = async (signal: string) => {
  draining = true;
  logger.info({ signal, drainTimeoutMs: config.drainTimeoutMs }, 'Draining in-flight requests');
  let exitCode = 0;
  let forced: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    forced = setTimeout(() => {
      logger.warn('Drain timed out; closing remaining connections');
      server.closeAllConnections();
      resolve();
    }, config.drainTimeoutMs);
  });
  // Kept-alive connections close as soon as their last response is sent.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  // Change streams never end on their own: their followers reconnect to another server.
  services.changeStream.closeAll();
  const closed = new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  try {
    // The buffers are written before an orchestrator's SIGKILL however long a job would take.
    await Promise.race([Promise.all([stopJobs(), closed]), timedOut.then(() => closed)]);
    clearTimeout(forced);
    clearInterval(idle);
    await stop();
    await dataSource.destroy();
    logger.info('Stopped cleanly');
  } catch (error) {
    exitCode = 1;
    logger.error({ err: error }, 'Shutdown failed');
  }
  logger.flush();
  process.exit(exitCode);
};
// The first of either signal drains; both handlers go, so a second signal of either kind ends
// the process at once.
const onSignal = (signal: NodeJS.Signals) => {
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  void shutdown(signal);
};
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);
