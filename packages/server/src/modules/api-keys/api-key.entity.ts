import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  VersionColumn,
} from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus' });

/**
 * An integration's identity, owned by the account that generated it.
 * Indexes cover every list sort (keyset on the sort column plus id).
 */
@ObjectType({
  description: 'An API key. Its token is never readable after the response that reveals it.',
})
@Entity('api_keys')
@Index('UQ_api_keys_account_name', ['accountId', 'nameNormalized'], { unique: true })
// The name sort's keyset is (nameNormalized, id): MariaDB does not extend a UNIQUE index with
// the primary key for ORDER BY, so without this index the NAME sort is a filesort.
// The key rides along so a search by name or key reads this index alone (count and NAME pages).
@Index('IDX_api_keys_account_name', ['accountId', 'nameNormalized', 'id', 'key'])
@Index('IDX_api_keys_account_created', ['accountId', 'createdAt', 'id'])
@Index('IDX_api_keys_account_status', ['accountId', 'active', 'createdAt', 'id'])
@Index('IDX_api_keys_account_last_used', ['accountId', 'lastUsedAt', 'id'])
@Index('IDX_api_keys_account_token_created', ['accountId', 'tokenCreatedAt', 'id'])
@Index('IDX_api_keys_account_old_token', ['accountId', 'oldTokenLiveUntil'])
export class ApiKey {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  accountId: string;

  @Field(() => String, { description: 'Public identifier: kw-<account>-<random>.' })
  @Column({ type: 'varchar', length: 80, unique: true })
  key: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Lower-cased name: uniqueness and the name sort ignore case the same way on every database. */
  @Column({ type: 'varchar', length: 100 })
  nameNormalized: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => ApiKeyStatus)
  get status(): ApiKeyStatus {
    return this.active ? ApiKeyStatus.ACTIVE : ApiKeyStatus.INACTIVE;
  }

  @Field(() => Date)
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => Date)
  @Column(timestampColumn())
  updatedAt: Date;

  @Field(() => Date, {
    description: 'When the current token was issued (creation or last renewal).',
  })
  @Column(timestampColumn())
  tokenCreatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Last successful authentication with any of its tokens.',
  })
  @Column(timestampColumn({ nullable: true }))
  lastUsedAt: Date | null;

  /**
   * Until when a renewal keeps the old token alive (KEPT_UNTIL_DELETED when it has no end);
   * null when no renewal is pending. Kept with the tokens so the renewal filter and banner
   * read one index range instead of a token lookup per key.
   */
  @Column(timestampColumn({ nullable: true }))
  oldTokenLiveUntil: Date | null;

  /** Optimistic lock: concurrent edits of one key cannot silently overwrite each other. */
  @VersionColumn({ type: 'int' })
  version: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
