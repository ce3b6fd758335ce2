import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { connectionTypes, PageArgs } from '../../graphql/types/connection.js';
import { connectionOf } from '../../graphql/types/page-info.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  DeleteWebhookEndpointPayload,
  ResendWebhookDeliveryInput,
  ResendWebhookDeliveryPayload,
  UpdateWebhookEndpointInput,
  WebhookEndpointPayload,
} from './webhook-endpoint.inputs.js';

export const WebhookDeliveryConnection = connectionTypes(
  'WebhookDelivery',
  WebhookDelivery,
).Connection;
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => [WebhookEndpoint], {
    description: 'Webhook endpoints of the current account subscribed to lifecycle events.',
  })
  webhookEndpoints(@Ctx() context: GraphQLContext): Promise<WebhookEndpoint[]> {
    return context.services.webhookEndpoints.list(context);
  }

  @FieldResolver(() => String, {
    description:
      'The receiver URL; a user, password or query in it is redacted unless the caller holds Edit API Keys settings.',
  })
  url(@Root() endpoint: WebhookEndpoint, @Ctx() context: GraphQLContext): string {
    return context.services.webhookEndpoints.urlFor(context, endpoint);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'Deliveries to one endpoint, newest event first (kept 30 days).',
  })
  async webhookDeliveries(
    @Ctx() context: GraphQLContext,
    @Arg('endpointId', () => ID) endpointId: string,
    @Args(() => PageArgs) pageArgs: PageArgs,
  ): Promise<WebhookDeliveryConnection> {
    return connectionOf(
      await context.services.webhookEndpoints.deliveries(context, endpointId, pageArgs),
    );
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: 'Guarded by Edit API Keys settings. At most 20 per account.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookEndpointPayload> {
    return { endpoint: await context.services.webhookEndpoints.create(context, input) };
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Guarded by Edit API Keys settings.' })
  async updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookEndpointPayload> {
    const { id, ...changes } = input;
    return { endpoint: await context.services.webhookEndpoints.update(context, id, changes) };
  }

  @Mutation(() => DeleteWebhookEndpointPayload, {
    description: 'Guarded by Edit API Keys settings. Its delivery log goes with it.',
  })
  async deleteWebhookEndpoint(
    @Arg('input', () => DeleteWebhookEndpointInput) input: DeleteWebhookEndpointInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteWebhookEndpointPayload> {
    return {
      deletedEndpointId: await context.services.webhookEndpoints.delete(context, input.id),
    };
  }

  @Mutation(() => ResendWebhookDeliveryPayload, {
    description:
      'Queues a delivered or failed delivery again, retried for 24 hours. Guarded by Edit API Keys settings.',
  })
  async resendWebhookDelivery(
    @Arg('input', () => ResendWebhookDeliveryInput) input: ResendWebhookDeliveryInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ResendWebhookDeliveryPayload> {
    return { delivery: await context.services.webhookEndpoints.resend(context, input.id) };
  }
}
