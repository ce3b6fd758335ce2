import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { User } from '../auth/user.entity.js';
import { Account } from './account.entity.js';

/** A user's membership of one account; the roles it holds there hang off it. */
@ObjectType('Member', { description: "A user's membership of the current account." })
@Entity('memberships')
@Index('UQ_memberships_account_user', ['accountId', 'userId'], { unique: true })
export class Membership {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  accountId: string;

  @Index('IDX_memberships_user')
  @Column(idColumn())
  userId: string;

  @Field(() => Date, { name: 'addedAt' })
  @Column(timestampColumn())
  createdAt: Date;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Field(() => User)
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;
}
