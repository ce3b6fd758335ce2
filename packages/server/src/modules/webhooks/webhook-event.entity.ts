import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';

/**
 * One lifecycle event, written in the transaction of the change it tells of (an outbox): it
 * exists if and only if that change committed. `payload` is the exact body receivers get.
 */
@Entity('webhook_events')
@Index('IDX_webhook_events_created', ['createdAt'])
export class WebhookEvent {
  @PrimaryColumn(idColumn())
  id: string;

  @Index('IDX_webhook_events_account')
  @Column(idColumn())
  accountId: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'text' })
  payload: string;

  @Column(timestampColumn())
  createdAt: Date;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
