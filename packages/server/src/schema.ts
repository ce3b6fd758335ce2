import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from './modules/accounts/account.resolver.js';
import { ApiKeyResolver } from './modules/api-keys/api-key.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { ApiTokenResolver } from './modules/api-keys/api-token.resolver.js';
import { ApiKeySettingsResolver } from './modules/settings/api-key-settings.resolver.js';
import { AuditLogResolver } from './modules/audit/audit-log.resolver.js';
import { RoleResolver } from './modules/roles/role.resolver.js';
import { InvitationResolver } from './modules/accounts/invitation.resolver.js';
import { MemberResolver } from './modules/accounts/member.resolver.js';
import { ExternalKeyResolver } from './modules/external-keys/external-key.resolver.js';
import { AccountUsageResolver, ApiKeyUsageResolver } from './modules/usage/usage.resolver.js';
import { WebhookEndpointResolver } from './modules/webhooks/webhook-endpoint.resolver.js';

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql metadata is global. */
export const keywardSchema = (): Promise<GraphQLSchema> => {
  built ??= buildSchema({
    resolvers: [
      AuthResolver,
      AccountResolver,
      MemberResolver,
      InvitationResolver,
      RoleResolver,
      ApiKeyResolver,
      ExternalKeyResolver,
      ApiTokenResolver,
      ApiKeySettingsResolver,
      AuditLogResolver,
      ApiKeyUsageResolver,
      AccountUsageResolver,
      WebhookEndpointResolver,
    ],
    // Services validate and answer coded errors; class-validator is not used.
    validate: false,
  });
  return built;
};

/** The committed `schema.graphql`: sorted so diffs show real changes only. */
export const printKeywardSchema = async (): Promise<string> =>
  `${printSchema(lexicographicSortSchema(await keywardSchema()))}\n`;
