import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';

/** Until a user names themselves, the email stands in, cut to the column's width. */
export const defaultUserName = (email: string): string => email.slice(0, 100);

@ObjectType({ description: 'A person who signs in to the admin app.' })
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** scrypt parameters, salt and hash; never exposed. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column(timestampColumn())
  createdAt: Date;
}
