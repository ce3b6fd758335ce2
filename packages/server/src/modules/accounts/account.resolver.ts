import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { Account } from './account.entity.js';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { description: "The caller's current account." })
  account(@Ctx() context: GraphQLContext): Promise<Account> {
    return context.services.accounts.current(context);
  }
}
