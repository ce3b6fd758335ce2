import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../../common/columns.js';
import { Account } from '../accounts/account.entity.js';

export enum TokenEnforcement {
  ALERT_ONLY = 'ALERT_ONLY',
  ENFORCE = 'ENFORCE',
}
registerEnumType(TokenEnforcement, {
  name: 'TokenEnforcement',
  description: 'ALERT_ONLY flags outdated tokens; ENFORCE also refuses them with code EXPIRED.',
});

export const DEFAULT_DURATION_DAYS = 90;
export const DEFAULT_REMINDER_LEAD_DAYS = [14, 3];

/** Token duration, enforcement and reminders of one account. A missing row means defaults. */
@ObjectType('ApiKeySettings')
@Entity('api_key_settings')
export class ApiKeySettings {
  @PrimaryColumn(idColumn())
  accountId: string;

  @Field(() => Int, {
    description:
      'Days a token lives, from its creation or last renewal: 90 (3 months, recommended), 180 (6 months) or custom.',
  })
  @Column({ type: 'int' })
  tokenDurationDays: number;

  @Field(() => TokenEnforcement)
  @Column({ type: 'varchar', length: 20 })
  enforcement: TokenEnforcement;

  /** Comma-separated days before the duration ends, e.g. `14,3`. */
  @Column({ type: 'varchar', length: 100 })
  reminderLeadDaysList: string;

  @Field(() => [Int], {
    description: 'Reminders go this many days before a token reaches its duration.',
  })
  get reminderLeadDays(): number[] {
    return this.reminderLeadDaysList ? this.reminderLeadDaysList.split(',').map(Number) : [];
  }

  /** Comma-separated email addresses. */
  @Column({ type: 'text' })
  reminderRecipientsList: string;

  @Field(() => [String])
  get reminderRecipients(): string[] {
    return this.reminderRecipientsList ? this.reminderRecipientsList.split(',') : [];
  }

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  webhookUrl: string | null;

  /**
   * Key of the webhook's HMAC signature. Exposed only through the resolver's field check:
   * holders of Edit API Keys settings read it, everyone else learns only that it exists.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  webhookSigningSecret: string | null;

  @Field(() => Boolean, { description: 'Whether webhook bodies are signed (a secret exists).' })
  get hasWebhookSigningSecret(): boolean {
    return this.webhookSigningSecret !== null;
  }

  @Field(() => Boolean, {
    description: 'Deactivate a key at once when a secret scanner reports one of its tokens.',
  })
  @Column({ type: 'boolean', default: true })
  deactivateLeakedKeys: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Keys whose tokens are not used for this many days (30 to 365) are deactivated; null: never.',
  })
  @Column({ type: 'int', nullable: true })
  inactivityDays: number | null;

  @Column(timestampColumn())
  updatedAt: Date;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;
}

export const defaultSettings = (accountId: string): ApiKeySettings =>
  Object.assign(new ApiKeySettings(), {
    accountId,
    tokenDurationDays: DEFAULT_DURATION_DAYS,
    enforcement: TokenEnforcement.ALERT_ONLY,
    reminderLeadDaysList: DEFAULT_REMINDER_LEAD_DAYS.join(','),
    reminderRecipientsList: '',
    webhookUrl: null,
    webhookSigningSecret: null,
    deactivateLeakedKeys: true,
    inactivityDays: null,
    updatedAt: new Date(0),
  });
