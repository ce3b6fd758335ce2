/**
 * How a page of generated keys is found. No one index serves every filter and sort, so each
 * request picks one of four plans from a few facts about it; the plans differ in cost, never in
 * the answer (`test/list-walk.test.ts` checks every plan against the same expected lists).
 */
export type ListPlan =
  /** Walk the sort's index, testing each key against the filters: right when matches are dense. */
  | 'WALK_SORT_INDEX'
  /** The in-memory name index knows the matches (at most SPARSE_MATCHES): sort only those keys. */
  | 'PAGE_AMONG_IDS'
  /** NAME order with a search held in memory: read matches in order, check them in batches. */
  | 'PAGE_FROM_NAME_INDEX'
  /** Few matches: let the database find them through the filter and sort them. */
  | 'SORT_MATCHES';

/**
 * Filters tested key by key (roles, search) are counted only this far ("1,000+"). At or below
 * it, matches are few enough to find through the filter and sort; above it they are dense
 * enough that walking the sort index finds a page within a few thousand keys.
 */
export const SPARSE_MATCHES = 1_000;

export interface PlanFacts {
  /** A filter other than status is set (search, roles, alert level, renewal, creator). */
  filtersBeyondStatus: boolean;
  /** The search's matches are known from memory, and there are at most SPARSE_MATCHES. */
  matchesKnownInMemory: boolean;
  /** NAME order, and the search can be read in that order from the in-memory index. */
  nameOrderInMemory: boolean;
}

interface Decision {
  plan: ListPlan;
  /** Whether the row reads `dense` (which may cost a count): rows above it never pay for it. */
  needsDensity: boolean;
  when: (facts: PlanFacts, dense: boolean) => boolean;
}

/** The first row that holds decides. */
const DECISIONS: readonly Decision[] = [
  // With no filter but status, walking is right whatever the count: at least one key in ten
  // matches in practice, and in a small account any walk is short.
  { plan: 'WALK_SORT_INDEX', needsDensity: false, when: (f) => !f.filtersBeyondStatus },
  { plan: 'PAGE_AMONG_IDS', needsDensity: false, when: (f) => f.matchesKnownInMemory },
  {
    plan: 'PAGE_FROM_NAME_INDEX',
    needsDensity: true,
    when: (f, dense) => dense && f.nameOrderInMemory,
  },
  { plan: 'WALK_SORT_INDEX', needsDensity: true, when: (_, dense) => dense },
  { plan: 'SORT_MATCHES', needsDensity: false, when: () => true },
];

/**
 * The plan for one request. `dense` (more than SPARSE_MATCHES keys match) is asked only when a
 * row needs it, at most once: it may cost a count.
 */
export const choosePlan = async (
  facts: PlanFacts,
  dense: () => Promise<boolean>,
): Promise<ListPlan> => {
  let known: boolean | undefined;
  for (const decision of DECISIONS) {
    if (decision.needsDensity && known === undefined) known = await dense();
    if (decision.when(facts, known ?? false)) return decision.plan;
  }
  return 'SORT_MATCHES';
};
