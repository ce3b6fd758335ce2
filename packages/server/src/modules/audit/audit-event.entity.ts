import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';

export type ActorType = 'user' | 'api-key' | 'system' | 'anonymous';

export enum AuditActorKind {
  USER = 'user',
  API_KEY = 'api-key',
  SYSTEM = 'system',
  ANONYMOUS = 'anonymous',
}
registerEnumType(AuditActorKind, { name: 'AuditActorKind' });

/** An append-only record of a change or a refused authentication. No secrets, ever. */
@ObjectType('AuditEvent', { description: 'A change, or refused authentications, in one account.' })
@Entity('audit_events')
@Index('IDX_audit_events_account_created', ['accountId', 'createdAt', 'id'])
@Index('IDX_audit_events_account_target', ['accountId', 'targetId', 'createdAt'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  /** No foreign key: the trail outlives what it describes. */
  @Column(idColumn())
  accountId: string;

  @Field(() => String, {
    description: 'e.g. api-key.generated, api-key.token-renewed, auth.refused.',
  })
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Field(() => AuditActorKind, { name: 'actorKind' })
  @Column({ type: 'varchar', length: 20 })
  actorType: ActorType;

  @Column({ ...idColumn(), nullable: true })
  actorId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Email of the user or identifier of the key.',
  })
  @Column({ type: 'varchar', length: 254, nullable: true })
  actorLabel: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType: string | null;

  @Column({ ...idColumn(), nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  targetLabel: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'JSON with what changed. Never holds secrets.',
  })
  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 45, nullable: true })
  sourceIp: string | null;

  @Field(() => Date)
  @Column(timestampColumn())
  createdAt: Date;
}
