import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';

export type ActorType = 'user' | 'api-key' | 'system' | 'anonymous';

/** An append-only record of a change or a refused authentication. No secrets, ever. */
@Entity('audit_events')
@Index('IDX_audit_events_account_created', ['accountId', 'createdAt', 'id'])
@Index('IDX_audit_events_account_target', ['accountId', 'targetId', 'createdAt'])
export class AuditEvent {
  @PrimaryColumn(idColumn())
  id: string;

  /** No foreign key: the trail outlives what it describes. */
  @Column(idColumn())
  accountId: string;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 20 })
  actorType: ActorType;

  @Column({ ...idColumn(), nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorLabel: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType: string | null;

  @Column({ ...idColumn(), nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  targetLabel: string | null;

  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  sourceIp: string | null;

  @Column(timestampColumn())
  createdAt: Date;
}
