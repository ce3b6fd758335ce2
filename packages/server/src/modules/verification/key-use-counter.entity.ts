import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn } from '../../common/columns.js';

/**
 * P2 in database mode: successful uses of a budgeted key in one fixed window (a minute or a
 * UTC day), shared by every server. Rows past their window are deleted in passing.
 */
@Entity('key_use_counters')
@Index('IDX_key_use_counters_ends', ['windowEndsAt'])
export class KeyUseCounter {
  @PrimaryColumn(idColumn())
  apiKeyId: string;

  /** `m<epoch minute>` or `d<epoch day>`. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  window: string;

  @Column({ type: 'int' })
  uses: number;

  /** Epoch milliseconds. */
  @Column({ type: 'bigint' })
  windowEndsAt: string;
}
