import type { Clock } from '../../src/common/clock.js';

/** Real time plus an offset the test moves: rows written "now" keep sorting naturally. */
export class TestClock {
  private offsetMs = 0;

  readonly now: Clock = () => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** To one second into the next minute: a test counting per-minute uses stays in one window. */
  advanceToNextMinute(): void {
    const now = this.now().getTime();
    this.advance(60_000 - (now % 60_000) + 1_000);
  }

  advanceDays(days: number): void {
    this.advance(days * 24 * 60 * 60 * 1000);
  }
}
