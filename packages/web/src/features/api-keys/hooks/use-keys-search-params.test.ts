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
});
