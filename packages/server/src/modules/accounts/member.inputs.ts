import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Membership } from './membership.entity.js';

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
