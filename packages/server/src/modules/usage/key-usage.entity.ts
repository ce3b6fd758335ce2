import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn } from '../../common/columns.js';

/**
 * Verifications of one key in one hour with one outcome (VALID or a refusal code). Hours are
 * counted since the Unix epoch (UTC), so both databases compare plain integers. Rows older than
 * the hourly window are rolled up into the first hour of their day (`hour % 24 = 0`), which then
 * holds the whole day. No foreign key: a key deleted between a use and the flush must not fail
 * the batch; its rows go with the retention window.
 */
@Entity('key_usage')
@Index('IDX_key_usage_hour', ['hour'])
export class KeyUsageCount {
  @PrimaryColumn(idColumn())
  apiKeyId: string;

  @PrimaryColumn({ type: 'int' })
  hour: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  outcome: string;

  /** 64-bit: a busy key's day overflows 32 bits past ~25,000 verifications a second. */
  @Column({ type: 'bigint' })
  count: string;
}

/** Verifications of one key from one source address in one UTC day (days since the epoch). */
@Entity('key_usage_sources')
@Index('IDX_key_usage_sources_day', ['day'])
export class KeyUsageSource {
  @PrimaryColumn(idColumn())
  apiKeyId: string;

  @PrimaryColumn({ type: 'int' })
  day: number;

  @PrimaryColumn({ type: 'varchar', length: 45 })
  address: string;

  /** 64-bit: a busy key's day overflows 32 bits past ~25,000 verifications a second. */
  @Column({ type: 'bigint' })
  count: string;
}
