import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { PageArgs } from '../../graphql/types/connection.js';
import { connectionOf } from '../../graphql/types/page-info.js';
import { SortDirection } from '../../graphql/types/sort-direction.js';
import { Account } from '../accounts/account.entity.js';
import { ApiKeyStatus } from '../api-keys/api-key.entity.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';
import { Role } from '../roles/role.entity.js';
import { Resource } from '../roles/resource.type.js';
import {
  resourceKeysViewerLacks,
  resourcesViewerLacks,
  VIEWER_LACKS_DESCRIPTION,
} from '../auth/viewer-authority.js';
import {
  AddExternalKeyInput,
  AddExternalKeyPayload,
  ExternalKeyConnection,
  ExternalKeyFilter,
  ExternalKeyOrder,
  ExternalKeySortField,
  RemoveExternalKeyInput,
  RemoveExternalKeyPayload,
  UpdateExternalKeyInput,
  UpdateExternalKeyPayload,
} from './external-key.inputs.js';

/** Every ExternalKey is loaded with its key and owner account joined. */
const keyOf = (grant: KeyGrant) => {
  if (!grant.apiKey) throw new Error('ExternalKey loaded without its key');
  return grant.apiKey;
};

@Resolver(() => KeyGrant)
export class ExternalKeyResolver {
  @Query(() => ExternalKeyConnection, {
    description: 'Keys of other accounts granted roles here (the External tab).',
  })
  async externalKeys(
    @Ctx() context: GraphQLContext,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg('filter', () => ExternalKeyFilter, { nullable: true }) filter?: ExternalKeyFilter,
    @Arg('orderBy', () => ExternalKeyOrder, { nullable: true }) orderBy?: ExternalKeyOrder,
  ): Promise<ExternalKeyConnection> {
    const page = await context.services.externalKeys.list(context, {
      ...pageArgs,
      search: filter?.search,
      status: filter?.status,
      roleIds: filter?.roleIds,
      sortField: orderBy?.field ?? ExternalKeySortField.ADDED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
    });
    return connectionOf(page);
  }

  @FieldResolver(() => String, {
    description: 'The public key identifier. Name and token stay with the owner.',
  })
  key(@Root() grant: KeyGrant): string {
    return keyOf(grant).key;
  }

  @FieldResolver(() => ApiKeyStatus, { description: 'The status the owner account set.' })
  status(@Root() grant: KeyGrant): ApiKeyStatus {
    return keyOf(grant).status;
  }

  @FieldResolver(() => Account)
  ownerAccount(@Root() grant: KeyGrant): Account {
    const owner = keyOf(grant).account;
    if (!owner) throw new Error('ExternalKey loaded without its owner account');
    return owner;
  }

  @FieldResolver(() => [Role], { description: 'Roles this account grants the key.' })
  roles(@Root() grant: KeyGrant, @Ctx() context: GraphQLContext): Promise<Role[]> {
    return context.loaders.grantRoles.load(grant.id);
  }

  @FieldResolver(() => [Resource], { description: VIEWER_LACKS_DESCRIPTION })
  async viewerLacks(@Root() grant: KeyGrant, @Ctx() context: GraphQLContext): Promise<Resource[]> {
    return resourcesViewerLacks(context, await context.loaders.grantRoles.load(grant.id));
  }

  @FieldResolver(() => Int, {
    description:
      'Active keys of this account that this key generated here, while it held a grant: the keys removeExternalKey can deactivate with it.',
  })
  keysCreatedHere(@Root() grant: KeyGrant, @Ctx() context: GraphQLContext): Promise<number> {
    return context.loaders.keysCreatedHere.load(grant.apiKeyId);
  }

  @FieldResolver(() => [Resource], {
    description:
      'Resources the keys counted in keysCreatedHere hold (wherever they are granted) that the viewer does not. While any are listed, removeExternalKey refuses to deactivate them with it (hold what you touch).',
  })
  async keysCreatedHereViewerLacks(
    @Root() grant: KeyGrant,
    @Ctx() context: GraphQLContext,
  ): Promise<Resource[]> {
    return resourceKeysViewerLacks(
      context,
      await context.loaders.keysCreatedHereResources.load(grant.apiKeyId),
    );
  }

  @Mutation(() => AddExternalKeyPayload)
  async addExternalKey(
    @Arg('input', () => AddExternalKeyInput) input: AddExternalKeyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AddExternalKeyPayload> {
    return { externalKey: await context.services.externalKeys.add(context, input) };
  }

  @Mutation(() => UpdateExternalKeyPayload)
  async updateExternalKey(
    @Arg('input', () => UpdateExternalKeyInput) input: UpdateExternalKeyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateExternalKeyPayload> {
    return { externalKey: await context.services.externalKeys.updateRoles(context, input) };
  }

  @Mutation(() => RemoveExternalKeyPayload, {
    description: 'The key loses all access to this account at once.',
  })
  async removeExternalKey(
    @Arg('input', () => RemoveExternalKeyInput) input: RemoveExternalKeyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RemoveExternalKeyPayload> {
    const removed = await context.services.externalKeys.remove(context, input.id, {
      deactivateKeysItCreated: input.deactivateKeysItCreated ?? false,
    });
    return { removedExternalKeyId: removed.id, deactivatedKeyCount: removed.deactivatedKeyCount };
  }
}
