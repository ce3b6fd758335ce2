import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { ApiKey } from './api-key.entity.js';

/**
 * A token waiting to be revealed once. It is encrypted with a key derived from the link's
 * own secret (never stored) and the server secret, and deleted at first opening or expiry.
 */
@Entity('single_access_links')
export class SingleAccessLink {
  /** SHA-256 of the secret in the link. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  idHash: string;

  @Index('IDX_single_access_links_key')
  @Column(idColumn())
  apiKeyId: string;

  @Column(idColumn())
  accountId: string;

  /** base64 of IV, AES-256-GCM ciphertext and tag. */
  @Column({ type: 'varchar', length: 255 })
  sealedToken: string;

  @Column(timestampColumn())
  createdAt: Date;

  @Index('IDX_single_access_links_expires')
  @Column(timestampColumn())
  expiresAt: Date;

  @ManyToOne(() => ApiKey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apiKeyId' })
  apiKey?: ApiKey;
}
