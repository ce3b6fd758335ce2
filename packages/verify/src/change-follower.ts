export interface ChangeFollowerOptions {
  url: string;
  headers: Record<string, string>;
  follow: readonly string[];
  disconnectedBoundMs: number;
  onKeys: (keyIds: readonly string[]) => void;
  onReset: () => void;
  onBlocked: (ip: string, retryAfterSeconds: number) => void;
  onError: (error: unknown) => void;
}

const MIN_RETRY_MS = 200;
const MAX_RETRY_MS = 2_000;
const REFUSED_RETRY_MS = 5_000;

/**
 * Follows GET /api/keys/changes (Server-Sent Events) and reconnects for ever, resuming from the
 * last event id (the server replays what was missed, or says `reset`). Memory is `fresh` while
 * the stream is alive, or silent for less than the bound.
 */
export class ChangeFollower {
  /** Set once a stream has been opened: before, nothing may be answered from memory. */
  established = false;
  private lastAliveAt = 0;
  /** When the connection under way last showed life (opened, or bytes read): the watchdog's clock. */
  private connectionAliveAt = 0;
  private lastEventId: string | null = null;
  private heartbeatMs = 1_000;
  private abort: AbortController | null = null;
  private closed = false;
  private retryMs = MIN_RETRY_MS;
  private readonly watchdog: NodeJS.Timeout;
  private resolveReady!: () => void;
  readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  constructor(private readonly options: ChangeFollowerOptions) {
    // A connection silent for three heartbeats is cut and reopened. Its own clock, not the
    // stream's: after a long cut a new connection must get its chance to speak.
    this.watchdog = setInterval(() => {
      if (this.abort && Date.now() - this.connectionAliveAt > 3 * this.heartbeatMs)
        this.abort.abort();
    }, 250);
    this.watchdog.unref();
    void this.run();
  }

  fresh(): boolean {
    return this.established && Date.now() - this.lastAliveAt <= this.options.disconnectedBoundMs;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.watchdog);
    this.abort?.abort();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      let wait = this.retryMs;
      try {
        const refused = await this.connect();
        if (refused) wait = REFUSED_RETRY_MS;
      } catch (error) {
        if (!this.closed) this.options.onError(error);
      }
      if (this.closed) return;
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    }
  }

  /** One connection, until it ends; true when the server refused the caller. */
  private async connect(): Promise<boolean> {
    const url = new URL(this.options.url);
    for (const account of this.options.follow) url.searchParams.append('account', account);
    this.abort = new AbortController();
    this.connectionAliveAt = Date.now();
    const response = await fetch(url, {
      headers: {
        ...this.options.headers,
        accept: 'text/event-stream',
        ...(this.lastEventId ? { 'last-event-id': this.lastEventId } : {}),
      },
      signal: this.abort.signal,
    });
    if (!response.ok || !response.body) {
      const text = await response.text().catch(() => '');
      this.options.onError(new Error(`Change stream refused (${response.status}): ${text}`));
      return true;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return false;
        this.connectionAliveAt = Date.now();
        if (this.established) this.lastAliveAt = this.connectionAliveAt;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } finally {
      reader.releaseLock();
      this.abort = null;
    }
  }

  private dispatch(block: string): void {
    let event = 'message';
    let data = '';
    let id: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data += value;
      else if (field === 'id') id = value;
    }
    if (event === 'keys') {
      const { keyIds } = JSON.parse(data) as { keyIds: string[] };
      this.options.onKeys(keyIds);
    } else if (event === 'blocked') {
      const { ip, retryAfterSeconds } = JSON.parse(data) as {
        ip: string;
        retryAfterSeconds: number;
      };
      this.options.onBlocked(ip, retryAfterSeconds);
    } else if (event === 'reset') {
      this.options.onReset();
    } else if (event === 'ready') {
      const { heartbeatMs } = JSON.parse(data || '{}') as { heartbeatMs?: number };
      if (heartbeatMs) this.heartbeatMs = heartbeatMs;
      this.established = true;
      this.lastAliveAt = Date.now();
      this.retryMs = MIN_RETRY_MS;
      this.resolveReady();
    }
    // The id moves only after the event is applied: a reconnect replays from there.
    if (id !== null) this.lastEventId = id;
  }
}
