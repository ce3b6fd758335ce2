import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';

@ObjectType({ description: 'A named set of resources in one account.' })
@Entity('roles')
@Index('UQ_roles_account_name', ['accountId', 'nameNormalized'], { unique: true })
export class Role {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  accountId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Lower-cased, trimmed name: uniqueness ignores case on every database. */
  @Column({ type: 'varchar', length: 100 })
  nameNormalized: string;

  /** Stable key of a predefined role (same in every account); null for custom roles. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  predefinedKey: string | null;

  @Field(() => Boolean, {
    description: 'Predefined roles exist in every account and cannot be edited.',
  })
  get predefined(): boolean {
    return this.predefinedKey !== null;
  }

  @Column(timestampColumn())
  createdAt: Date;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
