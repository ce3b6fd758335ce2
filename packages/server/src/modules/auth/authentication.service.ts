import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { sha256Hex } from '../../common/sha256.js';
import { AppError, badInput, notFound, unauthenticated } from '../../common/app-error.js';
import { MembershipRole } from '../accounts/membership-role.entity.js';
import { Membership } from '../accounts/membership.entity.js';
import { RoleResource } from '../roles/role-resource.entity.js';
import type { FailureThrottle } from '../throttle/failure-throttle.js';
import type { RefusedAuthRecorder } from '../audit/refused-auth.recorder.js';
import { isKnownDevice, knownDeviceProof } from './known-device.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.js';
import type { Caller, Principal } from './principal.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export class AuthenticationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: FailureThrottle,
    private readonly refused: RefusedAuthRecorder,
    /** Keys the proofs of browsers that signed in before (known-device.ts). */
    private readonly deviceSecret: string,
  ) {}

  /**
   * Wrong passwords count against the source (guessing through aliases is throttled too),
   * and attempts on one email, from any source, wait their turn once a few have been made:
   * slowed, never refused, and a browser that signed in as the email before (`knownDevice`,
   * the proof answered on success) skips the wait, so nobody can lock a real user out.
   */
  async signIn(
    email: string,
    password: string,
    ip: string | null,
    knownDevice?: string,
  ): Promise<{ sessionCookie: string; expiresAt: Date; knownDevice: string }> {
    try {
      return await this.throttle.guard(
        ip,
        () => this.startSession(email, password, ip, knownDevice),
        (error) => error.code === 'UNAUTHENTICATED',
      );
    } catch (error) {
      // Refused for a blocked source, before any lookup: recorded against the email's user
      // (found when the audit rows are written), like every refused sign-in.
      if (error instanceof AppError && error.code === 'RATE_LIMITED')
        this.refused.recordBlockedSignIn(email.trim().toLowerCase(), ip);
      throw error;
    }
  }

  private async startSession(
    rawEmail: string,
    password: string,
    ip: string | null,
    knownDevice: string | undefined,
  ): Promise<{ sessionCookie: string; expiresAt: Date; knownDevice: string }> {
    const email = rawEmail.trim().toLowerCase();
    if (!email) throw badInput('email', 'Enter your email.');
    if (!password) throw badInput('password', 'Enter your password.');
    if (email.length > 320) throw badInput('email', 'Enter a valid email.');
    if (!isKnownDevice(this.deviceSecret, email, knownDevice)) {
      const holdMs = await this.throttle.holdSignIn(email);
      if (holdMs > 0) await sleep(holdMs);
    }
    const found = await this.dataSource.getRepository(User).findOneBy({ email });
    // Emails are stored trimmed and lower-cased; MySQL's collation also matches other
    // spellings (accents, full-width letters, trailing NUL), each with a delay count of its
    // own: only the exact spelling is the user, as on SQLite.
    const user = found?.email === email ? found : null;
    // Same work for unknown emails and wrong passwords: no hint which one it was.
    const passwordMatches = await verifyPassword(
      password,
      user?.passwordHash ?? DUMMY_PASSWORD_HASH,
    );
    if (!user || !passwordMatches) {
      // Every refused sign-in of a real user is in the audit log of each of their accounts.
      if (user) this.refused.recordSignIn(user.id, user.email, ip);
      throw Object.assign(unauthenticated(), { message: 'Email or password is incorrect.' });
    }
    const membership = await this.dataSource
      .getRepository(Membership)
      .findOne({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    if (!membership)
      throw Object.assign(unauthenticated(), { message: 'Email or password is incorrect.' });
    await this.throttle.signedIn(email);
    const sessionCookie = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.dataSource.getRepository(Session).insert({
      idHash: sha256Hex(sessionCookie),
      userId: user.id,
      accountId: membership.accountId,
      createdAt: now,
      expiresAt,
    });
    return { sessionCookie, expiresAt, knownDevice: knownDeviceProof(this.deviceSecret, email) };
  }

  async signOut(caller: Caller): Promise<void> {
    if (caller.principal?.kind !== 'user') return;
    await this.dataSource.getRepository(Session).delete({ idHash: caller.principal.sessionIdHash });
  }

  async switchAccount(caller: Caller, accountId: string): Promise<Principal> {
    const principal = caller.principal;
    if (!principal) throw unauthenticated();
    if (principal.kind !== 'user') throw badInput('accountId', 'API keys cannot switch accounts.');
    const member = await this.dataSource
      .getRepository(Membership)
      .existsBy({ userId: principal.userId, accountId });
    if (!member) throw notFound('Account');
    await this.dataSource
      .getRepository(Session)
      .update({ idHash: principal.sessionIdHash }, { accountId });
    return {
      ...principal,
      accountId,
      resources: await this.userResources(principal.userId, accountId),
    };
  }

  async fromSessionCookie(cookie: string): Promise<Principal | null> {
    const idHash = sha256Hex(cookie);
    // Both in one round trip: this runs before every signed-in request.
    const [session, resources] = await Promise.all([
      this.dataSource
        .getRepository(Session)
        .createQueryBuilder('s')
        .innerJoinAndSelect('s.user', 'u')
        .where('s.idHash = :idHash', { idHash })
        .andWhere('s.expiresAt > :now', { now: new Date() })
        .getOne(),
      this.resourcesOfSession(idHash),
    ]);
    if (!session?.user) return null;
    return {
      kind: 'user',
      userId: session.userId,
      email: session.user.email,
      accountId: session.accountId,
      sessionIdHash: idHash,
      resources,
    };
  }

  /** What the session's user may do in the session's account (read by the session's hash). */
  private resourcesOfSession(idHash: string): Promise<Set<string>> {
    return this.resourcesWhere((query) =>
      query
        .innerJoin(Session, 's', 's.userId = m.userId AND s.accountId = m.accountId')
        .where('s.idHash = :idHash', { idHash }),
    );
  }

  private userResources(userId: string, accountId: string): Promise<Set<string>> {
    return this.resourcesWhere((query) =>
      query.where('m.userId = :userId AND m.accountId = :accountId', { userId, accountId }),
    );
  }

  /** Resource keys granted through memberships (alias `m`) that `narrow` selects. */
  private async resourcesWhere(
    narrow: (query: SelectQueryBuilder<RoleResource>) => SelectQueryBuilder<RoleResource>,
  ): Promise<Set<string>> {
    const query = this.dataSource
      .getRepository(RoleResource)
      .createQueryBuilder('rr')
      .select('DISTINCT rr.resourceKey', 'resourceKey')
      .innerJoin(MembershipRole, 'mr', 'mr.roleId = rr.roleId')
      .innerJoin(Membership, 'm', 'm.id = mr.membershipId');
    const rows = await narrow(query).getRawMany<{ resourceKey: string }>();
    return new Set(rows.map((row) => row.resourceKey));
  }
}
