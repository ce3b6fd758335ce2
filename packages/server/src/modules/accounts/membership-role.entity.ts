import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn } from '../../common/columns.js';
import { Role } from '../roles/role.entity.js';
import { Membership } from './membership.entity.js';

@Entity('membership_roles')
export class MembershipRole {
  @PrimaryColumn(idColumn())
  membershipId: string;

  @Index('IDX_membership_roles_role')
  @PrimaryColumn(idColumn())
  roleId: string;

  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membershipId' })
  membership?: Membership;

  @ManyToOne(() => Role, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roleId' })
  role?: Role;
}
