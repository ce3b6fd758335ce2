import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from './account.entity.js';

/**
 * A pending invitation to join an account. It becomes a membership only when the invited
 * person accepts; its single-use link is bound to it and dies with it.
 */
@ObjectType({ description: 'A pending invitation to join the current account.' })
@Entity('invitations')
@Index('UQ_invitations_account_email', ['accountId', 'email'], { unique: true })
export class Invitation {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  accountId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** SHA-256 of the link's secret; the secret itself is shown once, to the inviter. */
  @Index('UQ_invitations_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Field(() => String, { description: 'Email of the inviting user, or identifier of the key.' })
  @Column({ type: 'varchar', length: 254 })
  invitedBy: string;

  @Field(() => Date, { name: 'invitedAt' })
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => Date)
  @Index('IDX_invitations_expires')
  @Column(timestampColumn())
  expiresAt: Date;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
