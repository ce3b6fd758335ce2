import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Account } from '../accounts/account.entity.js';
import { User } from './user.entity.js';

export enum PrincipalKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(PrincipalKind, { name: 'PrincipalKind' });

@ObjectType({ description: 'The API key making the request, when a key is the caller.' })
export class ApiKeyIdentity {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  key: string;
}

@ObjectType({ description: 'The caller: a signed-in user or an API key, in its current account.' })
export class Me {
  @Field(() => PrincipalKind)
  kind: PrincipalKind;

  @Field(() => User, { nullable: true })
  user: User | null;

  @Field(() => ApiKeyIdentity, { nullable: true })
  apiKey: ApiKeyIdentity | null;

  @Field(() => Account)
  account: Account;

  @Field(() => [Account], { description: 'Accounts the caller can switch to.' })
  accounts: Account[];

  @Field(() => [String], {
    description: 'Resource keys held in the current account, e.g. license-manager:view-api-keys.',
  })
  resources: string[];
}

@InputType()
export class SignInInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;
}

@ObjectType()
export class SignInPayload {
  @Field(() => Me)
  me: Me;
}

@ObjectType()
export class SignOutPayload {
  @Field(() => Boolean)
  signedOut: boolean;
}

@InputType()
export class SwitchAccountInput {
  @Field(() => ID)
  accountId: string;
}

@ObjectType()
export class SwitchAccountPayload {
  @Field(() => Me)
  me: Me;
}

@InputType()
export class SetPasswordInput {
  @Field(() => String, { description: 'The secret from the invitation link.' })
  token: string;

  @Field(() => String, { description: '12 to 200 characters.' })
  password: string;
}

@ObjectType()
export class SetPasswordPayload {
  @Field(() => Boolean)
  passwordSet: boolean;

  @Field(() => String, { description: 'The email to sign in with.' })
  email: string;
}
