import type { DataSource } from 'typeorm';
import { Account } from '../modules/accounts/account.entity.js';
import type { Caller } from '../modules/auth/principal.js';
import { RESOURCES } from '../modules/roles/resource-catalog.js';
import { Role } from '../modules/roles/role.entity.js';
import { createServices } from '../services.js';
import { createAccountWithOwner } from './create-account-with-owner.js';

export const DEMO = {
  accountSlug: 'demo',
  partnerSlug: 'partner',
  email: 'admin@example.com',
  password: 'keyward-demo',
} as const;

/**
 * Local use only: a known password on a well-known account. The admin owns `demo` and
 * `partner`; a partner key is granted in demo so the External tab is not empty. Idempotent.
 */
export const seedDemo = async (dataSource: DataSource, tokenSecret: string): Promise<void> => {
  if (await dataSource.getRepository(Account).existsBy({ slug: DEMO.accountSlug })) return;
  const owner = { email: DEMO.email, password: DEMO.password };
  const demo = await createAccountWithOwner(dataSource, {
    slug: DEMO.accountSlug,
    name: 'Demo Store',
    ...owner,
  });
  const partner = await createAccountWithOwner(dataSource, {
    slug: DEMO.partnerSlug,
    name: 'Partner Agency',
    ...owner,
  });

  // The seed acts as the admin, through the same services and rules as the API.
  const services = createServices(dataSource, { tokenSecret });
  const actingAsAdminIn = (accountId: string): Caller => ({
    principal: {
      kind: 'user',
      userId: demo.user.id,
      email: demo.user.email,
      accountId,
      sessionIdHash: '',
      resources: new Set(RESOURCES.map((resource) => resource.key)),
    },
    ip: null,
  });
  const { apiKey } = await services.apiKeys.generate(actingAsAdminIn(partner.account.id), {
    name: 'Partner reporting',
    roleIds: [],
  });
  const readOnly = await dataSource
    .getRepository(Role)
    .findOneByOrFail({ accountId: demo.account.id, predefinedKey: 'api-keys-read-only' });
  await services.externalKeys.add(actingAsAdminIn(demo.account.id), {
    key: apiKey.key,
    roleIds: [readOnly.id],
  });
};
