import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Account } from './account.entity.js';
import { Invitation } from './invitation.entity.js';

@InputType()
export class InviteMemberInput {
  @Field(() => String, {
    description:
      'Answered the same whether or not the email has a Keyward account; nobody joins until they accept.',
  })
  email: string;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Roles held once the invitation is accepted.',
  })
  roleIds: string[];
}

@ObjectType()
export class InviteMemberPayload {
  @Field(() => Invitation)
  invitation: Invitation;

  @Field(() => String, {
    description:
      'The single-use path (valid 7 days) to give the invited person. Shown once; inviting the same email again replaces it.',
  })
  invitationPath: string;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class RevokeInvitationPayload {
  @Field(() => ID)
  revokedInvitationId: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The secret from the invitation link.' })
  token: string;
}

@ObjectType()
export class AcceptInvitationPayload {
  @Field(() => Account, {
    description: 'The account joined; the session has moved there.',
  })
  account: Account;
}

@ObjectType({ description: 'What the holder of an invitation link sees before accepting.' })
export class InvitationPreview {
  @Field(() => String)
  email: string;

  @Field(() => String)
  accountName: string;

  @Field(() => Date)
  expiresAt: Date;
}
