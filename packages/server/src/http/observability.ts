import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Nothing that authenticates ever reaches a log line. */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-apptoken"]',
  'req.headers["x-vtex-api-apptoken"]',
  'res.headers["set-cookie"]',
];

/** Secrets that travel in a path (single-access links) are cut from logged URLs. */
export const safeUrl = (url: string | undefined): string =>
  (url ?? '').replace(/^(\/credentials\/)[^?#/]+/, '$1[redacted]').replace(/[?#].*$/, '');

const MAX_LOGGED_STRING = 1_000;
const MAX_LOGGED_STACK = 4_000;
const MAX_LOGGED_ITEMS = 20;

/** Long values (a search's text among a query's parameters, SQL with values inlined) are cut. */
const bounded = (value: unknown, key: string, depth: number): unknown => {
  if (typeof value === 'string') {
    const max = key === 'stack' ? MAX_LOGGED_STACK : MAX_LOGGED_STRING;
    return value.length > max
      ? `${value.slice(0, max)}…[${value.length - max} more characters]`
      : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 4) return '[nested]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_LOGGED_ITEMS).map((item) => bounded(item, '', depth + 1));
    if (value.length > MAX_LOGGED_ITEMS)
      items.push(`…[${value.length - MAX_LOGGED_ITEMS} more items]`);
    return items;
  }
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, bounded(item, name, depth + 1)]),
  );
};

/**
 * pino's error serializer, bounded: a database error carries its query's parameters (and
 * MySQL's its SQL with the values inlined), which may be as long as what a client sent.
 */
export const errorSerializer = (error: unknown): unknown =>
  error instanceof Error ? bounded(pino.stdSerializers.err(error), '', 0) : bounded(error, '', 0);

export const createLogger = (level: string, destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'keyward' },
      serializers: { err: errorSerializer },
    },
    destination,
  );
const REQUEST_ID = /^[\w.-]{1,64}$/;

export const httpLogger = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: safeUrl(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: errorSerializer,
    },
    // Health probes every few seconds would drown everything else.
    autoLogging: {
      ignore: (req: IncomingMessage) => req.url === '/healthz' || req.url === '/readyz',
    },
  });

/** Prometheus metrics, one registry per app instance so tests and servers do not share counts. */
export const createMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'keyward_http_requests_total',
      help: 'HTTP requests by route and status class.',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'keyward_graphql_operations_total',
      help: 'GraphQL operations by name and outcome (ok or the first error code).',
      labelNames: ['operation', 'outcome'] as const,
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'keyward_graphql_operation_duration_seconds',
      help: 'GraphQL operation latency.',
      labelNames: ['operation'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    verifications: new Counter({
      name: 'keyward_key_verifications_total',
      help: 'Key verifications by outcome (VALID, INVALID_CREDENTIALS, INACTIVE, EXPIRED, FORBIDDEN, RATE_LIMITED, IP_NOT_ALLOWED).',
      labelNames: ['code', 'path'] as const,
      registers: [registry],
    }),
    verifyDuration: new Histogram({
      name: 'keyward_verify_duration_seconds',
      help: 'POST /api/keys/verify latency.',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers: [registry],
    }),
    schedulerRuns: new Counter({
      name: 'keyward_scheduler_runs_total',
      help: 'Background job runs by outcome.',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    transactionRetries: new Counter({
      name: 'keyward_db_transaction_retries_total',
      help: 'Transactions run again after a deadlock, a cluster certification conflict, a lock wait timeout or a node not ready (outcome retried), or given up after the last attempt (exhausted).',
      labelNames: ['reason', 'outcome'] as const,
      registers: [registry],
    }),
    remindersDelivered: new Counter({
      name: 'keyward_reminders_delivered_total',
      help: 'Renewal reminders sent or recorded.',
      registers: [registry],
    }),
    lifecycleWebhooksDelivered: new Counter({
      name: 'keyward_lifecycle_webhooks_delivered_total',
      help: 'Lifecycle webhook deliveries a receiver accepted (2xx).',
      registers: [registry],
    }),
  };
};

export type Metrics = ReturnType<typeof createMetrics>;
