import DataLoader from 'dataloader';
import type { Account } from './modules/accounts/account.entity.js';
import type { ApiToken } from './modules/api-keys/api-token.entity.js';
import type { ApiKeySettings } from './modules/settings/api-key-settings.entity.js';
import type { Caller, Principal } from './modules/auth/principal.js';
import type { Role } from './modules/roles/role.entity.js';
import type { ResourceDefinition } from './modules/roles/resource-catalog.js';
import type { Services } from './services.js';

export interface SessionCookieJar {
  set(value: string, expiresAt: Date): void;
  clear(): void;
  /** The proof of a browser that signed in before (known-device.ts), if it sent one. */
  knownDevice(): string | undefined;
  rememberDevice(proof: string): void;
}

export interface GraphQLContext extends Caller {
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
  cookies: SessionCookieJar;
}

/** Per request, so batches never leak data between callers. */
export const createLoaders = (services: Services, principal: Principal | null) => ({
  keyRoles: new DataLoader<string, Role[]>((apiKeyIds) =>
    principal
      ? services.apiKeys.rolesInAccount(principal.accountId, apiKeyIds)
      : Promise.resolve(apiKeyIds.map(() => [])),
  ),
  /** Resource keys each key holds in every account that granted it roles (hold what you touch). */
  keyResources: new DataLoader<string, Set<string>>((apiKeyIds) =>
    services.apiKeys.resourcesHeldEverywhere(apiKeyIds),
  ),
  grantRoles: new DataLoader<string, Role[]>((grantIds) => services.roles.rolesOfGrants(grantIds)),
  memberRoles: new DataLoader<string, Role[]>((memberIds) =>
    services.members.rolesOfMembers(memberIds),
  ),
  invitationRoles: new DataLoader<string, Role[]>((invitationIds) =>
    services.invitations.rolesOfInvitations(invitationIds),
  ),
  keyGrantedAccounts: new DataLoader<string, Account[]>((apiKeyIds) =>
    services.externalKeys.accountsGrantedTo(apiKeyIds),
  ),
  liveTokens: new DataLoader<string, ApiToken[]>((apiKeyIds) =>
    services.apiTokens.liveTokensOfKeys(apiKeyIds),
  ),
  settings: new DataLoader<string, ApiKeySettings>((accountIds) =>
    services.settings.forAccounts(accountIds),
  ),
  /** Active keys of the caller's account each key generated as an external key here. */
  keysCreatedHere: new DataLoader<string, number>((apiKeyIds) =>
    principal
      ? services.externalKeys.activeKeysCreatedBy(principal.accountId, apiKeyIds)
      : Promise.resolve(apiKeyIds.map(() => 0)),
  ),
  /** What those keys hold, wherever they are granted. */
  keysCreatedHereResources: new DataLoader<string, Set<string>>((apiKeyIds) =>
    principal
      ? services.externalKeys.resourcesOfKeysCreatedBy(principal.accountId, apiKeyIds)
      : Promise.resolve(apiKeyIds.map(() => new Set<string>())),
  ),
  /** Daily verifications of the last 7 days per key (the Generated tab's sparklines). */
  usageLast7Days: new DataLoader<string, number[]>((apiKeyIds) =>
    services.usage.last7Days({ principal, ip: null }, apiKeyIds),
  ),
  roleResources: new DataLoader<string, ResourceDefinition[]>((roleIds) =>
    services.roles.resourcesOfRoles(roleIds),
  ),
});
