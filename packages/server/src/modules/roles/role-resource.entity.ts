import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn } from '../../common/columns.js';
import { Role } from './role.entity.js';

@Entity('role_resources')
export class RoleResource {
  @PrimaryColumn(idColumn())
  roleId: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  resourceKey: string;

  @ManyToOne(() => Role, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roleId' })
  role?: Role;
}
