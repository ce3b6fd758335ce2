import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { ApiKey } from './api-key.entity.js';

/** One secret of a key. A key holds two while a renewal is pending. */
@ObjectType('ApiToken', {
  description: 'A token of a key, without its secret: when it was issued and last used.',
})
@Entity('api_tokens')
export class ApiToken {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Index('IDX_api_tokens_key')
  @Column(idColumn())
  apiKeyId: string;

  /** HMAC-SHA256 of the token with the server secret, hex. The clear token is never stored. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Field(() => Date)
  @Column(timestampColumn())
  createdAt: Date;

  /** Null while the token lives; set when a renewal schedules the old token's death. */
  @Field(() => Date, {
    nullable: true,
    description: 'Set when a renewal scheduled this old token to die.',
  })
  @Column(timestampColumn({ nullable: true }))
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  lastUsedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 45, nullable: true })
  lastUsedIp: string | null;

  @ManyToOne(() => ApiKey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apiKeyId' })
  apiKey?: ApiKey;
}
