import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row whose version moves whenever something a cached verification depends on
 * changes. Servers without Redis poll it to drop their caches within a second.
 */
@Entity('auth_cache_version')
export class AuthCacheVersion {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'bigint' })
  version: string;
}
