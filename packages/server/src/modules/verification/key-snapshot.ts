import type { DataSource } from 'typeorm';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';
import { KeyGrantRole } from '../api-keys/key-grant-role.entity.js';
import {
  ApiKeySettings,
  DEFAULT_DURATION_DAYS,
  TokenEnforcement,
} from '../settings/api-key-settings.entity.js';
import { Role } from '../roles/role.entity.js';
import { RoleResource } from '../roles/role-resource.entity.js';

export interface GrantSnapshot {
  grantId: string;
  roles: string[];
  resources: Set<string>;
}

/** Everything verifying one key needs, so a cached verification touches no database. */
export interface KeySnapshot {
  apiKeyId: string;
  key: string;
  ownerAccountId: string;
  active: boolean;
  tokens: { id: string; hash: string; createdAt: Date; expiresAt: Date | null }[];
  durationDays: number;
  enforced: boolean;
  /** By account id: the key's own account and every account that granted it roles. */
  grants: Map<string, GrantSnapshot>;
}

/** Four indexed queries, whatever the number of grants and roles. */
export const loadKeySnapshot = async (
  dataSource: DataSource,
  key: string,
): Promise<KeySnapshot | null> => {
  const apiKey = await dataSource.getRepository(ApiKey).findOneBy({ key });
  if (!apiKey) return null;
  const [tokens, settings, grants] = await Promise.all([
    dataSource.getRepository(ApiToken).findBy({ apiKeyId: apiKey.id }),
    dataSource.getRepository(ApiKeySettings).findOneBy({ accountId: apiKey.accountId }),
    dataSource.getRepository(KeyGrant).findBy({ apiKeyId: apiKey.id }),
  ]);
  const grantIds = grants.map((grant) => grant.id);
  const rows = grantIds.length
    ? await dataSource
        .getRepository(KeyGrantRole)
        .createQueryBuilder('gr')
        .innerJoin(Role, 'r', 'r.id = gr.roleId')
        .leftJoin(RoleResource, 'rr', 'rr.roleId = gr.roleId')
        .select('gr.grantId', 'grantId')
        .addSelect('r.name', 'roleName')
        .addSelect('rr.resourceKey', 'resourceKey')
        .where('gr.grantId IN (:...grantIds)', { grantIds })
        .getRawMany<{ grantId: string; roleName: string; resourceKey: string | null }>()
    : [];
  const byAccount = new Map<string, GrantSnapshot>();
  for (const grant of grants) {
    const mine = rows.filter((row) => row.grantId === grant.id);
    byAccount.set(grant.accountId, {
      grantId: grant.id,
      roles: [...new Set(mine.map((row) => row.roleName))].sort(),
      resources: new Set(mine.flatMap((row) => (row.resourceKey ? [row.resourceKey] : []))),
    });
  }
  return {
    apiKeyId: apiKey.id,
    key: apiKey.key,
    ownerAccountId: apiKey.accountId,
    active: apiKey.active,
    tokens: tokens.map((token) => ({
      id: token.id,
      hash: token.tokenHash,
      createdAt: token.createdAt,
      expiresAt: token.expiresAt,
    })),
    durationDays: settings?.tokenDurationDays ?? DEFAULT_DURATION_DAYS,
    enforced: settings?.enforcement === TokenEnforcement.ENFORCE,
    grants: byAccount,
  };
};
