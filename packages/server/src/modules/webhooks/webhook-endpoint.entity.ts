import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';
import { WebhookEventType } from './webhook-event-type.js';

/** A URL an account subscribed to some lifecycle events; signed with the account's secret. */
@ObjectType('WebhookEndpoint')
@Entity('webhook_endpoints')
@Index('IDX_webhook_endpoints_account', ['accountId', 'createdAt'])
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryColumn(idColumn())
  id: string;

  @Column(idColumn())
  accountId: string;

  /** Exposed through the resolver: credentials or a query in it are shown to editors only. */
  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  description: string;

  /** Comma-separated event types, e.g. `key.created,key.deleted`. */
  @Column({ type: 'varchar', length: 500 })
  eventTypesList: string;

  @Field(() => [WebhookEventType])
  get eventTypes(): WebhookEventType[] {
    return this.eventTypesList ? (this.eventTypesList.split(',') as WebhookEventType[]) : [];
  }

  @Field(() => Boolean, { description: 'Inactive endpoints receive no new events.' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => String, { description: 'Email or key of whoever created it.' })
  @Column({ type: 'varchar', length: 254 })
  createdBy: string;

  @Field(() => Date)
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => Date)
  @Column(timestampColumn())
  updatedAt: Date;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}
