import { describe, expect, it } from 'vitest';
import { parseKeysListState } from './use-keys-search-params';

describe('parseKeysListState', () => {
  it('reads pending=1 and pending=true alike, and nothing else as pending', () => {
    const pending = (value: string) =>
      parseKeysListState(new URLSearchParams({ pending: value })).renewalPending;
    expect(pending('1')).toBe(true);
    expect(pending('true')).toBe(true);
    expect(pending('0')).toBe(false);
    expect(pending('false')).toBe(false);
  });

  it('reads an unused-for window of 1 to 3650 whole days, and nothing else', () => {
    const inactive = (value: string) =>
      parseKeysListState(new URLSearchParams({ inactive: value })).inactiveForDays;
    expect(inactive('30')).toBe(30);
    expect(inactive('3650')).toBe(3650);
    for (const bad of ['0', '3651', '-5', '1.5', 'abc']) expect(inactive(bad)).toBeNull();
  });
});
