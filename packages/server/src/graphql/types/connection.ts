import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.js';

/** The Relay page arguments every list takes (keyset cursors, never offsets). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true })
  last?: number;

  @Field(() => String, { nullable: true })
  before?: string;
}

/** What a list says about its count (it differs: some lists cap lower, some count beside). */
export interface CountDescriptions {
  totalCount: string;
  totalCountCapped: string;
}

export const COUNTED_TO_10_000: CountDescriptions = {
  totalCount: 'Matching rows, counted up to 10,000.',
  totalCountCapped: 'More than 10,000 rows match: totalCount is 10,000.',
};

/**
 * A Relay connection of `node`, named `<name>Connection` with edges `<name>Edge`. Counts may
 * be promises: a list whose count runs beside its page resolves them last.
 */
export const connectionTypes = <Node extends object>(
  name: string,
  node: ClassType<Node>,
  counts: CountDescriptions = COUNTED_TO_10_000,
) => {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: Node;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: counts.totalCount })
    totalCount: number | Promise<number>;

    @Field(() => Boolean, { description: counts.totalCountCapped })
    totalCountCapped: boolean | Promise<boolean>;
  }

  return { Edge, Connection };
};
