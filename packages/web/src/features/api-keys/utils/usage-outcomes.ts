import type { KeyUsageChartQuery } from '../../../gql/graphql';

/** A key's usage over a range, as the detail page's chart query returns it. */
export type Usage = NonNullable<KeyUsageChartQuery['apiKey']>['usage'];

/** Known outcomes in stacking order, each with its colour; any other code stacks as OTHER. */
export const OUTCOMES = [
  ['VALID', 'teal.6'],
  ['INVALID_CREDENTIALS', 'red.6'],
  ['INACTIVE', 'gray.6'],
  ['EXPIRED', 'orange.6'],
  ['FORBIDDEN', 'grape.6'],
  ['RATE_LIMITED', 'yellow.6'],
  ['IP_NOT_ALLOWED', 'pink.6'],
  ['OTHER', 'dark.3'],
] as const;

export type Outcome = (typeof OUTCOMES)[number][0];

export const knownOutcome = (outcome: string): Outcome =>
  OUTCOMES.some(([known]) => known === outcome) ? (outcome as Outcome) : 'OTHER';

/** The outcomes that occur in the range, in stacking order. */
export const outcomesIn = (usage: Usage): Outcome[] => {
  const present = new Set(usage.totals.map(({ outcome }) => knownOutcome(outcome)));
  return OUTCOMES.map(([outcome]) => outcome).filter((outcome) => present.has(outcome));
};
