import { Arg, Args, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { connectionTypes, PageArgs } from '../../graphql/types/connection.js';
import { connectionOf } from '../../graphql/types/page-info.js';
import { AuditEvent } from './audit-event.entity.js';

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: "Substring of the actor's email or key." })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact action, e.g. api-key.deleted.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Substring of the target key.' })
  targetKey?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

export const AuditEventConnection = connectionTypes('AuditEvent', AuditEvent).Connection;
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

@Resolver(() => AuditEvent)
export class AuditLogResolver {
  @Query(() => AuditEventConnection, {
    description: 'The audit trail of the current account, newest first.',
  })
  async auditEvents(
    @Ctx() context: GraphQLContext,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
  ): Promise<AuditEventConnection> {
    return connectionOf(await context.services.auditLog.list(context, filter ?? {}, pageArgs));
  }
}
