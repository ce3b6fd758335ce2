import type { KeySnapshot } from './key-snapshot.js';

/** Bounds a stale entry's life should every invalidation message be lost. */
const SAFETY_TTL_MS = 30_000;
const MAX_ENTRIES = 100_000;

/**
 * Key snapshots and account slugs by identifier. Entries go the moment anything they
 * depend on changes (see AuthChanges); the TTL is only a backstop.
 */
export class AuthCache {
  private readonly keys = new Map<string, { snapshot: KeySnapshot; storedAt: number }>();
  private readonly identifierById = new Map<string, string>();
  private readonly accounts = new Map<string, string>();
  /** Loads started before an invalidation must not repopulate the cache afterwards. */
  private generation = 0;

  get currentGeneration(): number {
    return this.generation;
  }

  getKey(identifier: string, now: number): KeySnapshot | undefined {
    const entry = this.keys.get(identifier);
    if (!entry) return undefined;
    if (now - entry.storedAt > SAFETY_TTL_MS) {
      this.keys.delete(identifier);
      return undefined;
    }
    return entry.snapshot;
  }

  setKey(snapshot: KeySnapshot, loadedInGeneration: number, now: number): void {
    if (loadedInGeneration !== this.generation) return;
    if (this.keys.size >= MAX_ENTRIES) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.keys.set(snapshot.key, { snapshot, storedAt: now });
    this.identifierById.set(snapshot.apiKeyId, snapshot.key);
  }

  accountId(slug: string): string | undefined {
    return this.accounts.get(slug);
  }

  setAccountId(slug: string, id: string): void {
    // Accounts are never renamed or deleted through the API; bounded all the same.
    if (this.accounts.size < MAX_ENTRIES) this.accounts.set(slug, id);
  }

  invalidateKeys(apiKeyIds: readonly string[]): void {
    this.generation += 1;
    for (const id of apiKeyIds) {
      const identifier = this.identifierById.get(id);
      if (identifier) this.keys.delete(identifier);
      this.identifierById.delete(id);
    }
  }

  clear(): void {
    this.generation += 1;
    this.keys.clear();
    this.identifierById.clear();
  }
}
