import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { Role } from '../roles/role.entity.js';
import { Resource } from '../roles/resource.type.js';
import { resourcesViewerLacks, VIEWER_LACKS_DESCRIPTION } from '../auth/viewer-authority.js';
import {
  AcceptInvitationInput,
  AcceptInvitationPayload,
  InvitationPreview,
  InviteMemberInput,
  InviteMemberPayload,
  RevokeInvitationInput,
  RevokeInvitationPayload,
} from './invitation.inputs.js';
import { Invitation } from './invitation.entity.js';

@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => [Invitation], {
    description: 'Pending invitations to the current account, oldest first.',
  })
  invitations(@Ctx() context: GraphQLContext): Promise<Invitation[]> {
    return context.services.invitations.list(context);
  }

  @Query(() => InvitationPreview, {
    description: 'The invitation behind a link, for its holder. No sign-in needed.',
  })
  invitationPreview(
    @Arg('token', () => String) token: string,
    @Ctx() context: GraphQLContext,
  ): Promise<InvitationPreview> {
    return context.services.invitations.preview(token, context.ip);
  }

  @FieldResolver(() => [Role], { description: 'Roles held once the invitation is accepted.' })
  roles(@Root() invitation: Invitation, @Ctx() context: GraphQLContext): Promise<Role[]> {
    return context.loaders.invitationRoles.load(invitation.id);
  }

  @FieldResolver(() => [Resource], { description: VIEWER_LACKS_DESCRIPTION })
  async viewerLacks(
    @Root() invitation: Invitation,
    @Ctx() context: GraphQLContext,
  ): Promise<Resource[]> {
    return resourcesViewerLacks(context, await context.loaders.invitationRoles.load(invitation.id));
  }

  @Mutation(() => InviteMemberPayload, {
    description: 'Invites a person to join the current account; they join when they accept.',
  })
  inviteMember(
    @Arg('input', () => InviteMemberInput) input: InviteMemberInput,
    @Ctx() context: GraphQLContext,
  ): Promise<InviteMemberPayload> {
    return context.services.invitations.invite(context, input);
  }

  @Mutation(() => RevokeInvitationPayload, {
    description: 'Revokes a pending invitation and its link.',
  })
  async revokeInvitation(
    @Arg('input', () => RevokeInvitationInput) input: RevokeInvitationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RevokeInvitationPayload> {
    return { revokedInvitationId: await context.services.invitations.revoke(context, input.id) };
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: 'The signed-in user joins the account of an invitation sent to their email.',
  })
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AcceptInvitationPayload> {
    return { account: await context.services.invitations.accept(context, input.token) };
  }
}
