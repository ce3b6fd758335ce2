import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn } from '../../common/columns.js';
import { Role } from '../roles/role.entity.js';
import { KeyGrant } from './key-grant.entity.js';

@Entity('key_grant_roles')
export class KeyGrantRole {
  @PrimaryColumn(idColumn())
  grantId: string;

  @Index('IDX_key_grant_roles_role')
  @PrimaryColumn(idColumn())
  roleId: string;

  @ManyToOne(() => KeyGrant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grantId' })
  grant?: KeyGrant;

  @ManyToOne(() => Role, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roleId' })
  role?: Role;
}
