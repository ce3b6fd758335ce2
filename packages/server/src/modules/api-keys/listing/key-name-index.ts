import type { DataSource } from 'typeorm';
import { rawRowsThroughIndex } from '../../../common/keyset.js';
import { ApiKey } from '../api-key.entity.js';
import { keyNamesVersionOf } from '../key-names-version.js';

/**
 * Substring search over every key of an account without walking the database. No index of
 * either database finds `%term%`, so a search whose matches sit at the far end of the NAME order
 * read every key before them (120 ms at 100k keys, B3). Here each account's names and key
 * identifiers are held as one string, in the database's NAME order, and searched with
 * `indexOf`/`lastIndexOf` (a few milliseconds for 100k keys, linear in the text).
 *
 * Exactness: `accounts.keyNamesVersion` moves in every transaction that generates, renames or
 * deletes a key; an index is used only while the account's version still equals the one read
 * before the index was loaded, so it never shows a state older than the request.
 */

const ENTRY = '\u0000';
const FIELD = '\u0001';
/** Keys held in memory across accounts (about 100 MB a million); larger accounts walk the database. */
export const KEY_NAME_INDEX_BUDGET = 2_000_000;
const LOAD_CHUNK = 20_000;
/** A busy account whose index goes stale as it loads is reloaded at most this often. */
const MIN_RELOAD_INTERVAL_MS = 5_000;

export class KeyNameIndex {
  constructor(
    readonly version: number,
    /** `\0name\1key` per key, in NAME order. */
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ids: string,
    /** One more than there are keys: id i is ids[idStarts[i], idStarts[i + 1]). */
    private readonly idStarts: Int32Array,
  ) {}

  get size(): number {
    return this.starts.length;
  }

  idAt(entry: number): string {
    return this.ids.slice(this.idStarts[entry], this.idStarts[entry + 1]);
  }

  /** Names are unique in an account, so a cursor's name finds its entry; -1 if not held. */
  entryNamed(nameNormalized: string): number {
    if (!searchable(nameNormalized)) return -1;
    const offset = this.text.indexOf(`${ENTRY}${nameNormalized}${FIELD}`);
    return offset < 0 ? -1 : this.entryAt(offset);
  }

  /** Entries whose name or key contains `term`, from `from` (inclusive) in the given direction. */
  *matching(term: string, from: number, ascending: boolean): Generator<number> {
    if (!searchable(term) || from < 0 || from >= this.size) return;
    if (ascending) {
      let offset = this.text.indexOf(term, this.starts[from]);
      while (offset >= 0) {
        const entry = this.entryAt(offset);
        yield entry;
        if (entry + 1 >= this.size) return;
        offset = this.text.indexOf(term, this.starts[entry + 1]);
      }
      return;
    }
    // lastIndexOf finds a match starting at or before the limit: keep it inside the entries.
    let limit = this.endOf(from) - term.length;
    while (limit >= 0) {
      const offset = this.text.lastIndexOf(term, limit);
      if (offset < 0) return;
      const entry = this.entryAt(offset);
      yield entry;
      limit = (this.starts[entry] ?? 0) - term.length;
    }
  }

  /** The ids of every key matching `term`, or null when there are more than `cap`. */
  idsUpTo(term: string, cap: number): string[] | null {
    const ids: string[] = [];
    for (const entry of this.matching(term, 0, true)) {
      if (ids.length === cap) return null;
      ids.push(this.idAt(entry));
    }
    return ids;
  }

  private endOf(entry: number): number {
    return entry + 1 < this.size ? (this.starts[entry + 1] as number) : this.text.length;
  }

  private entryAt(offset: number): number {
    let [low, high] = [0, this.size - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** The separators cannot be matched: a term holding one is searched in the database. */
export const searchable = (text: string): boolean => !text.includes(ENTRY) && !text.includes(FIELD);

export class KeyNameIndexes {
  /** In least-recently-used order. */
  private readonly indexes = new Map<string, KeyNameIndex>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly lastLoadStarted = new Map<string, number>();
  /** Accounts found over budget, with the version they had then: not read again until it moves. */
  private readonly oversized = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly budget = KEY_NAME_INDEX_BUDGET,
  ) {}

  /** The account's index if it is exact now; otherwise null, and one loads in the background. */
  async current(accountId: string): Promise<KeyNameIndex | null> {
    if (this.budget === 0) return null;
    const version = await this.versionOf(accountId);
    if (version === null || this.oversized.get(accountId) === version) return null;
    const index = this.indexes.get(accountId);
    if (index && index.version === version) {
      this.indexes.delete(accountId);
      this.indexes.set(accountId, index);
      return index;
    }
    if (index) this.indexes.delete(accountId);
    const lastStarted = this.lastLoadStarted.get(accountId) ?? -Infinity;
    if (!this.loading.has(accountId) && Date.now() - lastStarted >= MIN_RELOAD_INTERVAL_MS) {
      // The database serves searches until the load completes; a failed load is retried by a
      // later search.
      void this.load(accountId).catch(() => undefined);
    }
    return null;
  }

  /** Waits for the account's index (tests, warm-up); null when the account is over budget. */
  async ready(accountId: string): Promise<KeyNameIndex | null> {
    this.lastLoadStarted.delete(accountId);
    this.oversized.delete(accountId);
    const index = await this.current(accountId);
    if (index) return index;
    await this.loading.get(accountId);
    return this.current(accountId);
  }

  private load(accountId: string): Promise<void> {
    this.lastLoadStarted.set(accountId, Date.now());
    const loading = this.read(accountId).finally(() => this.loading.delete(accountId));
    this.loading.set(accountId, loading);
    return loading;
  }

  private async read(accountId: string): Promise<void> {
    // The version first: a change committed while the keys load moves it past this one.
    const version = await this.versionOf(accountId);
    if (version === null) return;
    const [texts, ids]: [string[], string[]] = [[], []];
    const starts: number[] = [];
    const idStarts = [0];
    let [offset, idOffset] = [0, 0];
    let after: string | null = null;
    for (;;) {
      const query = this.dataSource
        .getRepository(ApiKey)
        .createQueryBuilder('k')
        .select(['k.id', 'k.nameNormalized', 'k.key'])
        .where('k.accountId = :accountId', { accountId })
        .orderBy('k.nameNormalized', 'ASC')
        .addOrderBy('k.id', 'ASC')
        .limit(LOAD_CHUNK);
      // Names are unique in an account, so the name alone is the keyset.
      if (after !== null) query.andWhere('k.nameNormalized > :after', { after });
      const rows = await rawRowsThroughIndex<{
        k_id: string;
        k_nameNormalized: string;
        k_key: string;
      }>(query, 'IDX_api_keys_account_name');
      if (starts.length + rows.length > this.budget) {
        this.oversized.set(accountId, version);
        return;
      }
      for (const row of rows) {
        const text = `${ENTRY}${row.k_nameNormalized}${FIELD}${row.k_key}`;
        starts.push(offset);
        texts.push(text);
        offset += text.length;
        ids.push(row.k_id);
        idOffset += row.k_id.length;
        idStarts.push(idOffset);
      }
      if (rows.length < LOAD_CHUNK) break;
      after = rows[rows.length - 1]!.k_nameNormalized;
    }
    const index = new KeyNameIndex(
      version,
      texts.join(''),
      Int32Array.from(starts),
      ids.join(''),
      Int32Array.from(idStarts),
    );
    this.oversized.delete(accountId);
    this.indexes.set(accountId, index);
    this.evictBeyondBudget();
  }

  private evictBeyondBudget(): void {
    let held = 0;
    for (const index of this.indexes.values()) held += index.size;
    for (const [accountId, index] of this.indexes) {
      if (held <= this.budget) return;
      this.indexes.delete(accountId);
      held -= index.size;
    }
  }

  private versionOf(accountId: string): Promise<number | null> {
    return keyNamesVersionOf(this.dataSource, accountId);
  }
}
