import {
  Arg,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  FieldResolver,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { ApiKeySettings, TokenEnforcement } from './api-key-settings.entity.js';
import { TokenReminder } from './token-reminder.entity.js';

@InputType({ description: 'Only the fields given change.' })
export class UpdateApiKeySettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: '90 (3 months), 180 (6 months) or 1 to 3650 days.',
  })
  tokenDurationDays?: number | null;

  @Field(() => TokenEnforcement, { nullable: true })
  enforcement?: TokenEnforcement | null;

  @Field(() => [Int], { nullable: true, description: 'Days ahead of the duration, e.g. [14, 3].' })
  reminderLeadDays?: number[] | null;

  @Field(() => [String], { nullable: true })
  reminderRecipients?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'https (http outside production) to a public host, or to a private one the server operator allows (KEYWARD_WEBHOOK_ALLOW). An empty string removes the webhook.',
  })
  webhookUrl?: string | null;

  @Field(() => Boolean, { nullable: true })
  deactivateLeakedKeys?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '30 to 365 days without use before a key is deactivated; null turns the policy off.',
  })
  inactivityDays?: number | null;
}

@ObjectType()
export class UpdateApiKeySettingsPayload {
  @Field(() => ApiKeySettings)
  settings: ApiKeySettings;
}

@Resolver(() => ApiKeySettings)
export class ApiKeySettingsResolver {
  @Query(() => ApiKeySettings)
  apiKeySettings(@Ctx() context: GraphQLContext): Promise<ApiKeySettings> {
    return context.services.settings.get(context);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'HMAC-SHA256 key that signs webhook bodies (X-Keyward-Signature). Null unless the caller ' +
      'holds Edit API Keys settings; hasWebhookSigningSecret tells everyone whether one exists.',
  })
  webhookSigningSecret(
    @Root() settings: ApiKeySettings,
    @Ctx() context: GraphQLContext,
  ): string | null {
    return context.services.settings.signingSecretFor(context, settings);
  }

  @Query(() => [TokenReminder], {
    description: 'Latest renewal reminders: sent, recorded (no channel configured) or failing.',
  })
  tokenReminders(
    @Ctx() context: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<TokenReminder[]> {
    return context.services.settings.reminders(context, first);
  }

  @Mutation(() => UpdateApiKeySettingsPayload, {
    description: 'Guarded by Edit API Keys settings.',
  })
  async updateApiKeySettings(
    @Arg('input', () => UpdateApiKeySettingsInput) input: UpdateApiKeySettingsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateApiKeySettingsPayload> {
    return { settings: await context.services.settings.update(context, input) };
  }
}
