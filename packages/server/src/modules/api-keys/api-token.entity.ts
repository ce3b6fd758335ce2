import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { ApiKey } from './api-key.entity.js';

/** One secret of a key. A key holds two while a renewal is pending. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn(idColumn())
  id: string;

  @Index('IDX_api_tokens_key')
  @Column(idColumn())
  apiKeyId: string;

  /** HMAC-SHA256 of the token with the server secret, hex. The clear token is never stored. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column(timestampColumn())
  createdAt: Date;

  /** Null while the token lives; set when a renewal schedules the old token's death. */
  @Column(timestampColumn({ nullable: true }))
  expiresAt: Date | null;

  @Column(timestampColumn({ nullable: true }))
  lastUsedAt: Date | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  lastUsedIp: string | null;

  @ManyToOne(() => ApiKey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apiKeyId' })
  apiKey?: ApiKey;
}
