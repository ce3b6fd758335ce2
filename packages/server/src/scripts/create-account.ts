import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { migrate } from '../db/migrate.js';
import { createAccountWithOwner } from '../seed/create-account-with-owner.js';

// Creates an account and its first owner on a fresh installation.
const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
  },
});
if (!values.slug || !values.email) {
  console.error('Usage: create-account --slug acme --email owner@acme.com [--name "Acme"]');
  console.error('The password comes from KEYWARD_OWNER_PASSWORD, or a random one is printed once.');
  process.exit(2);
}
const password = process.env.KEYWARD_OWNER_PASSWORD ?? randomBytes(18).toString('base64url');
const dataSource = createDataSource(loadConfig().databaseUrl);
await dataSource.initialize();
try {
  await migrate(dataSource);
  await createAccountWithOwner(dataSource, {
    slug: values.slug,
    name: values.name ?? values.slug,
    email: values.email,
    password,
  });
  console.log(`Account ${values.slug} created; owner ${values.email}.`);
  if (!process.env.KEYWARD_OWNER_PASSWORD)
    console.log(`Initial password (shown once): ${password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : 'Could not create the account.');
  process.exitCode = 1;
} finally {
  await dataSource.destroy();
}
