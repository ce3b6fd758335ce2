import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { ApiKey, KeyCreatorType } from './api-key.entity.js';

export enum KeyCreatorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
  EXTERNAL_KEY = 'EXTERNAL_KEY',
}
registerEnumType(KeyCreatorKind, {
  name: 'KeyCreatorKind',
  valuesConfig: {
    USER: { description: 'A member, signed in.' },
    API_KEY: { description: "One of the account's own keys." },
    EXTERNAL_KEY: { description: "Another account's key granted roles in this one." },
  },
});

export const KIND_OF_TYPE: Record<KeyCreatorType, KeyCreatorKind> = {
  user: KeyCreatorKind.USER,
  'api-key': KeyCreatorKind.API_KEY,
  'external-key': KeyCreatorKind.EXTERNAL_KEY,
};
export const TYPE_OF_KIND: Record<KeyCreatorKind, KeyCreatorType> = {
  [KeyCreatorKind.USER]: 'user',
  [KeyCreatorKind.API_KEY]: 'api-key',
  [KeyCreatorKind.EXTERNAL_KEY]: 'external-key',
};

@ObjectType({
  description: 'Who generated a key, as recorded then: kept when the creator is gone.',
})
export class KeyCreator {
  @Field(() => KeyCreatorKind)
  kind: KeyCreatorKind;

  @Field(() => ID, { description: "The user's id, or the creating key's id." })
  id: string;

  @Field(() => String, { description: "The user's email, or the creating key's identifier." })
  label: string;

  @Field(() => String, {
    nullable: true,
    description: 'For an external key: the slug of the account that owns it.',
  })
  accountSlug: string | null;
}

/** Null when unknown: keys generated before creators were recorded, missing from the audit log. */
export const creatorOf = (apiKey: ApiKey): KeyCreator | null =>
  apiKey.createdByType && apiKey.createdById
    ? {
        kind: KIND_OF_TYPE[apiKey.createdByType],
        id: apiKey.createdById,
        label: apiKey.createdByLabel ?? '',
        accountSlug: apiKey.createdByAccountSlug,
      }
    : null;

@InputType()
export class KeyCreatorFilter {
  @Field(() => KeyCreatorKind)
  kind: KeyCreatorKind;

  @Field(() => ID, {
    nullable: true,
    description: 'One creator of that kind; without it, every creator of that kind.',
  })
  id?: string | null;
}
