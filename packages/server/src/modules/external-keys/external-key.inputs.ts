import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../graphql/types/connection.js';
import { SortDirection } from '../../graphql/types/sort-direction.js';
import { ApiKeyStatus } from '../api-keys/api-key.entity.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';

export enum ExternalKeySortField {
  KEY = 'KEY',
  ADDED_AT = 'ADDED_AT',
  STATUS = 'STATUS',
  OWNER_ACCOUNT = 'OWNER_ACCOUNT',
}
registerEnumType(ExternalKeySortField, { name: 'ExternalKeySortField' });

@InputType()
export class ExternalKeyFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Substring of the key or owner account, any case.',
  })
  search?: string | null;

  @Field(() => ApiKeyStatus, { nullable: true })
  status?: ApiKeyStatus | null;

  @Field(() => [ID], { nullable: true, description: 'Keys holding any of these roles here.' })
  roleIds?: string[] | null;
}

@InputType()
export class ExternalKeyOrder {
  @Field(() => ExternalKeySortField, { defaultValue: ExternalKeySortField.ADDED_AT })
  field: ExternalKeySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}

export const ExternalKeyConnection = connectionTypes('ExternalKey', KeyGrant).Connection;
export type ExternalKeyConnection = InstanceType<typeof ExternalKeyConnection>;

@InputType()
export class AddExternalKeyInput {
  @Field(() => String, { description: "The other account's key identifier, e.g. kw-partner-…" })
  key: string;

  @Field(() => [ID], { defaultValue: [] })
  roleIds: string[];
}

@ObjectType()
export class AddExternalKeyPayload {
  @Field(() => KeyGrant)
  externalKey: KeyGrant;
}

@InputType()
export class UpdateExternalKeyInput {
  @Field(() => ID)
  id: string;

  @Field(() => [ID], { description: 'Replaces the roles this account grants the key.' })
  roleIds: string[];
}

@ObjectType()
export class UpdateExternalKeyPayload {
  @Field(() => KeyGrant)
  externalKey: KeyGrant;
}

@InputType()
export class RemoveExternalKeyInput {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Also deactivate, in the same change, the keys of this account that this key generated here (see keysCreatedHere). Refused (FORBIDDEN) if one of them holds a resource the caller lacks.',
  })
  deactivateKeysItCreated: boolean;
}

@ObjectType()
export class RemoveExternalKeyPayload {
  @Field(() => ID)
  removedExternalKeyId: string;

  @Field(() => Int, { description: 'Keys deactivated with the removal (0 unless asked).' })
  deactivatedKeyCount: number;
}
