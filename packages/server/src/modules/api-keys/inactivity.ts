/**
 * When a key counts as inactive since a cutoff: none of its tokens used after it, and its token
 * issued (created or renewed) at or before it. `k` is the key's alias ('' for an UPDATE).
 * Both bounds are indexed columns; a never-used key counts from its creation or last renewal.
 */
export const inactiveSince = (k: string, cutoff: string): string =>
  `${k}tokenCreatedAt <= :${cutoff} AND (${k}lastUsedAt IS NULL OR ${k}lastUsedAt <= :${cutoff})`;

/** The inactivity policy has warned about the current stretch (no use or renewal since). */
export const warnedThisStretch = (k: string): string =>
  `${k}inactivityWarnedAt IS NOT NULL AND ${k}inactivityWarnedAt >= ${k}tokenCreatedAt AND ` +
  `(${k}lastUsedAt IS NULL OR ${k}inactivityWarnedAt >= ${k}lastUsedAt)`;
