import { createHmac, randomBytes } from 'node:crypto';
import { ChangeFollower } from './change-follower.js';
import { AddressAllowlist } from './address-allowlist.js';
import { throttleSourceOf } from './throttle-source.js';

export type VerificationCode =
  | 'VALID'
  | 'INVALID_CREDENTIALS'
  | 'INACTIVE'
  | 'EXPIRED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  // The key may not be used from `ip` (its allowlist), or no `ip` was given for such a key.
  | 'IP_NOT_ALLOWED';

/** What to verify: a key and its token (as the A1 headers carry them), for an account and a resource. */
export interface VerifyRequest {
  key: string;
  token: string;
  /** Slug of the account addressed (`X-Account`); the key's own when absent. */
  account?: string | null;
  /** A resource the caller wants to exercise, e.g. `orders:view-orders`. */
  resource?: string | null;
  /**
   * The address of whoever presented the key: failures are throttled by it, not by yours,
   * and a key restricted to some addresses is refused (IP_NOT_ALLOWED) without it.
   */
  ip?: string | null;
}

/** The REST endpoint's answer (same codes), plus the key's id and where it came from. */
export interface Verification {
  valid: boolean;
  code: VerificationCode;
  account: string | null;
  roles: readonly string[];
  resources: readonly string[];
  expiresAt: string | null;
  /** The verified key's id, when the token was right. */
  keyId: string | null;
  /** RATE_LIMITED: seconds before trying again. */
  retryAfterSeconds?: number;
  /** True when answered from memory, without a network call. */
  fromMemory: boolean;
}

export interface VerifierOptions {
  /** The Keyward server, e.g. `https://keys.example.com`. */
  url: string;
  /** Your service's own key, holding _Verify API keys_ in every account it verifies for. */
  credentials: { key: string; token: string };
  /** Accounts (slugs) whose changes to follow; your key's own account when empty. */
  follow?: readonly string[];
  /**
   * Disconnected from the change stream longer than this, nothing is answered from memory
   * (5 s by default; keep it above the server's 1 s heartbeat).
   */
  disconnectedBoundMs?: number;
  /** How often uses answered from memory are reported to the server (last use). */
  usageReportMs?: number;
  /** Keys held in memory at most; the oldest go first. */
  maxKeys?: number;
  /** How long a question to the server may take before `verify` throws (ms). */
  timeoutMs?: number;
  /** Called with errors of the change stream and usage reports (they are retried). */
  onError?: (error: unknown) => void;
}

/** The calling service was refused (wrong credentials, or no _Verify API keys_ here). */
export class VerifierError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'VerifierError';
  }
}

interface AccountEntry {
  /** When the server gave the answer: older than MAX_ENTRY_AGE_MS, it is asked again. */
  askedAt: number;
  valid: Verification;
  forbidden: Verification;
  resources: ReadonlySet<string>;
}

interface TokenEntry {
  keyId: string;
  tokenId: string;
  /** When the token itself stops working (ms), Infinity if never. */
  liveUntil: number;
  /** When it is due; past it an enforcing account answers EXPIRED (asked of the server). */
  dueAt: number;
  enforced: boolean;
  /** The key's allowlist; null when it may be used from anywhere. */
  allowlist: AddressAllowlist | null;
  accounts: Map<string, AccountEntry>;
}

interface KeyEntry {
  keyId: string;
  /** By HMAC-SHA256(this process's random secret, token), base64: never the token. */
  tokens: Map<string, TokenEntry>;
}

interface ServerAnswer {
  valid: boolean;
  code: VerificationCode;
  account: string | null;
  roles: string[];
  resources: string[];
  expiresAt: string | null;
  /** RATE_LIMITED by the key's budget of uses, not by failures from the caller's address. */
  budgetExceeded?: boolean;
  local?: {
    keyId: string;
    tokenId: string;
    tokenLiveUntil: string | null;
    enforced: boolean;
    allowedAddresses?: string[];
    /** Only the server counts a budgeted key's uses: never answered from memory. */
    budgeted?: boolean;
  };
}

interface Use {
  keyId: string;
  tokenId: string;
  at: number;
  ip: string | null;
  /** Uses since the last report: they count in the key's usage on the server. */
  count: number;
}

const KEY_SHAPE = /^kw-([a-z0-9-]{1,40})-[a-z0-9]{12}$/;
const canonicalKey = (key: string) => key.trim().toLowerCase();
const MAX_PENDING_USES = 100_000;
const MAX_BLOCKED_SOURCES = 10_000;
/** How long after a change heard an answer from the server is not kept (cross-server lag). */
const SETTLE_MS = 500;
/** A backstop should an event ever be lost: every entry is asked again after a minute. */
const MAX_ENTRY_AGE_MS = 60_000;

/**
 * Verifies Keyward keys in this process. A key and token verified once by the server are
 * recognised afterwards from memory (by an HMAC under a secret that never leaves the process);
 * the change stream drops entries the moment the server announces a change; anything not in
 * memory, and everything while the stream has been down longer than the bound, asks the server.
 */
export class KeywardVerifier {
  private readonly secret = randomBytes(32);
  private readonly keys = new Map<string, KeyEntry>();
  private readonly keyById = new Map<string, string>();
  private readonly blockedSources = new Map<string, number>();
  private pendingUses = new Map<string, Use>();
  private readonly follower: ChangeFollower;
  private readonly usageTimer: NodeJS.Timeout;
  private readonly base: string;
  private readonly maxKeys: number;
  private readonly authHeaders: Record<string, string>;
  /** Accounts whose changes are followed: only their answers are kept. */
  private readonly followed: ReadonlySet<string>;
  /** When the last `reset` was heard, and each key last dropped (ms). */
  private lastResetAt = 0;
  private readonly droppedAt = new Map<string, number>();
  private closed = false;
  readonly stats = { memoryAnswers: 0, serverAnswers: 0 };

  constructor(private readonly options: VerifierOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.maxKeys = options.maxKeys ?? 100_000;
    this.authHeaders = {
      'x-api-appkey': options.credentials.key,
      'x-api-apptoken': options.credentials.token,
    };
    const own = KEY_SHAPE.exec(canonicalKey(options.credentials.key))?.[1];
    this.followed = new Set(
      options.follow?.length
        ? options.follow.map((slug) => slug.trim().toLowerCase())
        : own
          ? [own]
          : [],
    );
    this.follower = new ChangeFollower({
      url: `${this.base}/api/keys/changes`,
      headers: this.authHeaders,
      follow: options.follow ?? [],
      disconnectedBoundMs: options.disconnectedBoundMs ?? 5_000,
      onKeys: (keyIds) => this.drop(keyIds),
      onReset: () => this.clear(),
      onBlocked: (ip, seconds) => this.blockSource(ip, seconds),
      onError: (error) => options.onError?.(error),
    });
    this.usageTimer = setInterval(
      () => void this.reportUsage().catch((error: unknown) => options.onError?.(error)),
      options.usageReportMs ?? 5_000,
    );
    this.usageTimer.unref();
  }

  /** Resolves once the change stream is open (answers from memory start then). */
  get ready(): Promise<void> {
    return this.follower.ready;
  }

  /** Whether answers may come from memory now (the stream is up, or down for less than the bound). */
  get answeringFromMemory(): boolean {
    return this.follower.fresh();
  }

  /** Keys held in memory. */
  get size(): number {
    return this.keys.size;
  }

  /** The answer from memory, or null when only the server can answer. Never a network call. */
  verifyFromMemory(request: VerifyRequest): Verification | null {
    if (!this.follower.fresh()) return null;
    const key = canonicalKey(request.key);
    const entry = this.keys.get(key);
    if (!entry) return null;
    const now = Date.now();
    const ip = request.ip ?? null;
    if (ip !== null && this.blockedSources.size > 0) {
      // The server blocks an IPv6 client by its /64: any address in it is refused.
      const source = throttleSourceOf(ip);
      const until = this.blockedSources.get(source);
      if (until !== undefined) {
        if (until > now) return null;
        this.blockedSources.delete(source);
      }
    }
    const token = entry.tokens.get(this.mac(request.token));
    if (!token) return null;
    if (token.liveUntil <= now || (token.enforced && token.dueAt <= now)) return null;
    // Another address: the server answers IP_NOT_ALLOWED and records the refusal.
    if (token.allowlist && !token.allowlist.allows(ip)) return null;
    const account = request.account?.trim() || KEY_SHAPE.exec(key)?.[1] || '';
    const grant = token.accounts.get(account);
    if (!grant || now - grant.askedAt > MAX_ENTRY_AGE_MS) return null;
    this.stats.memoryAnswers += 1;
    if (request.resource && !grant.resources.has(request.resource)) return grant.forbidden;
    const pending = this.pendingUses.get(token.tokenId);
    if (pending) {
      pending.at = now;
      pending.ip = ip;
      pending.count += 1;
    } else {
      this.pendingUses.set(token.tokenId, {
        keyId: token.keyId,
        tokenId: token.tokenId,
        at: now,
        ip,
        count: 1,
      });
    }
    if (this.pendingUses.size > MAX_PENDING_USES) void this.reportUsage().catch(() => undefined);
    return grant.valid;
  }

  /** From memory when possible, otherwise from the server (POST /api/keys/verify). */
  verify(request: VerifyRequest): Promise<Verification> {
    const local = this.verifyFromMemory(request);
    if (local) return Promise.resolve(local);
    return this.verifyAtServer(request);
  }

  private async verifyAtServer(request: VerifyRequest): Promise<Verification> {
    if (this.closed) throw new VerifierError('The verifier is closed.', 503, 'CLOSED');
    const askedAt = Date.now();
    const established = this.follower.established;
    const response = await fetch(`${this.base}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.authHeaders },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      body: JSON.stringify({
        key: request.key,
        token: request.token,
        account: request.account ?? undefined,
        resource: request.resource ?? undefined,
        ip: request.ip ?? undefined,
      }),
    });
    this.stats.serverAnswers += 1;
    const body = (await response.json()) as ServerAnswer & {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors) {
      const error = body.errors[0];
      throw new VerifierError(
        error?.message ?? 'Refused.',
        response.status,
        error?.extensions?.code ?? 'ERROR',
      );
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    const answer: Verification = {
      valid: body.valid,
      code: body.code,
      account: body.account,
      roles: body.roles,
      resources: body.resources,
      expiresAt: body.expiresAt,
      keyId: body.local?.keyId ?? null,
      ...(body.code === 'RATE_LIMITED' ? { retryAfterSeconds: retryAfter || 60 } : {}),
      fromMemory: false,
    };
    if (body.code === 'RATE_LIMITED' && request.ip && !body.budgetExceeded)
      this.blockSource(request.ip, retryAfter || 60);
    // Kept only when no change was heard meanwhile and the stream was up before the question.
    if (
      body.code === 'VALID' &&
      body.local &&
      established &&
      this.follower.fresh() &&
      this.settledSince(body.local.keyId, askedAt)
    )
      this.remember(request, body, body.local, askedAt);
    return answer;
  }

  /**
   * Whether an answer asked at `askedAt` may be kept: no change to the key (or reset) was heard
   * in the SETTLE_MS before, or since. The server that answered may have learnt of a change
   * later than the one streaming it (polling: within 250 ms), so an answer asked just after an
   * event could predate it.
   */
  private settledSince(keyId: string, askedAt: number): boolean {
    const dropped = Math.max(this.lastResetAt, this.droppedAt.get(keyId) ?? 0);
    return askedAt - dropped >= SETTLE_MS;
  }

  private remember(
    request: VerifyRequest,
    body: ServerAnswer,
    local: NonNullable<ServerAnswer['local']>,
    askedAt: number,
  ) {
    const key = canonicalKey(request.key);
    const account = request.account?.trim() || KEY_SHAPE.exec(key)?.[1] || '';
    // The stream tells of changes in followed accounts only.
    if (!this.followed.has(account.toLowerCase()) || local.budgeted) return;
    let entry = this.keys.get(key);
    if (entry && entry.keyId !== local.keyId) {
      this.keys.delete(key);
      entry = undefined;
    }
    if (!entry) {
      if (this.keys.size >= this.maxKeys) {
        const oldest = this.keys.entries().next().value;
        if (oldest) {
          this.keys.delete(oldest[0]);
          this.keyById.delete(oldest[1].keyId);
        }
      }
      entry = { keyId: local.keyId, tokens: new Map() };
      this.keys.set(key, entry);
      this.keyById.set(local.keyId, key);
    }
    const mac = this.mac(request.token);
    let token = entry.tokens.get(mac);
    if (!token) {
      token = {
        keyId: local.keyId,
        tokenId: local.tokenId,
        liveUntil: local.tokenLiveUntil ? Date.parse(local.tokenLiveUntil) : Infinity,
        dueAt: body.expiresAt ? Date.parse(body.expiresAt) : Infinity,
        enforced: local.enforced,
        allowlist: local.allowedAddresses?.length
          ? new AddressAllowlist(local.allowedAddresses)
          : null,
        accounts: new Map(),
      };
      entry.tokens.set(mac, token);
    }
    const shared = {
      account: body.account,
      roles: Object.freeze([...body.roles]),
      resources: Object.freeze([...body.resources]),
      expiresAt: body.expiresAt,
      keyId: local.keyId,
      fromMemory: true,
    };
    token.accounts.set(account, {
      askedAt,
      valid: Object.freeze({ ...shared, valid: true, code: 'VALID' as const }),
      forbidden: Object.freeze({ ...shared, valid: false, code: 'FORBIDDEN' as const }),
      resources: new Set(body.resources),
    });
  }

  private mac(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('base64');
  }

  private blockSource(ip: string, seconds: number) {
    if (this.blockedSources.size >= MAX_BLOCKED_SOURCES) this.blockedSources.clear();
    this.blockedSources.set(throttleSourceOf(ip), Date.now() + seconds * 1000);
  }

  private drop(keyIds: readonly string[]) {
    const now = Date.now();
    if (this.droppedAt.size > 100_000) {
      this.droppedAt.clear();
      this.lastResetAt = now;
    }
    for (const id of keyIds) {
      this.droppedAt.set(id, now);
      const key = this.keyById.get(id);
      if (key !== undefined) this.keys.delete(key);
      this.keyById.delete(id);
    }
  }

  private clear() {
    this.lastResetAt = Date.now();
    this.droppedAt.clear();
    this.keys.clear();
    this.keyById.clear();
  }

  /** Sends the uses answered from memory since the last report (POST /api/keys/usage). */
  async reportUsage(): Promise<void> {
    if (this.pendingUses.size === 0) return;
    const uses = [...this.pendingUses.values()];
    this.pendingUses = new Map();
    for (let start = 0; start < uses.length; start += 1_000) {
      const batch = uses.slice(start, start + 1_000);
      try {
        const response = await fetch(`${this.base}/api/keys/usage`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...this.authHeaders,
            // Verify API keys is checked there: the first followed account, or the key's own.
            ...(this.options.follow?.[0] ? { 'x-account': this.options.follow[0] } : {}),
          },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
          body: JSON.stringify({
            uses: batch.map((use) => ({ ...use, at: new Date(use.at).toISOString() })),
          }),
        });
        await response.arrayBuffer();
        if (!response.ok)
          throw new VerifierError('Usage report refused.', response.status, 'USAGE');
      } catch (error) {
        // Kept for the next report, added to the uses counted meanwhile.
        for (const use of uses.slice(start)) {
          const newer = this.pendingUses.get(use.tokenId);
          if (newer) newer.count += use.count;
          else this.pendingUses.set(use.tokenId, use);
        }
        throw error;
      }
    }
  }

  /** Stops following changes and reports the last uses. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.usageTimer);
    this.follower.close();
    this.clear();
    await this.reportUsage().catch((error: unknown) => this.options.onError?.(error));
  }
}

/** A verifier for your service; see the README for the middlewares. */
export const createVerifier = (options: VerifierOptions): KeywardVerifier =>
  new KeywardVerifier(options);
