import { Arg, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { PageInfo, connectionOf } from '../../graphql/types/page-info.js';
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

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEvent)
  node: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Matching rows, counted up to 10,000.' })
  totalCount: number;

  @Field(() => Boolean, { description: 'More than 10,000 rows match: totalCount is 10,000.' })
  totalCountCapped: boolean;
}

@Resolver(() => AuditEvent)
export class AuditLogResolver {
  @Query(() => AuditEventConnection, {
    description: 'The audit trail of the current account, newest first.',
  })
  async auditEvents(
    @Ctx() context: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
  ): Promise<AuditEventConnection> {
    const page = await context.services.auditLog.list(context, filter ?? {}, {
      first,
      after,
      last,
      before,
    });
    return connectionOf(page);
  }
}
