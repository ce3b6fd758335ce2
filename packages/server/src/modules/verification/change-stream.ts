import { randomBytes } from 'node:crypto';
import type { AuthChangeEvent, AuthChanges } from './auth-changes.js';

/** Events kept for replay after a reconnect; an older cursor gets a `reset`. */
const REPLAY_EVENTS = 10_000;

export interface StreamEvent {
  /** `<server instance>.<sequence>`: resumable on this server only (another one answers `reset`). */
  id: string;
  event: AuthChangeEvent;
}

export type Resume = { replay: StreamEvent[] } | { reset: true };

/**
 * The verification changes this server learns of (AuthChanges), numbered, for the change stream
 * (GET /api/keys/changes). A verifier resumes after a disconnect with the id of the last event it
 * saw: missed events are replayed while this server still holds them; otherwise (another server,
 * a restart, too old) it is told to `reset`, so nothing is ever missed.
 */
export class ChangeStream {
  readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;
  private readonly recent: StreamEvent[] = [];
  private readonly subscribers = new Set<(event: StreamEvent) => void>();
  private readonly closers = new Set<() => void>();

  constructor(changes: AuthChanges) {
    changes.onChange((event) => this.publish(event));
  }

  get cursor(): string {
    return `${this.instance}.${this.sequence}`;
  }

  private publish(event: AuthChangeEvent): void {
    this.sequence += 1;
    const numbered = { id: `${this.instance}.${this.sequence}`, event };
    this.recent.push(numbered);
    if (this.recent.length > REPLAY_EVENTS)
      this.recent.splice(0, this.recent.length - REPLAY_EVENTS);
    for (const subscriber of this.subscribers) subscriber(numbered);
  }

  /** What a follower that last saw `lastEventId` missed. */
  resume(lastEventId: string | null): Resume {
    if (!lastEventId) return { replay: [] };
    const [instance, sequenceText] = lastEventId.split('.');
    const seen = Number(sequenceText);
    if (instance !== this.instance || !Number.isInteger(seen) || seen > this.sequence)
      return { reset: true };
    if (seen === this.sequence) return { replay: [] };
    const oldest = this.sequence - this.recent.length + 1;
    if (seen + 1 < oldest) return { reset: true };
    return { replay: this.recent.slice(seen + 1 - oldest) };
  }

  subscribe(subscriber: (event: StreamEvent) => void, close: () => void): () => void {
    this.subscribers.add(subscriber);
    this.closers.add(close);
    return () => {
      this.subscribers.delete(subscriber);
      this.closers.delete(close);
    };
  }

  /** Shutdown: every follower's stream ends (they reconnect to another server). */
  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}
