import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { resourcesViewerLacks, VIEWER_LACKS_DESCRIPTION } from '../auth/viewer-authority.js';
import { Resource } from './resource.type.js';
import { Role } from './role.entity.js';
import {
  CreateRoleInput,
  CreateRolePayload,
  DeleteRoleInput,
  DeleteRolePayload,
  RoleHolders,
  UpdateRoleInput,
  UpdateRolePayload,
} from './role.inputs.js';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role], { description: 'Predefined roles first, then custom roles by name.' })
  roles(@Ctx() context: GraphQLContext): Promise<Role[]> {
    return context.services.roles.listRoles(context);
  }

  @Query(() => RoleHolders, {
    description: 'Who holds the role in this account, shown before deleting it. Edit Roles.',
  })
  roleHolders(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<RoleHolders> {
    return context.services.roleAdmin.holders(context, id);
  }

  @Query(() => [Resource])
  resources(@Ctx() context: GraphQLContext): readonly Resource[] {
    return context.services.roles.listResources(context);
  }

  @FieldResolver(() => [Resource], { name: 'resources' })
  roleResources(@Root() role: Role, @Ctx() context: GraphQLContext): Promise<Resource[]> {
    return context.loaders.roleResources.load(role.id);
  }

  @FieldResolver(() => [Resource], { description: VIEWER_LACKS_DESCRIPTION })
  viewerLacks(@Root() role: Role, @Ctx() context: GraphQLContext): Promise<Resource[]> {
    return resourcesViewerLacks(context, [role]);
  }

  @Mutation(() => CreateRolePayload)
  async createRole(
    @Arg('input', () => CreateRoleInput) input: CreateRoleInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateRolePayload> {
    return { role: await context.services.roleAdmin.create(context, input) };
  }

  @Mutation(() => UpdateRolePayload, {
    description: 'Custom roles only; predefined roles are read-only.',
  })
  async updateRole(
    @Arg('input', () => UpdateRoleInput) input: UpdateRoleInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateRolePayload> {
    return { role: await context.services.roleAdmin.update(context, input) };
  }

  @Mutation(() => DeleteRolePayload, {
    description: 'Refused with CONFLICT while users or keys hold the role.',
  })
  async deleteRole(
    @Arg('input', () => DeleteRoleInput) input: DeleteRoleInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteRolePayload> {
    return { deletedRoleId: await context.services.roleAdmin.delete(context, input.id) };
  }
}
