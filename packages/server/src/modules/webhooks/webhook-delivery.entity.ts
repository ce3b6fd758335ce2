import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEvent } from './webhook-event.entity.js';
import { WebhookEventType } from './webhook-event-type.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

/**
 * One event for one endpoint. Servers take a due delivery by a timed claim (an UPDATE that
 * only one of them matches), so an attempt is sent once however many dispatchers run.
 */
@ObjectType('WebhookDelivery')
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_due', ['status', 'nextAttemptAt'])
@Index('IDX_webhook_deliveries_endpoint_created', ['endpointId', 'createdAt', 'id'])
@Index('IDX_webhook_deliveries_created', ['createdAt'])
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Index('IDX_webhook_deliveries_account')
  @Column(idColumn())
  accountId: string;

  @Column(idColumn())
  endpointId: string;

  @Index('IDX_webhook_deliveries_event')
  @Column(idColumn())
  eventId: string;

  @Field(() => WebhookEventType)
  @Column({ type: 'varchar', length: 40 })
  eventType: WebhookEventType;

  @Field(() => WebhookDeliveryStatus)
  @Column({ type: 'varchar', length: 20 })
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  @Column({ type: 'int' })
  attempts: number;

  @Field(() => Int, {
    nullable: true,
    description: "The receiver's HTTP status at the last attempt; null when none was answered.",
  })
  @Column({ type: 'int', nullable: true })
  lastResponseStatus: number | null;

  /** `failed` or `failed with HTTP n`: never a network detail (see describeFailure). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  lastError: string | null;

  @Column(timestampColumn())
  nextAttemptAt: Date;

  @Field(() => Date, { name: 'nextAttemptAt', nullable: true, description: 'While pending.' })
  get nextAttemptIfPending(): Date | null {
    return this.status === WebhookDeliveryStatus.PENDING ? this.nextAttemptAt : null;
  }

  /** Retries stop here: 24 hours after the event, or after a resend. */
  @Column(timestampColumn())
  retryUntil: Date;

  /** A server claims a delivery until then; another may take it over afterwards. */
  @Column(timestampColumn({ nullable: true }))
  claimedUntil: Date | null;

  @Field(() => Date, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  deliveredAt: Date | null;

  @Field(() => Date, { description: 'When the event happened.' })
  @Column(timestampColumn())
  createdAt: Date;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpointId' })
  endpoint?: WebhookEndpoint;

  @ManyToOne(() => WebhookEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: WebhookEvent;
}
