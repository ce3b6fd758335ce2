import type { Clock } from '../../src/common/clock.js';

/** Real time plus an offset the test moves: rows written "now" keep sorting naturally. */
export class TestClock {
  private offsetMs = 0;

  readonly now: Clock = () => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * 24 * 60 * 60 * 1000);
  }
}
