import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { createApp } from './app.js';
import { startBackgroundJobs } from './jobs.js';
import { loadConfig } from './config.js';
import { createDataSource, isMysqlUrl } from './db/data-source.js';
import { migrate } from './db/migrate.js';
import { seedDemo } from './seed/demo-seed.js';

const config = loadConfig();
const dataSource = createDataSource(config.databaseUrl);
await dataSource.initialize();
await migrate(dataSource);
if (config.seedDemo) await seedDemo(dataSource, config.tokenSecret);

const { listener, services, stop } = await createApp(dataSource, config);
const stopJobs = config.backgroundJobs ? startBackgroundJobs(services) : () => undefined;
const server: Server = createServer(listener).listen(config.port, config.host, () => {
  const database = isMysqlUrl(config.databaseUrl) ? 'MySQL' : `SQLite at ${config.databaseUrl}`;
  console.log(`Keyward listening on http://${config.host}:${config.port} (${database})`);
  if (!config.production) console.log(`GraphiQL: http://${config.host}:${config.port}/graphql`);
});

const shutdown = async () => {
  stopJobs();
  server.close();
  await stop();
  await dataSource.destroy();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
