import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { AlertLevel, alertLevelOf, daysUntilDueInWindow, tokenDueAt } from '../tokens/token-age.js';
import { ApiKey } from './api-key.entity.js';
import { ApiToken } from './api-token.entity.js';
import { isRenewalPending } from './pending-renewal.js';
import {
  ApiKeyAlertSummary,
  CreateSingleAccessLinkInput,
  CreateSingleAccessLinkPayload,
  DeleteOldTokenInput,
  DeleteOldTokenPayload,
  RenewApiTokenInput,
  RenewApiTokenPayload,
  RevealSingleAccessLinkInput,
  RevealSingleAccessLinkPayload,
  UndoRenewalInput,
  UndoRenewalPayload,
} from './api-token.inputs.js';

/** Token lifecycle of a key: renewal, alerts and single-access links. */
@Resolver(() => ApiKey)
export class ApiTokenResolver {
  @FieldResolver(() => [ApiToken], {
    description: 'Live tokens, oldest first: two while a renewal is pending (old, then new).',
  })
  tokens(@Root() apiKey: ApiKey, @Ctx() context: GraphQLContext): Promise<ApiToken[]> {
    return context.loaders.liveTokens.load(apiKey.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Renewed, and the old token still works (Pending deletion - old token).',
  })
  renewalPending(@Root() apiKey: ApiKey, @Ctx() context: GraphQLContext): boolean {
    return isRenewalPending(apiKey, context.services.clock());
  }

  @FieldResolver(() => Date, {
    description: "When the current token reaches its owner account's duration.",
  })
  async tokenExpiresAt(@Root() apiKey: ApiKey, @Ctx() context: GraphQLContext): Promise<Date> {
    const settings = await context.loaders.settings.load(apiKey.accountId);
    return tokenDueAt(apiKey.tokenCreatedAt, settings.tokenDurationDays);
  }

  @FieldResolver(() => AlertLevel)
  async alertLevel(@Root() apiKey: ApiKey, @Ctx() context: GraphQLContext): Promise<AlertLevel> {
    const settings = await context.loaders.settings.load(apiKey.accountId);
    return alertLevelOf(
      apiKey.tokenCreatedAt,
      settings.tokenDurationDays,
      context.services.clock(),
    );
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Whole days until the token's duration ends, once within the account's reminder window (its largest reminder lead day); null before it and once outdated.",
  })
  async tokenDueInDays(
    @Root() apiKey: ApiKey,
    @Ctx() context: GraphQLContext,
  ): Promise<number | null> {
    const settings = await context.loaders.settings.load(apiKey.accountId);
    return daysUntilDueInWindow(
      tokenDueAt(apiKey.tokenCreatedAt, settings.tokenDurationDays),
      settings.reminderLeadDays,
      context.services.clock(),
    );
  }

  @Query(() => ApiKeyAlertSummary, { description: 'Counts for the Generated tab banner.' })
  generatedKeysAlertSummary(@Ctx() context: GraphQLContext): Promise<ApiKeyAlertSummary> {
    return context.services.generatedKeys.alertSummary(context);
  }

  @Query(() => Int, {
    description:
      'Active keys whose token an enforced duration of tokenDurationDays would refuse now (the Settings preview).',
  })
  generatedKeysFailingUnder(
    @Arg('tokenDurationDays', () => Int) tokenDurationDays: number,
    @Ctx() context: GraphQLContext,
  ): Promise<number> {
    return context.services.apiKeys.failingUnder(context, tokenDurationDays);
  }

  @Mutation(() => RenewApiTokenPayload, {
    description: 'CONFLICT while a renewal is already pending.',
  })
  renewApiToken(
    @Arg('input', () => RenewApiTokenInput) input: RenewApiTokenInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RenewApiTokenPayload> {
    return context.services.apiTokens.renew(context, input.id, input.oldToken, input.reveal);
  }

  @Mutation(() => DeleteOldTokenPayload)
  async deleteOldToken(
    @Arg('input', () => DeleteOldTokenInput) input: DeleteOldTokenInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteOldTokenPayload> {
    return { apiKey: await context.services.apiTokens.deleteOldToken(context, input.id) };
  }

  @Mutation(() => UndoRenewalPayload, { description: 'The new token dies; the old one stays.' })
  async undoRenewal(
    @Arg('input', () => UndoRenewalInput) input: UndoRenewalInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UndoRenewalPayload> {
    return { apiKey: await context.services.apiTokens.undoRenewal(context, input.id) };
  }

  @Mutation(() => CreateSingleAccessLinkPayload, {
    description: 'A link that reveals a just-issued token once, within 24 hours.',
  })
  createSingleAccessLink(
    @Arg('input', () => CreateSingleAccessLinkInput) input: CreateSingleAccessLinkInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateSingleAccessLinkPayload> {
    return context.services.apiTokens.createSingleAccessLink(context, input);
  }

  @Mutation(() => RevealSingleAccessLinkPayload, {
    description:
      'Public. Reveals the token and destroys the link; NOT_FOUND once expired or opened.',
  })
  revealSingleAccessLink(
    @Arg('input', () => RevealSingleAccessLinkInput) input: RevealSingleAccessLinkInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RevealSingleAccessLinkPayload> {
    return context.services.apiTokens.revealSingleAccessLink(context, input.id);
  }
}
