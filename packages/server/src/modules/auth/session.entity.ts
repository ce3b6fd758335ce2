import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';
import { User } from './user.entity.js';

/** A signed-in browser. Stored in the database so several servers share sessions. */
@Entity('sessions')
export class Session {
  /** SHA-256 of the cookie value; the cookie itself is never stored. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  idHash: string;

  @Index('IDX_sessions_user')
  @Column(idColumn())
  userId: string;

  @Column(idColumn())
  accountId: string;

  @Column(timestampColumn())
  createdAt: Date;

  @Index('IDX_sessions_expires')
  @Column(timestampColumn())
  expiresAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
