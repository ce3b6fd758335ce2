import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';
import { ApiKey } from './api-key.entity.js';

/**
 * A key's presence in one account. Every key has a grant in its own account;
 * a grant in another account is an external key there.
 */
@ObjectType('ExternalKey', {
  description: 'A key another account owns, granted roles in this one (the External tab).',
})
@Entity('key_grants')
@Index('UQ_key_grants_key_account', ['apiKeyId', 'accountId'], { unique: true })
@Index('IDX_key_grants_account_created', ['accountId', 'createdAt', 'id'])
export class KeyGrant {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  apiKeyId: string;

  @Column(idColumn())
  accountId: string;

  @Field(() => Date, { name: 'addedAt' })
  @Column(timestampColumn())
  createdAt: Date;

  @ManyToOne(() => ApiKey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apiKeyId' })
  apiKey?: ApiKey;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
