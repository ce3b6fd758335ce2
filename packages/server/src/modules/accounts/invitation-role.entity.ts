import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn } from '../../common/columns.js';
import { Role } from '../roles/role.entity.js';
import { Invitation } from './invitation.entity.js';

/** Roles the invited person will hold once they accept. */
@Entity('invitation_roles')
export class InvitationRole {
  @PrimaryColumn(idColumn())
  invitationId: string;

  @Index('IDX_invitation_roles_role')
  @PrimaryColumn(idColumn())
  roleId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitationId' })
  invitation?: Invitation;

  @ManyToOne(() => Role, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roleId' })
  role?: Role;
}
