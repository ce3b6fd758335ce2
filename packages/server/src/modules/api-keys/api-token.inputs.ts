import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKey } from './api-key.entity.js';

export enum OldTokenFate {
  DELETE_NOW = 'DELETE_NOW',
  KEEP_UNTIL_DELETED = 'KEEP_UNTIL_DELETED',
  EXPIRE_IN_1_HOUR = 'EXPIRE_IN_1_HOUR',
  EXPIRE_IN_24_HOURS = 'EXPIRE_IN_24_HOURS',
  EXPIRE_IN_7_DAYS = 'EXPIRE_IN_7_DAYS',
}
registerEnumType(OldTokenFate, {
  name: 'OldTokenFate',
  description: 'When the old token dies after a renewal. Until then both tokens work.',
});

@InputType()
export class RenewApiTokenInput {
  @Field(() => ID)
  id: string;

  @Field(() => OldTokenFate)
  oldToken: OldTokenFate;
}

@ObjectType()
export class RenewApiTokenPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field(() => String, {
    description: 'The new token, shown in this response only and never again.',
  })
  token: string;
}

@InputType()
export class DeleteOldTokenInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class DeleteOldTokenPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class UndoRenewalInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class UndoRenewalPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class CreateSingleAccessLinkInput {
  @Field(() => ID)
  apiKeyId: string;

  @Field(() => String, {
    description:
      'The token just revealed (at most 15 minutes old); the app forgets it once the link exists.',
  })
  token: string;
}

@ObjectType()
export class CreateSingleAccessLinkPayload {
  @Field(() => String, {
    description: 'Path of the page that reveals the token once, e.g. /credentials/…',
  })
  path: string;

  @Field(() => Date, { description: 'The link dies then, or at its first opening.' })
  expiresAt: Date;
}

@InputType()
export class RevealSingleAccessLinkInput {
  @Field(() => String, { description: 'The secret part of /credentials/<id>.' })
  id: string;
}

@ObjectType()
export class RevealSingleAccessLinkPayload {
  @Field(() => String)
  key: string;

  @Field(() => String)
  token: string;
}

@ObjectType({ description: 'Counts for the banner of the Generated tab.' })
export class ApiKeyAlertSummary {
  @Field(() => Int, { description: 'Keys whose token is past the duration.' })
  orange: number;

  @Field(() => Int, { description: 'Keys whose token is three months or more past the duration.' })
  red: number;

  @Field(() => Int, { description: 'Keys renewed whose old token still works.' })
  pendingOldTokenDeletions: number;
}
