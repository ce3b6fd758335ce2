import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKey } from '../api-keys/api-key.entity.js';

export enum UsageGranularity {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(UsageGranularity, {
  name: 'UsageGranularity',
  description:
    'Bucket size. Hours older than 7 days are kept as days: their day shows in its first hour.',
});

@ObjectType({ description: 'Verifications with one outcome: VALID or a refusal code.' })
export class OutcomeCount {
  @Field(() => String, {
    description: 'VALID, INVALID_CREDENTIALS, INACTIVE, EXPIRED, FORBIDDEN, RATE_LIMITED…',
  })
  outcome: string;

  @Field(() => GraphQLSafeInt)
  count: number;
}

@ObjectType()
export class UsageBucket {
  @Field(() => Date, { description: 'Start of the hour or UTC day.' })
  start: Date;

  @Field(() => GraphQLSafeInt)
  total: number;

  @Field(() => [OutcomeCount], { description: 'Only outcomes that occurred, by outcome name.' })
  outcomes: OutcomeCount[];
}

@ObjectType({ description: 'Verifications from one source address.' })
export class SourceCount {
  @Field(() => String)
  address: string;

  @Field(() => GraphQLSafeInt)
  count: number;
}

@ObjectType({ description: 'Verifications of a key in a range (UTC), every bucket included.' })
export class KeyUsage {
  @Field(() => Date, { description: 'The range asked for, widened to whole buckets.' })
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => UsageGranularity)
  granularity: UsageGranularity;

  @Field(() => [UsageBucket])
  buckets: UsageBucket[];

  @Field(() => [OutcomeCount])
  totals: OutcomeCount[];

  @Field(() => [SourceCount], {
    description: 'The 10 busiest source addresses (each day keeps its top 10 once over).',
  })
  topSources: SourceCount[];
}

@ObjectType()
export class KeyUsageTotal {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field(() => GraphQLSafeInt)
  total: number;

  @Field(() => GraphQLSafeInt)
  valid: number;

  @Field(() => GraphQLSafeInt, { description: 'Every outcome but VALID.' })
  refused: number;
}

@ObjectType({
  description:
    "Usage of the keys this account generated. External keys are left out: their usage is their owner account's.",
})
export class AccountUsage {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => [KeyUsageTotal], { description: 'Most verified first.' })
  topKeys: KeyUsageTotal[];
}
