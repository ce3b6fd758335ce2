import type { Logger } from 'typeorm';
import { ApiKey } from '../../src/modules/api-keys/api-key.entity.js';
import { ApiToken } from '../../src/modules/api-keys/api-token.entity.js';
import { KeyGrantRole } from '../../src/modules/api-keys/key-grant-role.entity.js';
import { KeyGrant } from '../../src/modules/api-keys/key-grant.entity.js';
import { AuditEvent } from '../../src/modules/audit/audit-event.entity.js';
import type { Role } from '../../src/modules/roles/role.entity.js';
import { PASSWORD } from './fixtures.js';
import type { TestServer } from './test-server.js';

/** A user of one account holding exactly these resources, through one custom role. */
export const userWithResources = async (
  server: TestServer,
  accountId: string,
  email: string,
  resourceKeys: string[],
): Promise<{ email: string; cookie: string; role: Role }> => {
  const role = await server.createRole(accountId, `Role of ${email}`, resourceKeys);
  await server.createUser(email, PASSWORD, [{ accountId, roles: [role] }]);
  return { email, cookie: await server.signIn(email, PASSWORD), role };
};

/** Everything a key-changing mutation could touch, to prove a refused one touched nothing. */
export const keyState = async (server: TestServer, apiKeyId: string) => {
  const manager = server.dataSource.manager;
  const key = await manager.findOneBy(ApiKey, { id: apiKeyId });
  const grants = await manager.findBy(KeyGrant, { apiKeyId });
  const grantRoles = await manager
    .getRepository(KeyGrantRole)
    .createQueryBuilder('gr')
    .innerJoin(KeyGrant, 'g', 'g.id = gr.grantId')
    .where('g.apiKeyId = :apiKeyId', { apiKeyId })
    .getMany();
  const tokens = await manager.findBy(ApiToken, { apiKeyId });
  return {
    key: key && {
      name: key.name,
      active: key.active,
      version: key.version,
      updatedAt: key.updatedAt.toISOString(),
    },
    grants: grants.map((grant) => grant.id).sort(),
    roleIds: grantRoles.map((row) => `${row.grantId}/${row.roleId}`).sort(),
    tokens: tokens.map((token) => token.tokenHash).sort(),
  };
};

export const auditEvents = (server: TestServer, accountId: string) =>
  server.dataSource.manager.find(AuditEvent, { where: { accountId }, order: { createdAt: 'ASC' } });

export const keyCount = (server: TestServer, accountId: string) =>
  server.dataSource.manager.countBy(ApiKey, { accountId });

/** Counts the SQL statements the server issues while `work` runs (tests run one at a time). */
export const countQueries = async (
  server: TestServer,
  work: () => Promise<unknown>,
): Promise<number> => {
  const original = server.dataSource.logger;
  let count = 0;
  const counting: Logger = {
    logQuery: (query: string) => {
      // The cache-version poll runs on its own clock, not on behalf of the request.
      if (!query.includes('auth_cache_version')) count += 1;
    },
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  server.dataSource.logger = counting;
  try {
    await work();
  } finally {
    server.dataSource.logger = original;
  }
  return count;
};
