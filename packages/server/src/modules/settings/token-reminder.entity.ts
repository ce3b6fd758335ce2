import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';

export enum ReminderStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** No SMTP server nor webhook configured: recorded and shown in the app only. */
  RECORDED = 'RECORDED',
  FAILED = 'FAILED',
}
registerEnumType(ReminderStatus, { name: 'ReminderStatus' });

/**
 * One reminder for one token and one lead time. The unique index is what makes each
 * reminder exist, and so be sent, once, however many servers run the scheduler.
 */
@ObjectType('TokenReminder')
@Entity('token_reminders')
@Index('UQ_token_reminders_token_lead', ['tokenId', 'leadDays'], { unique: true })
@Index('IDX_token_reminders_due', ['status', 'nextAttemptAt'])
@Index('IDX_token_reminders_account_created', ['accountId', 'createdAt'])
export class TokenReminder {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  accountId: string;

  @Index('IDX_token_reminders_key')
  @Column(idColumn())
  apiKeyId: string;

  @Column(idColumn())
  tokenId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  leadDays: number;

  @Field(() => Date, { description: 'When the token reaches its duration.' })
  @Column(timestampColumn())
  tokenDueAt: Date;

  @Field(() => ReminderStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ReminderStatus;

  @Field(() => Int)
  @Column({ type: 'int' })
  attempts: number;

  @Column(timestampColumn())
  nextAttemptAt: Date;

  /** A server claims a reminder until then; another may take it over afterwards. */
  @Column(timestampColumn({ nullable: true }))
  claimedUntil: Date | null;

  @Field(() => Date, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  sentAt: Date | null;

  /** Per channel, so a retry after a partial failure never sends a channel twice. */
  @Column(timestampColumn({ nullable: true }))
  emailSentAt: Date | null;

  @Column(timestampColumn({ nullable: true }))
  webhookSentAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date)
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => ApiKey)
  @ManyToOne(() => ApiKey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apiKeyId' })
  apiKey?: ApiKey;

  @ManyToOne(() => ApiToken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tokenId' })
  token?: ApiToken;
}
