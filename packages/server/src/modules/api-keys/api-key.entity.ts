import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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
import { allowlistFromColumn } from './address-allowlist.js';

/** Who generated a key, as stored: a user, one of the account's own keys, or another account's key. */
export type KeyCreatorType = 'user' | 'api-key' | 'external-key';

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
// The creator filter and the count of keys an external key generated here.
@Index('IDX_api_keys_account_creator', ['accountId', 'createdByType', 'createdById'])
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

  /**
   * Who generated the key (null: before this was recorded and not found in the audit log).
   * Copied, not referenced: it stays when the creator is deleted. See ApiKey.createdBy.
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  createdByType: KeyCreatorType | null;

  /** The user's id, or the creating key's id. */
  @Column({ ...idColumn(), nullable: true })
  createdById: string | null;

  /** The user's email, or the creating key's identifier. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  createdByLabel: string | null;

  /** For an external key: the account that owns it. */
  @Column({ ...idColumn(), nullable: true })
  createdByAccountId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  createdByAccountSlug: string | null;

  /**
   * P1: addresses and CIDR ranges the key may be used from, canonical, one per line; null
   * when it may be used from anywhere. See address-allowlist.ts.
   */
  @Column({ type: 'text', nullable: true })
  allowedAddressList: string | null;

  @Field(() => [String], {
    description: 'Addresses and CIDR ranges the key may be used from; empty: anywhere.',
  })
  get allowedAddresses(): string[] {
    return allowlistFromColumn(this.allowedAddressList);
  }

  /** P2: successful uses allowed per minute; null: no limit. */
  @Field(() => Int, { nullable: true, description: 'Successful uses allowed per minute.' })
  @Column({ type: 'int', nullable: true })
  rateLimitPerMinute: number | null;

  /** P2: successful uses allowed per day (UTC); null: no limit. */
  @Field(() => Int, { nullable: true, description: 'Successful uses allowed per day (UTC).' })
  @Column({ type: 'int', nullable: true })
  rateLimitPerDay: number | null;

  /** Optimistic lock: concurrent edits of one key cannot silently overwrite each other. */
  @VersionColumn({ type: 'int' })
  version: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
