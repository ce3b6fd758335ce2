import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { KeyUseBudgets } from '../src/modules/verification/key-use-budget.js';

/** The counting rules that need no database (the stores shared by servers: key-policies.test.ts). */
describe('key use budgets', () => {
  const noDatabase = {} as DataSource;
  const minute = Date.UTC(2026, 0, 1, 10, 30);

  it('allows the budget per window, answers the seconds left, and starts again next window', async () => {
    const budgets = new KeyUseBudgets('memory', noDatabase, null);
    const budget = { perMinute: 2, perDay: null };
    expect(await budgets.take('k', budget, minute + 1_000)).toBeNull();
    expect(await budgets.take('k', budget, minute + 2_000)).toBeNull();
    expect(await budgets.take('k', budget, minute + 20_000)).toBe(40);
    expect(await budgets.take('other', budget, minute + 20_000)).toBeNull();
    expect(await budgets.take('k', budget, minute + 60_000)).toBeNull();
  });

  it('does not count a refused use against the other window', async () => {
    const budgets = new KeyUseBudgets('memory', noDatabase, null);
    const budget = { perMinute: 1, perDay: 2 };
    expect(await budgets.take('k', budget, minute)).toBeNull();
    for (let refused = 0; refused < 5; refused++)
      expect(await budgets.take('k', budget, minute + 1_000)).not.toBeNull();
    expect(await budgets.take('k', budget, minute + 60_000)).toBeNull();
    const dayLeft = await budgets.take('k', budget, minute + 120_000);
    expect(dayLeft).toBe((Date.UTC(2026, 0, 2) - minute - 120_000) / 1000);
  });

  it('counts in memory while Redis is unreachable instead of failing every use', async () => {
    const down = { eval: () => Promise.reject(new Error('Connection is closed.')) };
    const budgets = new KeyUseBudgets('redis', noDatabase, down as unknown as Redis);
    const budget = { perMinute: 1, perDay: null };
    expect(await budgets.take('k', budget, minute)).toBeNull();
    expect(await budgets.take('k', budget, minute + 1_000)).toBe(59);
  });
});
