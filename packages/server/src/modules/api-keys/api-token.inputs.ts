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

export enum TokenReveal {
  TOKEN = 'TOKEN',
  SINGLE_ACCESS_LINK = 'SINGLE_ACCESS_LINK',
}
registerEnumType(TokenReveal, {
  name: 'TokenReveal',
  description:
    'How a new token is handed over: TOKEN in the response, or SINGLE_ACCESS_LINK only (the response then carries a link that reveals it once, and never the token).',
});

@ObjectType({ description: 'A page that reveals a token once, within 24 hours.' })
export class SingleAccessLinkInfo {
  @Field(() => String, { description: 'Path of the page, e.g. /credentials/…' })
  path: string;

  @Field(() => Date, { description: 'The link dies then, or at its first opening.' })
  expiresAt: Date;
}

@InputType()
export class RenewApiTokenInput {
  @Field(() => ID)
  id: string;

  @Field(() => OldTokenFate)
  oldToken: OldTokenFate;

  @Field(() => TokenReveal, { defaultValue: TokenReveal.TOKEN })
  reveal: TokenReveal;
}

@ObjectType()
export class RenewApiTokenPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field(() => String, {
    nullable: true,
    description:
      'The new token, shown in this response only and never again; null with reveal SINGLE_ACCESS_LINK.',
  })
  token: string | null;

  @Field(() => SingleAccessLinkInfo, {
    nullable: true,
    description: 'With reveal SINGLE_ACCESS_LINK: the only way to the new token.',
  })
  singleAccessLink: SingleAccessLinkInfo | null;
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
