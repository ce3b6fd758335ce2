import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Role } from './role.entity.js';

@InputType()
export class CreateRoleInput {
  @Field(() => String, { description: '1 to 100 characters, unique in the account.' })
  name: string;

  @Field(() => [ID], { description: 'Resource keys; you can only include resources you hold.' })
  resourceKeys: string[];
}

@ObjectType()
export class CreateRolePayload {
  @Field(() => Role)
  role: Role;
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the resources of the role.' })
  resourceKeys?: string[] | null;
}

@ObjectType()
export class UpdateRolePayload {
  @Field(() => Role)
  role: Role;
}

@InputType()
export class DeleteRoleInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class DeleteRolePayload {
  @Field(() => ID)
  deletedRoleId: string;
}

@ObjectType()
export class RoleHolderUser {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;
}

@ObjectType()
export class RoleHolderKey {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  key: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, {
    description: "True for another account's key granted here (External tab).",
  })
  external: boolean;
}

@ObjectType({ description: 'Who holds a role in this account (at most 20 of each, with counts).' })
export class RoleHolders {
  @Field(() => Int)
  userCount: number;

  @Field(() => Int)
  apiKeyCount: number;

  @Field(() => [RoleHolderUser])
  users: RoleHolderUser[];

  @Field(() => [RoleHolderKey])
  apiKeys: RoleHolderKey[];
}
