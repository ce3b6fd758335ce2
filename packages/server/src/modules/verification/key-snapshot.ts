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
import { tokenDueAt } from '../tokens/token-age.js';
import { RoleResource } from '../roles/role-resource.entity.js';
import {
  allowlistFromColumn,
  compileAllowlist,
  type AddressMatcher,
} from '../api-keys/address-allowlist.js';
import type { UseBudget } from './key-use-budget.js';

export interface GrantSnapshot {
  grantId: string;
  roles: readonly string[];
  resources: ReadonlySet<string>;
  /** The same resources, sorted once for every answer that lists them. */
  sortedResources: readonly string[];
}

export interface TokenSnapshot {
  id: string;
  /** The stored HMAC as bytes, compared in constant time. */
  hash: Buffer;
  expiresAt: Date | null;
  /** When the account's duration policy says it is due for renewal. */
  dueAt: Date;
}

/** Everything verifying one key needs, so a cached verification touches no database. */
export interface KeySnapshot {
  apiKeyId: string;
  key: string;
  ownerAccountId: string;
  active: boolean;
  tokens: TokenSnapshot[];
  enforced: boolean;
  /** By account id: the key's own account and every account that granted it roles. */
  grants: Map<string, GrantSnapshot>;
  /** P1: canonical entries; empty when the key may be used from anywhere. */
  allowedAddresses: readonly string[];
  /** The same entries compiled once per snapshot; null when unrestricted. */
  allowlist: AddressMatcher | null;
  /** P2: successful uses allowed; null when the key has no budget (the synchronous path). */
  budget: UseBudget | null;
}

/** Four indexed queries, whatever the number of grants and roles. */
export const loadKeySnapshot = async (
  dataSource: DataSource,
  key: string,
): Promise<KeySnapshot | null> => {
  const apiKey = await dataSource.getRepository(ApiKey).findOneBy({ key });
  // MySQL's collation also matches other spellings (case, trailing spaces, accents): exact only.
  if (!apiKey || apiKey.key !== key) return null;
  const [tokens, settings, grants] = await Promise.all([
    dataSource.getRepository(ApiToken).findBy({ apiKeyId: apiKey.id }),
    dataSource.getRepository(ApiKeySettings).findOneBy({ accountId: apiKey.accountId }),
    dataSource.getRepository(KeyGrant).findBy({ apiKeyId: apiKey.id }),
  ]);
  const durationDays = settings?.tokenDurationDays ?? DEFAULT_DURATION_DAYS;
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
    const resources = new Set(mine.flatMap((row) => (row.resourceKey ? [row.resourceKey] : [])));
    byAccount.set(grant.accountId, {
      grantId: grant.id,
      roles: [...new Set(mine.map((row) => row.roleName))].sort(),
      resources,
      sortedResources: [...resources].sort(),
    });
  }
  const allowedAddresses = allowlistFromColumn(apiKey.allowedAddressList);
  const { rateLimitPerMinute: perMinute, rateLimitPerDay: perDay } = apiKey;
  return {
    allowedAddresses,
    allowlist: compileAllowlist(allowedAddresses),
    budget: perMinute !== null || perDay !== null ? { perMinute, perDay } : null,
    apiKeyId: apiKey.id,
    key: apiKey.key,
    ownerAccountId: apiKey.accountId,
    active: apiKey.active,
    tokens: tokens.map((token) => ({
      id: token.id,
      hash: Buffer.from(token.tokenHash, 'hex'),
      expiresAt: token.expiresAt,
      dueAt: tokenDueAt(token.createdAt, durationDays),
    })),
    enforced: settings?.enforcement === TokenEnforcement.ENFORCE,
    grants: byAccount,
  };
};
