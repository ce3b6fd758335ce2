import { describe, expect, it } from 'vitest';
import { ListPlans } from '../src/modules/api-keys/listing/list-plans.js';

describe('ListPlans', () => {
  it('remembers a dense verdict until it expires or a count says sparse', () => {
    const plans = new ListPlans(1_000, 10);
    expect(plans.knownDense('a', 0)).toBe(false);
    plans.record('a', true, 0);
    expect(plans.knownDense('a', 999)).toBe(true);
    expect(plans.knownDense('a', 1_000)).toBe(false);
    plans.record('a', true, 2_000);
    plans.record('a', false, 2_001);
    expect(plans.knownDense('a', 2_002)).toBe(false);
  });

  it('keeps at most its number of entries, forgetting the least recently recorded', () => {
    const plans = new ListPlans(60_000, 2);
    plans.record('a', true, 0);
    plans.record('b', true, 0);
    plans.record('a', true, 1);
    plans.record('c', true, 2);
    expect(['a', 'b', 'c'].map((key) => plans.knownDense(key, 3))).toEqual([true, false, true]);
  });
});
