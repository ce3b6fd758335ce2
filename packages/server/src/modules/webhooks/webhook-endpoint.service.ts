import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import type { Clock } from '../../common/clock.js';
import { addMs } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import {
  countUpTo,
  paginate,
  type Counted,
  type Page,
  type PageRequest,
  type SortColumn,
} from '../../common/keyset.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireAnyResource, requireResource } from '../auth/authorization.js';
import { actorOf, type Caller } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import { ApiKeySettings, defaultSettings } from '../settings/api-key-settings.entity.js';
import type { EgressPolicy } from './egress-policy.js';
import { RETRY_WINDOW_MS } from './lifecycle-event.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEventType } from './webhook-event-type.js';
import { redactedUrl, validWebhookUrl } from './webhook-url.js';

export const MAX_ENDPOINTS_PER_ACCOUNT = 20;
const MAX_DESCRIPTION_LENGTH = 200;
const KNOWN_TYPES = new Set<string>(Object.values(WebhookEventType));

export interface EndpointChanges {
  url?: string | null;
  description?: string | null;
  eventTypes?: readonly WebhookEventType[] | null;
  active?: boolean | null;
}

const NEWEST_FIRST: SortColumn<WebhookDelivery>[] = [
  { expression: 'd.createdAt', read: (delivery) => delivery.createdAt },
  { expression: 'd.id', read: (delivery) => delivery.id },
];

/** Webhook endpoints of an account and their delivery log: read by whoever reads the settings. */
export class WebhookEndpointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly egress: EgressPolicy,
  ) {}

  async list(caller: Caller): Promise<WebhookEndpoint[]> {
    const principal = requireAnyResource(caller, [
      Resources.viewApiKeys,
      Resources.editApiKeysSettings,
    ]);
    return this.dataSource.getRepository(WebhookEndpoint).find({
      where: { accountId: principal.accountId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** A URL may carry credentials (user, password, a query token): only editors read them. */
  urlFor(caller: Caller, endpoint: WebhookEndpoint): string {
    const principal = caller.principal;
    const editor =
      principal?.accountId === endpoint.accountId &&
      principal.resources.has(Resources.editApiKeysSettings);
    return editor ? endpoint.url : redactedUrl(endpoint.url);
  }

  async deliveries(
    caller: Caller,
    endpointId: string,
    page: PageRequest,
  ): Promise<Page<WebhookDelivery> & Counted> {
    const principal = requireAnyResource(caller, [
      Resources.viewApiKeys,
      Resources.editApiKeysSettings,
    ]);
    await this.findOwned(this.dataSource.manager, principal.accountId, endpointId);
    const query = () =>
      this.dataSource
        .getRepository(WebhookDelivery)
        .createQueryBuilder('d')
        .where('d.endpointId = :endpointId AND d.accountId = :accountId', {
          endpointId,
          accountId: principal.accountId,
        });
    const [rows, counted] = await Promise.all([
      paginate(query(), NEWEST_FIRST, 'DESC', page),
      countUpTo(query()),
    ]);
    return { ...rows, ...counted };
  }

  async create(
    caller: Caller,
    input: { url: string; description?: string | null; eventTypes: readonly WebhookEventType[] },
  ): Promise<WebhookEndpoint> {
    const principal = requireResource(caller, Resources.editApiKeysSettings);
    const url = await validWebhookUrl(this.egress, input.url.trim(), 'url');
    const eventTypes = validEventTypes(input.eventTypes);
    const description = validDescription(input.description ?? '');
    return this.dataSource.transaction(async (manager) => {
      const count = await manager
        .getRepository(WebhookEndpoint)
        .countBy({ accountId: principal.accountId });
      if (count >= MAX_ENDPOINTS_PER_ACCOUNT) {
        throw conflict(`An account has at most ${MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints.`);
      }
      await this.ensureSigningSecret(manager, principal.accountId);
      const now = this.clock();
      const endpoint = manager.create(WebhookEndpoint, {
        id: newId(),
        accountId: principal.accountId,
        url,
        description,
        eventTypesList: eventTypes.join(','),
        active: true,
        createdBy: actorOf(principal).actorLabel,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(WebhookEndpoint, endpoint);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'webhook-endpoint.created',
        target: { type: 'webhook-endpoint', id: endpoint.id, label: redactedUrl(url) },
        details: { eventTypes, description },
      });
      return endpoint;
    });
  }

  async update(caller: Caller, id: string, changes: EndpointChanges): Promise<WebhookEndpoint> {
    const principal = requireResource(caller, Resources.editApiKeysSettings);
    const validated: Partial<WebhookEndpoint> = {};
    if (changes.url != null)
      validated.url = await validWebhookUrl(this.egress, changes.url.trim(), 'url');
    if (changes.eventTypes != null)
      validated.eventTypesList = validEventTypes(changes.eventTypes).join(',');
    if (changes.description != null) validated.description = validDescription(changes.description);
    if (changes.active != null) validated.active = changes.active;
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.findOwned(manager, principal.accountId, id);
      Object.assign(endpoint, validated, { updatedAt: this.clock() });
      await manager.save(WebhookEndpoint, endpoint);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'webhook-endpoint.updated',
        target: { type: 'webhook-endpoint', id: endpoint.id, label: redactedUrl(endpoint.url) },
        details: {
          ...changes,
          ...(changes.url ? { url: redactedUrl(changes.url) } : {}),
        },
      });
      return endpoint;
    });
  }

  /** Its deliveries go with it (ON DELETE CASCADE): nothing more is sent there. */
  async delete(caller: Caller, id: string): Promise<string> {
    const principal = requireResource(caller, Resources.editApiKeysSettings);
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.findOwned(manager, principal.accountId, id);
      await manager.delete(WebhookDelivery, { endpointId: endpoint.id });
      await manager.delete(WebhookEndpoint, { id: endpoint.id });
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'webhook-endpoint.deleted',
        target: { type: 'webhook-endpoint', id: endpoint.id, label: redactedUrl(endpoint.url) },
      });
      return endpoint.id;
    });
  }

  /** Queues a delivered or failed delivery again, now, with a fresh 24-hour retry window. */
  async resend(caller: Caller, id: string): Promise<WebhookDelivery> {
    const principal = requireResource(caller, Resources.editApiKeysSettings);
    return this.dataSource.transaction(async (manager) => {
      const delivery = await manager
        .getRepository(WebhookDelivery)
        .findOneBy({ id, accountId: principal.accountId });
      if (!delivery) throw notFound('Webhook delivery');
      if (delivery.status === WebhookDeliveryStatus.PENDING) {
        throw conflict('This delivery is already queued.');
      }
      const now = this.clock();
      Object.assign(delivery, {
        status: WebhookDeliveryStatus.PENDING,
        nextAttemptAt: now,
        retryUntil: addMs(now, RETRY_WINDOW_MS),
        claimedUntil: null,
      });
      await manager.save(WebhookDelivery, delivery);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'webhook-delivery.resent',
        target: { type: 'webhook-delivery', id: delivery.id, label: delivery.eventType },
        details: { endpointId: delivery.endpointId, eventId: delivery.eventId },
      });
      return delivery;
    });
  }

  private async findOwned(
    manager: EntityManager,
    accountId: string,
    id: string,
  ): Promise<WebhookEndpoint> {
    const endpoint = await manager.getRepository(WebhookEndpoint).findOneBy({ id, accountId });
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  }

  /** Lifecycle webhooks are signed with the account's secret, as reminders are. */
  private async ensureSigningSecret(manager: EntityManager, accountId: string): Promise<void> {
    const repository = manager.getRepository(ApiKeySettings);
    const settings = await repository.findOneBy({ accountId });
    if (settings?.webhookSigningSecret) return;
    const secret = randomBytes(32).toString('hex');
    if (settings) {
      await repository.update({ accountId }, { webhookSigningSecret: secret });
    } else {
      await repository.insert({
        ...defaultSettings(accountId),
        webhookSigningSecret: secret,
        updatedAt: this.clock(),
      });
    }
  }
}

const validEventTypes = (types: readonly string[]): WebhookEventType[] => {
  const unique = [...new Set(types)];
  if (unique.length === 0 || unique.some((type) => !KNOWN_TYPES.has(type))) {
    throw badInput('eventTypes', 'Choose at least one event.');
  }
  return unique as WebhookEventType[];
};

const validDescription = (raw: string): string => {
  const description = raw.trim();
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw badInput('description', `Use at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  return description;
};
