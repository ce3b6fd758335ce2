import { In, type DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound } from '../../common/app-error.js';
import { isMysqlFamily } from '../../common/dialect.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireAuthorityOver } from '../auth/authority.js';
import { requireResource } from '../auth/authorization.js';
import { DUMMY_PASSWORD_HASH } from '../auth/password.js';
import type { Caller, Principal } from '../auth/principal.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { Resources } from '../roles/resource-catalog.js';
import { Role } from '../roles/role.entity.js';
import type { RoleService } from '../roles/role.service.js';
import { MembershipRole } from './membership-role.entity.js';
import { Membership } from './membership.entity.js';

/** Members of an account and their roles; the last owner who can sign in always stays. */
export class MemberService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RoleService,
  ) {}

  async list(caller: Caller): Promise<Membership[]> {
    const principal = requireResource(caller, Resources.viewUsers);
    return this.dataSource.getRepository(Membership).find({
      where: { accountId: principal.accountId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
  }

  async updateRoles(
    caller: Caller,
    input: { id: string; roleIds: readonly string[] },
  ): Promise<Membership> {
    const principal = requireResource(caller, Resources.editUsers);
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwnerRole(manager, principal.accountId);
      const member = await this.findWithinAuthority(manager, principal, input.id);
      const roles = await this.roles.rolesGrantableBy(manager, principal, input.roleIds, 'member');
      if (!roles.some((role) => role.predefinedKey === 'owner'))
        await this.assertAnotherOwner(manager, member);
      await this.replaceRoles(manager, member.id, roles);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'member.updated',
        target: { type: 'user', id: member.userId, label: member.user?.email ?? member.userId },
        details: { roleIds: roles.map((role) => role.id) },
      });
      return member;
    });
  }

  async remove(caller: Caller, id: string): Promise<string> {
    const principal = requireResource(caller, Resources.editUsers);
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwnerRole(manager, principal.accountId);
      const member = await this.findWithinAuthority(manager, principal, id);
      await this.assertAnotherOwner(manager, member);
      await manager.delete(Membership, { id: member.id });
      // Their sessions in this account end with the membership.
      await manager.delete(Session, { userId: member.userId, accountId: principal.accountId });
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'member.removed',
        target: { type: 'user', id: member.userId, label: member.user?.email ?? member.userId },
      });
      return member.id;
    });
  }

  /** Roles of each member, for a whole list in two queries (DataLoader batch). */
  async rolesOfMembers(memberIds: readonly string[]): Promise<Role[][]> {
    const links = await this.dataSource
      .getRepository(MembershipRole)
      .find({ where: { membershipId: In([...memberIds]) } });
    return this.roles.groupRoles(
      memberIds,
      links.map((link) => ({ ownerId: link.membershipId, roleId: link.roleId })),
    );
  }

  /**
   * Two owners demoting each other at once must not both see the other remain: locking the
   * account's Owner role row first makes such changes take turns, and the reads after it
   * see what the other committed. SQLite serialises writers already.
   */
  private async lockOwnerRole(manager: EntityManager, accountId: string) {
    if (!isMysqlFamily(manager)) return;
    await manager
      .getRepository(Role)
      .createQueryBuilder('r')
      .where("r.accountId = :accountId AND r.predefinedKey = 'owner'", { accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * The last holder of Owner (Admin Super) who can sign in can be neither demoted nor removed:
   * an Owner who never set a password (the dummy hash nobody can match) does not count.
   */
  private async assertAnotherOwner(manager: EntityManager, member: Membership) {
    const owners = await manager
      .getRepository(MembershipRole)
      .createQueryBuilder('mr')
      .innerJoin('mr.role', 'r')
      .innerJoin('mr.membership', 'm')
      .innerJoin(User, 'u', 'u.id = m.userId')
      .where("m.accountId = :accountId AND r.predefinedKey = 'owner' AND m.id <> :memberId", {
        accountId: member.accountId,
        memberId: member.id,
      })
      .andWhere('u.passwordHash <> :neverSet', { neverSet: DUMMY_PASSWORD_HASH })
      .getCount();
    const isOwner = await manager
      .getRepository(MembershipRole)
      .createQueryBuilder('mr')
      .innerJoin('mr.role', 'r')
      .where("mr.membershipId = :memberId AND r.predefinedKey = 'owner'", { memberId: member.id })
      .getCount();
    if (isOwner > 0 && owners === 0) {
      throw conflict('The account must keep at least one Owner (Admin Super) who can sign in.');
    }
  }

  private async findWithinAuthority(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<Membership> {
    const member = await manager.getRepository(Membership).findOne({
      where: { id, accountId: principal.accountId },
      relations: { user: true },
    });
    if (!member) throw notFound('Member');
    // Hold what you touch (SPEC 5): nobody demotes or removes a member stronger than themselves.
    await requireAuthorityOver(manager, principal, { kind: 'member', membershipId: member.id });
    return member;
  }

  private async replaceRoles(manager: EntityManager, membershipId: string, roles: Role[]) {
    await manager.delete(MembershipRole, { membershipId });
    if (roles.length > 0) {
      await manager.insert(
        MembershipRole,
        roles.map((role) => ({ membershipId, roleId: role.id })),
      );
    }
  }
}
