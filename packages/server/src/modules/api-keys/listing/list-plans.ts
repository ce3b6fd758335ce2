/**
 * Which filters of an account needed the dense plan (walk the sort index) the last time they
 * were counted. A page of such a filter walks at once and counts beside itself, instead of
 * counting first to choose: paging through a role's keys saves the count's round trip on every
 * page after the first. Only the plan depends on this, never the answer: a filter that has
 * become sparse since is still listed exactly, by a longer walk, and is re-counted as it goes.
 */
export class ListPlans {
  /** Plan key -> when the dense verdict expires; insertion order is recency order. */
  private readonly denseUntil = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  knownDense(planKey: string, now: number): boolean {
    const until = this.denseUntil.get(planKey);
    if (until === undefined) return false;
    if (until > now) return true;
    this.denseUntil.delete(planKey);
    return false;
  }

  record(planKey: string, dense: boolean, now: number): void {
    this.denseUntil.delete(planKey);
    if (!dense) return;
    this.denseUntil.set(planKey, now + this.ttlMs);
    if (this.denseUntil.size > this.maxEntries) {
      const oldest = this.denseUntil.keys().next().value;
      if (oldest !== undefined) this.denseUntil.delete(oldest);
    }
  }
}
