import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Membership } from './membership.entity.js';

@InputType()
export class AddMemberInput {
  @Field(() => String, {
    description:
      'An unknown email creates the user, who sets a password through a single-use link.',
  })
  email: string;

  @Field(() => [ID], { defaultValue: [] })
  roleIds: string[];
}

@ObjectType()
export class AddMemberPayload {
  @Field(() => Membership)
  member: Membership;

  @Field(() => String, {
    nullable: true,
    description:
      'For a new user only: the single-use path (valid 72 hours) to give them. Shown once.',
  })
  passwordSetupPath: string | null;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => ID)
  id: string;

  @Field(() => [ID], { description: 'Replaces the roles of the member in this account.' })
  roleIds: string[];
}

@ObjectType()
export class UpdateMemberPayload {
  @Field(() => Membership)
  member: Membership;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class RemoveMemberPayload {
  @Field(() => ID)
  removedMemberId: string;
}
