/**
 * A pending renewal is `api_keys.oldTokenLiveUntil` in the future: the old token of the last
 * renewal still works. Renewal, deletion of the old token and undo keep the column in step
 * with api_tokens, so lists and the banner read one index range.
 */

/** oldTokenLiveUntil of a renewal that keeps the old token until someone deletes it. */
export const KEPT_UNTIL_DELETED = new Date('9999-12-31T00:00:00.000Z');

/** The same rule for one loaded key. */
export const isRenewalPending = (key: { oldTokenLiveUntil: Date | null }, now: Date): boolean =>
  key.oldTokenLiveUntil !== null && key.oldTokenLiveUntil > now;

/** The same rule in SQL (alias `k`); needs the `:now` parameter. */
export const PENDING_RENEWAL = 'k.oldTokenLiveUntil > :now';
export const NO_PENDING_RENEWAL = '(k.oldTokenLiveUntil IS NULL OR k.oldTokenLiveUntil <= :now)';
