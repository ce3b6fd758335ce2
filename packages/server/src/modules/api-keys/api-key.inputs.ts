import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../graphql/types/sort-direction.js';
import { PageInfo } from '../../graphql/types/page-info.js';
import { AlertLevel } from '../settings/token-age.js';
import { ApiKey, ApiKeyStatus } from './api-key.entity.js';

export enum ApiKeySortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  STATUS = 'STATUS',
  LAST_USED = 'LAST_USED',
}
registerEnumType(ApiKeySortField, { name: 'ApiKeySortField' });

@InputType()
export class ApiKeyFilter {
  @Field(() => String, { nullable: true, description: 'Substring of the name or key, any case.' })
  search?: string | null;

  @Field(() => ApiKeyStatus, { nullable: true })
  status?: ApiKeyStatus | null;

  @Field(() => [ID], { nullable: true, description: 'Keys holding any of these roles.' })
  roleIds?: string[] | null;

  @Field(() => AlertLevel, { nullable: true })
  alertLevel?: AlertLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Keys renewed whose old token still works (or not).',
  })
  renewalPending?: boolean | null;
}

@InputType()
export class ApiKeyOrder {
  @Field(() => ApiKeySortField, { defaultValue: ApiKeySortField.CREATED_AT })
  field: ApiKeySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}

@ObjectType()
export class ApiKeyEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ApiKey)
  node: ApiKey;
}

@ObjectType()
export class ApiKeyConnection {
  @Field(() => [ApiKeyEdge])
  edges: ApiKeyEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, {
    description:
      'Matching keys, counted up to 10,000; up to 1,000 when filtered by search or roles.',
  })
  totalCount: Promise<number>;

  @Field(() => Boolean, { description: 'More keys match than totalCount says.' })
  totalCountCapped: Promise<boolean>;
}

@InputType()
export class GenerateApiKeyInput {
  @Field(() => String, {
    description: 'Key identification: 1 to 100 characters, unique in the account.',
  })
  name: string;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'None is preselected: grant only what the integration needs.',
  })
  roleIds: string[];
}

@ObjectType()
export class GenerateApiKeyPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field(() => String, { description: 'The token, shown in this response only and never again.' })
  token: string;
}

@InputType()
export class UpdateApiKeyInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Replaces the roles the key holds in this account.',
  })
  roleIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ObjectType()
export class UpdateApiKeyPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class ActivateApiKeyInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class ActivateApiKeyPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class DeactivateApiKeyInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class DeactivateApiKeyPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class DeleteApiKeyInput {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean, {
    description: "Must be true: the admin ticked 'I understand that this action cannot be undone'.",
  })
  confirm: boolean;
}

@ObjectType()
export class DeleteApiKeyPayload {
  @Field(() => ID)
  deletedApiKeyId: string;
}
