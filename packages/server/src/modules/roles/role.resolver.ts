import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Resource } from './resource.type.js';
import { Role } from './role.entity.js';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role], { description: 'Predefined roles first, then custom roles by name.' })
  roles(@Ctx() context: GraphQLContext): Promise<Role[]> {
    return context.services.roles.listRoles(context);
  }

  @Query(() => [Resource])
  resources(@Ctx() context: GraphQLContext): readonly Resource[] {
    return context.services.roles.listResources(context);
  }

  @FieldResolver(() => [Resource], { name: 'resources' })
  roleResources(@Root() role: Role, @Ctx() context: GraphQLContext): Promise<Resource[]> {
    return context.loaders.roleResources.load(role.id);
  }
}
