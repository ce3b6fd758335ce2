import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEventType } from './webhook-event-type.js';

const URL_RULE =
  'https (http outside production) to a public host, or to a private one the server operator allows (KEYWARD_WEBHOOK_ALLOW).';

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: URL_RULE })
  url: string;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  description?: string | null;

  @Field(() => [WebhookEventType], { description: 'At least one.' })
  eventTypes: WebhookEventType[];
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: URL_RULE })
  url?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class DeleteWebhookEndpointInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class ResendWebhookDeliveryInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;
}

@ObjectType()
export class DeleteWebhookEndpointPayload {
  @Field(() => ID)
  deletedEndpointId: string;
}

@ObjectType()
export class ResendWebhookDeliveryPayload {
  @Field(() => WebhookDelivery)
  delivery: WebhookDelivery;
}
