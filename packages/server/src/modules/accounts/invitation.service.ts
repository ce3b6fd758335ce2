import { randomBytes } from 'node:crypto';
import { assertVisibleName } from '../../common/text-input.js';
import { In, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, conflict, forbidden, notFound } from '../../common/app-error.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { newId } from '../../common/ids.js';
import { sha256Hex } from '../../common/sha256.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireAuthorityOver } from '../auth/authority.js';
import { requireResource } from '../auth/authorization.js';
import { hashPassword, isAcceptablePassword, PASSWORD_RULE } from '../auth/password.js';
import { actorOf, type Caller, type Principal } from '../auth/principal.js';
import { Session } from '../auth/session.entity.js';
import { defaultUserName, User } from '../auth/user.entity.js';
import { Resources } from '../roles/resource-catalog.js';
import { Role } from '../roles/role.entity.js';
import type { RoleService } from '../roles/role.service.js';
import type { FailureThrottle } from '../throttle/failure-throttle.js';
import { Account } from './account.entity.js';
import { addMember } from './account.service.js';
import { InvitationRole } from './invitation-role.entity.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A link that expired, was used, or whose invitation was revoked: all answer alike. */
const deadLink = () => badInput('token', 'This link has expired or was already used.');
const alreadyHasAccount = () =>
  conflict('This email already has a Keyward account: sign in, then accept the invitation.');

export interface IssuedInvitation {
  invitation: Invitation;
  /** The one place the link's secret appears: shown to the inviter, to hand over. */
  invitationPath: string;
}

export interface InvitationPreview {
  email: string;
  accountName: string;
  expiresAt: Date;
}

/**
 * Joining an account takes the invited person's consent (issue 12): an invitation answers the
 * same whatever the email, and becomes a membership only when accepted, by a signed-in user
 * whose email it names, or by a new person choosing a password through its single-use link.
 */
export class InvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RoleService,
    private readonly throttle: FailureThrottle,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async invite(
    caller: Caller,
    input: { email: string; roleIds: readonly string[] },
  ): Promise<IssuedInvitation> {
    const principal = requireResource(caller, Resources.editUsers);
    const email = input.email.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email) || email.length > 254)
      throw badInput('email', 'Enter a valid email address.');
    // The email is the member's name until they choose one.
    assertVisibleName('email', email);
    const secret = randomBytes(32).toString('base64url');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const roles = await this.roles.rolesGrantableBy(
          manager,
          principal,
          input.roleIds,
          'invitation',
        );
        // Only this account's own members are told apart: nothing about other accounts.
        const member = await manager
          .getRepository(Membership)
          .createQueryBuilder('m')
          .innerJoin('m.user', 'u')
          .where('m.accountId = :accountId AND u.email = :email', {
            accountId: principal.accountId,
            email,
          })
          .getExists();
        if (member) throw conflict('This person is already a member of this account.', 'email');
        // Inviting again replaces the pending invitation, and kills its link.
        await manager.delete(Invitation, { accountId: principal.accountId, email });
        const now = this.clock();
        const invitation = manager.create(Invitation, {
          id: newId(),
          accountId: principal.accountId,
          email,
          tokenHash: sha256Hex(secret),
          invitedBy: actorOf(principal).actorLabel,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        });
        await manager.insert(Invitation, invitation);
        if (roles.length > 0)
          await manager.insert(
            InvitationRole,
            roles.map((role) => ({ invitationId: invitation.id, roleId: role.id })),
          );
        await recordAudit(manager, caller, {
          accountId: principal.accountId,
          action: 'member.invited',
          target: { type: 'invitation', id: invitation.id, label: email },
          details: { roleIds: roles.map((role) => role.id) },
        });
        // In the fragment, so the secret never reaches a server log or a Referer header.
        return { invitation, invitationPath: `/invitation#${secret}` };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('This email was invited at the same moment: try again.', 'email');
      throw error;
    }
  }

  async list(caller: Caller): Promise<Invitation[]> {
    const principal = requireResource(caller, Resources.viewUsers);
    return this.dataSource.getRepository(Invitation).find({
      where: { accountId: principal.accountId, expiresAt: MoreThan(this.clock()) },
      order: { createdAt: 'ASC' },
    });
  }

  async revoke(caller: Caller, id: string): Promise<string> {
    const principal = requireResource(caller, Resources.editUsers);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(Invitation)
        .findOneBy({ id, accountId: principal.accountId });
      if (!invitation) throw notFound('Invitation');
      // Hold what you touch (SPEC 5): an invitation to roles the caller lacks is not theirs to revoke.
      await requireAuthorityOver(manager, principal, { kind: 'invitation', invitationId: id });
      await manager.delete(Invitation, { id });
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'invitation.revoked',
        target: { type: 'invitation', id, label: invitation.email },
      });
      return id;
    });
  }

  /** What the holder of a link may see before accepting: the email and the account. */
  preview(secret: string, ip: string | null): Promise<InvitationPreview> {
    return this.throttle.guard(
      ip,
      async () => {
        const invitation = await this.findLive(this.dataSource.manager, secret);
        const account = await this.dataSource
          .getRepository(Account)
          .findOneByOrFail({ id: invitation.accountId });
        return {
          email: invitation.email,
          accountName: account.name,
          expiresAt: invitation.expiresAt,
        };
      },
      (error) => error.field === 'token',
    );
  }

  /** A signed-in user accepts an invitation sent to their email; their session moves there. */
  accept(caller: Caller, secret: string): Promise<Account> {
    return this.throttle.guard(
      caller.ip,
      async () => {
        const principal = caller.principal;
        if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in to accept.');
        if (principal.kind !== 'user') throw forbidden('Only a person can accept an invitation.');
        const invitation = await this.findLive(this.dataSource.manager, secret);
        if (invitation.email !== principal.email.toLowerCase())
          throw forbidden('This invitation was sent to another email address.');
        return this.dataSource.transaction(async (manager) => {
          const roles = await this.consume(manager, invitation);
          const already = await manager
            .getRepository(Membership)
            .existsBy({ accountId: invitation.accountId, userId: principal.userId });
          if (!already) await addMember(manager, invitation.accountId, principal.userId, roles);
          // The session moves to the account joined, as switchAccount would.
          await manager.update(
            Session,
            { idHash: principal.sessionIdHash },
            { accountId: invitation.accountId },
          );
          await this.recordJoined(manager, caller, principal, invitation, roles);
          return manager.getRepository(Account).findOneByOrFail({ id: invitation.accountId });
        });
      },
      (error) => error.field === 'token',
    );
  }

  /** A new person chooses a password through the link: their user and membership are created. */
  acceptWithPassword(secret: string, password: string, ip: string | null): Promise<string> {
    return this.throttle.guard(
      ip,
      async () => {
        if (!isAcceptablePassword(password)) throw badInput('password', PASSWORD_RULE);
        const invitation = await this.findLive(this.dataSource.manager, secret);
        if (await this.dataSource.getRepository(User).existsBy({ email: invitation.email }))
          throw alreadyHasAccount();
        const passwordHash = await hashPassword(password);
        try {
          await this.dataSource.transaction(async (manager) => {
            const roles = await this.consume(manager, invitation);
            const user = manager.create(User, {
              id: newId(),
              email: invitation.email,
              name: defaultUserName(invitation.email),
              passwordHash,
              createdAt: this.clock(),
            });
            await manager.insert(User, user);
            await addMember(manager, invitation.accountId, user.id, roles);
            const principal: Principal = {
              kind: 'user',
              userId: user.id,
              email: user.email,
              accountId: invitation.accountId,
              sessionIdHash: '',
              resources: new Set(),
            };
            await this.recordJoined(manager, { principal, ip }, principal, invitation, roles);
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw alreadyHasAccount();
          throw error;
        }
        return invitation.email;
      },
      (error) => error.field === 'token',
    );
  }

  /** Roles of each invitation, for a whole list in two queries (DataLoader batch). */
  async rolesOfInvitations(invitationIds: readonly string[]): Promise<Role[][]> {
    const links = await this.dataSource
      .getRepository(InvitationRole)
      .find({ where: { invitationId: In([...invitationIds]) } });
    return this.roles.groupRoles(
      invitationIds,
      links.map((link) => ({ ownerId: link.invitationId, roleId: link.roleId })),
    );
  }

  /** Housekeeping: invitations nobody accepted in time. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.getRepository(Invitation).delete({
      expiresAt: LessThanOrEqual(this.clock()),
    });
  }

  private async findLive(manager: EntityManager, secret: string): Promise<Invitation> {
    const invitation = await manager.getRepository(Invitation).findOneBy({
      tokenHash: sha256Hex(secret),
      expiresAt: MoreThan(this.clock()),
    });
    if (!invitation) throw deadLink();
    return invitation;
  }

  /**
   * Whoever deletes the invitation's row is the one accepting; a parallel use of the same link
   * deletes nothing and is answered like a used link. Its roles are read first (they cascade).
   */
  private async consume(manager: EntityManager, invitation: Invitation): Promise<Role[]> {
    const links = await manager.findBy(InvitationRole, { invitationId: invitation.id });
    const deleted = await manager.delete(Invitation, {
      id: invitation.id,
      tokenHash: invitation.tokenHash,
    });
    if (!deleted.affected) throw deadLink();
    if (links.length === 0) return [];
    return manager.findBy(Role, { id: In(links.map((link) => link.roleId)) });
  }

  private recordJoined(
    manager: EntityManager,
    caller: Caller,
    principal: Principal,
    invitation: Invitation,
    roles: Role[],
  ) {
    return recordAudit(manager, caller, {
      accountId: invitation.accountId,
      action: 'member.joined',
      target: { type: 'user', id: actorOf(principal).actorId, label: invitation.email },
      details: { roleIds: roles.map((role) => role.id), invitationId: invitation.id },
    });
  }
}
