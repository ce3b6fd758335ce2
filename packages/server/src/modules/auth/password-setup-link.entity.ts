import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { User } from './user.entity.js';

/** A single-use link through which a newly added member sets a first password. */
@Entity('password_setup_links')
export class PasswordSetupLink {
  /** SHA-256 of the link's secret; the secret itself is shown once to the admin. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  idHash: string;

  @Index('IDX_password_setup_links_user')
  @Column(idColumn())
  userId: string;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  expiresAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;
}
