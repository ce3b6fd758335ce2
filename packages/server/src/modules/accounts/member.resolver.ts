import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { Resource } from '../roles/resource.type.js';
import { resourcesViewerLacks, VIEWER_LACKS_DESCRIPTION } from '../auth/viewer-authority.js';
import { Role } from '../roles/role.entity.js';
import {
  RemoveMemberInput,
  RemoveMemberPayload,
  UpdateMemberInput,
  UpdateMemberPayload,
} from './member.inputs.js';
import { Membership } from './membership.entity.js';

@Resolver(() => Membership)
export class MemberResolver {
  @Query(() => [Membership], { description: 'Members of the current account, oldest first.' })
  members(@Ctx() context: GraphQLContext): Promise<Membership[]> {
    return context.services.members.list(context);
  }

  @FieldResolver(() => [Role], { description: 'Roles the member holds in this account.' })
  roles(@Root() member: Membership, @Ctx() context: GraphQLContext): Promise<Role[]> {
    return context.loaders.memberRoles.load(member.id);
  }

  @FieldResolver(() => [Resource], { description: VIEWER_LACKS_DESCRIPTION })
  async viewerLacks(
    @Root() member: Membership,
    @Ctx() context: GraphQLContext,
  ): Promise<Resource[]> {
    return resourcesViewerLacks(context, await context.loaders.memberRoles.load(member.id));
  }

  @Mutation(() => UpdateMemberPayload, {
    description: 'The last Owner (Admin Super) cannot be demoted.',
  })
  async updateMember(
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateMemberPayload> {
    return { member: await context.services.members.updateRoles(context, input) };
  }

  @Mutation(() => RemoveMemberPayload, {
    description: 'The last Owner (Admin Super) cannot be removed.',
  })
  async removeMember(
    @Arg('input', () => RemoveMemberInput) input: RemoveMemberInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RemoveMemberPayload> {
    return { removedMemberId: await context.services.members.remove(context, input.id) };
  }
}
