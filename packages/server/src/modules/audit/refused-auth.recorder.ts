import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import { Account } from '../accounts/account.entity.js';
import { Membership } from '../accounts/membership.entity.js';
import { accountSlugOfKey } from '../tokens/api-token.secret.js';
import { User } from '../auth/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';

/** Distinct (key, source) pairs kept between flushes; beyond it, attempts are only counted. */
const MAX_PENDING = 10_000;

interface Pending {
  /** A key identifier, or a user's email for a refused sign-in. */
  key: string;
  /** Set for a refused sign-in: the user whose accounts record it. */
  userId?: string;
  /** A sign-in refused before any lookup: its user is found by `key` (the email) when written. */
  byEmail?: boolean;
  ip: string | null;
  reason: string;
  attempts: number;
  first: Date;
  last: Date;
}

/**
 * Refused authentications are aggregated: one audit event per key, source and reason per
 * flush (every minute), with the number of attempts. A flood of bad tokens thus costs a
 * bounded number of rows, and attempts on made-up keys of no account are only counted.
 */
export class RefusedAuthRecorder {
  private pending = new Map<string, Pending>();
  private dropped = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  record(key: string, ip: string | null, reason: string): void {
    this.add(`${key}\u0000${ip ?? ''}\u0000${reason}`, key, ip, reason);
  }

  /** A wrong password for a real user: recorded in each of the user's accounts. */
  recordSignIn(userId: string, email: string, ip: string | null): void {
    this.add(`user:${userId}\u0000${ip ?? ''}`, email, ip, 'SIGN_IN_FAILED', userId);
  }

  /** A sign-in refused because its source is blocked, before the email was looked up. */
  recordBlockedSignIn(email: string, ip: string | null): void {
    this.add(`email:${email}\u0000${ip ?? ''}`, email, ip, 'RATE_LIMITED', undefined, true);
  }

  private add(
    id: string,
    key: string,
    ip: string | null,
    reason: string,
    userId?: string,
    byEmail = false,
  ) {
    const now = this.clock();
    const entry = this.pending.get(id);
    if (entry) {
      entry.attempts += 1;
      entry.last = now;
    } else if (this.pending.size < MAX_PENDING) {
      this.pending.set(id, {
        key: key.slice(0, 80),
        ...(userId ? { userId } : {}),
        ...(byEmail ? { byEmail } : {}),
        ip,
        reason,
        attempts: 1,
        first: now,
        last: now,
      });
    } else {
      this.dropped += 1;
    }
  }

  /** Attempts that could not be kept since the process started (the map was full). */
  get droppedAttempts(): number {
    return this.dropped;
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.write([...batch.values()]);
    } catch (error) {
      // Kept for the next flush, merged with attempts recorded meanwhile.
      for (const [id, entry] of batch) {
        const newer = this.pending.get(id);
        if (newer) {
          newer.attempts += entry.attempts;
          newer.first = entry.first;
        } else this.pending.set(id, entry);
      }
      throw error;
    }
  }

  /** Sign-ins refused by email get their user, matched exactly (as sign-in does); others none. */
  private async withUsersOfEmails(entries: Pending[]): Promise<Pending[]> {
    const emails = [...new Set(entries.filter((entry) => entry.byEmail).map((entry) => entry.key))];
    if (emails.length === 0) return entries;
    const users = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.email IN (:...emails)', { emails })
      .getMany();
    const userIdOf = new Map(users.map((user) => [user.email, user.id]));
    return entries.flatMap((entry) => {
      if (!entry.byEmail) return [entry];
      const userId = userIdOf.get(entry.key);
      return userId ? [{ ...entry, userId }] : [];
    });
  }

  private async write(pending: Pending[]): Promise<void> {
    const entries = await this.withUsersOfEmails(pending);
    const slugs = [
      ...new Set(
        entries
          .filter((entry) => !entry.userId && !entry.byEmail)
          .map((entry) => accountSlugOfKey(entry.key))
          .filter((slug) => slug !== null),
      ),
    ];
    const userIds = [...new Set(entries.flatMap((entry) => (entry.userId ? [entry.userId] : [])))];
    const accounts = slugs.length
      ? await this.dataSource
          .getRepository(Account)
          .createQueryBuilder('a')
          .where('a.slug IN (:...slugs)', { slugs })
          .getMany()
      : [];
    const memberships = userIds.length
      ? await this.dataSource
          .getRepository(Membership)
          .createQueryBuilder('m')
          .where('m.userId IN (:...userIds)', { userIds })
          .getMany()
      : [];
    const accountBySlug = new Map(accounts.map((account) => [account.slug, account.id]));
    const accountsOfUser = new Map<string, string[]>();
    for (const membership of memberships) {
      accountsOfUser.set(membership.userId, [
        ...(accountsOfUser.get(membership.userId) ?? []),
        membership.accountId,
      ]);
    }
    const rows = entries.flatMap((entry) => {
      const accountIds = entry.userId
        ? (accountsOfUser.get(entry.userId) ?? [])
        : [accountBySlug.get(accountSlugOfKey(entry.key) ?? '')].filter(
            (id): id is string => id !== undefined,
          );
      return accountIds.map((accountId) => ({
        id: newId(),
        accountId,
        action: 'auth.refused',
        actorType: 'anonymous' as const,
        actorId: null,
        actorLabel: null,
        targetType: entry.userId ? 'user' : 'api-key',
        targetId: entry.userId ?? null,
        targetLabel: entry.key,
        details: JSON.stringify({
          reason: entry.reason,
          attempts: entry.attempts,
          from: entry.first.toISOString(),
          to: entry.last.toISOString(),
        }),
        sourceIp: entry.ip,
        createdAt: entry.last,
      }));
    });
    for (let start = 0; start < rows.length; start += 500) {
      await this.dataSource.getRepository(AuditEvent).insert(rows.slice(start, start + 500));
    }
  }
}
