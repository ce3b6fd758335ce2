import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { migrate } from '../db/migrate.js';

const dataSource = createDataSource(loadConfig().databaseUrl);
await dataSource.initialize();
await migrate(dataSource);
console.log('Migrations applied.');
await dataSource.destroy();
