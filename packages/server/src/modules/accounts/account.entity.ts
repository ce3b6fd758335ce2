import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';

@ObjectType({ description: 'A tenant (a store). Everything else belongs to exactly one account.' })
@Entity('accounts')
export class Account {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Field(() => String, { description: 'URL-safe name such as `acme`; part of every key.' })
  @Column({ type: 'varchar', length: 40, unique: true })
  slug: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column(timestampColumn())
  createdAt: Date;

  /** Moves whenever a key of the account is generated, renamed or deleted (search index). */
  @Column({ type: 'int', default: 0 })
  keyNamesVersion: number;
}
