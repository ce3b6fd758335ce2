import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { migrate } from '../db/migrate.js';
import { isAcceptablePassword, PASSWORD_RULE } from '../modules/auth/password.js';
import { createAccountWithOwner } from '../seed/create-account-with-owner.js';

export interface CommandOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

const USAGE = [
  'Usage: create-account --slug acme --email owner@acme.com [--name "Acme"]',
  `The password comes from KEYWARD_OWNER_PASSWORD (${PASSWORD_RULE.toLowerCase().replace(/\.$/, '')}), or a random one is printed once.`,
  'An email that already has a Keyward user becomes Owner of the new account and keeps its password.',
];

/**
 * Creates an account and its first owner; answers the process exit code. The owner's password
 * follows the same rule as the setup link (12 to 200 characters). An existing user is made
 * Owner of the new account and keeps their password: nothing is printed as if it applied.
 */
export const createAccountCommand = async (
  args: string[],
  env: NodeJS.ProcessEnv,
  out: CommandOutput,
): Promise<number> => {
  let values: { slug?: string; name?: string; email?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
      },
    }));
  } catch {
    for (const line of USAGE) out.error(line);
    return 2;
  }
  if (!values.slug || !values.email) {
    for (const line of USAGE) out.error(line);
    return 2;
  }
  const given = env.KEYWARD_OWNER_PASSWORD;
  if (given !== undefined && !isAcceptablePassword(given)) {
    out.error(`KEYWARD_OWNER_PASSWORD is refused: ${PASSWORD_RULE} Nothing was created.`);
    return 2;
  }
  const password = given ?? randomBytes(18).toString('base64url');
  const dataSource = createDataSource(loadConfig(env).databaseUrl);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    const { user, userExisted } = await createAccountWithOwner(dataSource, {
      slug: values.slug,
      name: values.name ?? values.slug,
      email: values.email,
      password,
    });
    out.log(`Account ${values.slug} created; owner ${user.email}.`);
    if (userExisted) {
      out.log(
        `The user ${user.email} already exists: they are now Owner of ${values.slug} and sign in with their existing password. No password was changed.`,
      );
    } else if (given === undefined) {
      out.log(`Initial password (shown once): ${password}`);
    }
    return 0;
  } catch (error) {
    out.error(error instanceof Error ? error.message : 'Could not create the account.');
    return 1;
  } finally {
    await dataSource.destroy();
  }
};
