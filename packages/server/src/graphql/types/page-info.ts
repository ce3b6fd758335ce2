import { awaitedLater, type Counted, type Counting, type Page } from '../../common/keyset.js';
import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const pageInfoOf = (page: {
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}): PageInfo => ({
  hasNextPage: page.hasNextPage,
  hasPreviousPage: page.hasPreviousPage,
  startCursor: page.cursors[0] ?? null,
  endCursor: page.cursors.at(-1) ?? null,
});

/** A Relay connection's edges and page info from a keyset page. */
const edgesOf = <Node>(
  page: Page<Node>,
): { edges: { node: Node; cursor: string }[]; pageInfo: PageInfo } => ({
  edges: page.rows.map((node, index) => ({ node, cursor: page.cursors[index] as string })),
  pageInfo: pageInfoOf(page),
});

/** A Relay connection from a keyset page and its capped count. */
export const connectionOf = <Node>(page: Page<Node> & Counted) => ({
  ...edgesOf(page),
  totalCount: page.totalCount,
  totalCountCapped: page.totalCountCapped,
});

/** A Relay connection whose count resolves beside its rows (see `Counting`). */
export const countingConnectionOf = <Node>(page: Page<Node> & Counting) => ({
  ...edgesOf(page),
  totalCount: awaitedLater(page.counting.then((counted) => counted.totalCount)),
  totalCountCapped: awaitedLater(page.counting.then((counted) => counted.totalCountCapped)),
});
