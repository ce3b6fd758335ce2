import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { AccountUsage, KeyUsage, UsageGranularity } from './usage.types.js';

@Resolver(() => ApiKey)
export class ApiKeyUsageResolver {
  @FieldResolver(() => KeyUsage, {
    description: 'Verifications of this key in a range: at most 92 days and 2,200 buckets.',
  })
  async usage(
    @Root() apiKey: ApiKey,
    @Ctx() context: GraphQLContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('granularity', () => UsageGranularity, { defaultValue: UsageGranularity.HOUR })
    granularity: UsageGranularity,
  ): Promise<KeyUsage> {
    const report = await context.services.usage.keyUsage(context, apiKey, {
      from,
      to,
      granularity,
    });
    return { ...report, granularity };
  }

  @FieldResolver(() => [GraphQLSafeInt], {
    description:
      'Verifications per UTC day over the last 7 days, today last (a sparkline); empty for a key of another account.',
  })
  usageLast7Days(@Root() apiKey: ApiKey, @Ctx() context: GraphQLContext): Promise<number[]> {
    return context.loaders.usageLast7Days.load(apiKey.id);
  }
}

@Resolver()
export class AccountUsageResolver {
  @Query(() => AccountUsage, {
    description: 'The most verified keys this account generated in a range (at most 92 days).',
  })
  async usage(
    @Ctx() context: GraphQLContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
  ): Promise<AccountUsage> {
    return { from, to, topKeys: await context.services.usage.topKeys(context, from, to, first) };
  }
}
