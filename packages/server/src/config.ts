import { parseReadUrls } from './db/read-routing.js';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { KEY_NAME_INDEX_BUDGET } from './modules/api-keys/listing/key-name-index.js';
import { parseAllowList } from './modules/webhooks/egress-policy.js';
import type { UseBudgetStoreKind } from './modules/verification/key-use-budget.js';
import { parseLeakReporterKeys, type LeakReporterKey } from './modules/leaks/leak-reporter-keys.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** `mysql://…` or `mariadb://…`, otherwise a path to the SQLite file. */
  databaseUrl: string;
  /** DATABASE_READ_URLS: replicas for list, search, count and export reads (MySQL family). */
  databaseReadUrls: string[];
  /** Server secret keying token hashes (HMAC-SHA256). */
  tokenSecret: string;
  /** The secret before a rotation, still accepted (and replaced on use) while set. */
  previousTokenSecret: string | null;
  seedDemo: boolean;
  webDist: string;
  /** Express `trust proxy`: false, true, a hop count, or addresses/subnets. */
  trustProxy: boolean | number | string;
  /** `smtp://user:pass@host:587` or `smtps://…`; without it reminders are recorded only. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** Redis for shared throttling and instant cache invalidation across servers. */
  redisUrl: string | null;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** When set, /metrics asks for `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Reminders and housekeeping every minute; off for processes that only serve requests. */
  backgroundJobs: boolean;
  /** On SIGTERM/SIGINT, how long requests already received may take before they are cut. */
  drainTimeoutMs: number;
  /** Key names this server may hold in memory for search (0: searches walk the database). */
  searchMemoryKeys: number;
  /** Private host names, addresses and CIDRs webhooks may reach (on-premise receivers). */
  webhookAllow: string[];
  /** USAGE_RETENTION_DAYS: usage per key older than this is deleted (7 to 3,650 days). */
  usageRetentionDays: number;
  /** KEYWARD_USAGE_COUNTING=off: no usage per key is counted (privacy, or a comparison run). */
  usageCounting: boolean;
  /** KEYWARD_KEY_BUDGET_STORE: where per-key use budgets count (redis when REDIS_URL, else database). */
  keyBudgetStore: UseBudgetStoreKind;
  /** KEYWARD_LEAK_REPORTER_KEYS: public keys secret scanners sign leak reports with. */
  leakReporterKeys: LeakReporterKey[];
}

const readSecret = (dataDir: string, production: boolean, env: NodeJS.ProcessEnv): string => {
  const fromEnv = env.KEYWARD_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('KEYWARD_SECRET must be at least 32 characters.');
    return fromEnv;
  }
  if (production) throw new Error('KEYWARD_SECRET is required when NODE_ENV=production.');
  // Zero-setup default: one random secret per installation, kept beside the SQLite file.
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
};

const parseCount = (name: string, env: NodeJS.ProcessEnv, fallback: number): number => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number.`);
  return Number(value);
};

const parseRetentionDays = (env: NodeJS.ProcessEnv): number => {
  const days = parseCount('USAGE_RETENTION_DAYS', env, 90);
  // Under the 7 days kept hourly the rollup would have nothing to roll up.
  if (days < 7 || days > 3650) throw new Error('USAGE_RETENTION_DAYS must be from 7 to 3650.');
  return days;
};

/** `KEYWARD_WEBHOOK_ALLOW`: comma-separated; a malformed entry stops the start. */
const parseWebhookAllow = (value: string | undefined): string[] => {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  parseAllowList(entries);
  return entries;
};

/**
 * `true` (or a range of every address) trusts every X-Forwarded-For entry, so any client could
 * choose its address (and sidestep throttling, or get another address blocked): refused in
 * production unless TRUST_PROXY_FORCE=true. A hop count or the proxy's addresses are what to set.
 */
const parseTrustProxy = (
  env: NodeJS.ProcessEnv,
  production: boolean,
): boolean | number | string => {
  const value = env.TRUST_PROXY?.trim();
  if (!value || value.toLowerCase() === 'false') return false;
  // `true` in any case, or a range holding every address (0.0.0.0/0, ::/0), trusts everyone.
  const everyone =
    value.toLowerCase() === 'true' || value.split(',').some((entry) => /\/0+$/.test(entry.trim()));
  if (everyone) {
    if (production && env.TRUST_PROXY_FORCE !== 'true') {
      throw new Error(
        `TRUST_PROXY=${value} trusts every address, so any client could choose its own: set the hop count or the proxy addresses (or TRUST_PROXY_FORCE=true).`,
      );
    }
    return value.toLowerCase() === 'true' ? true : value;
  }
  return /^\d+$/.test(value) ? Number(value) : value;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.KEYWARD_DATA_DIR ?? path.join(repoRoot, 'data'));
  const databaseUrl = env.DATABASE_URL ?? path.join(dataDir, 'keyward.sqlite');
  const isSqlite = !/^(mysql|mariadb):\/\//.test(databaseUrl);
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    production,
    databaseUrl,
    databaseReadUrls: parseReadUrls(env.DATABASE_READ_URLS),
    tokenSecret: readSecret(dataDir, production, env),
    previousTokenSecret: env.KEYWARD_SECRET_PREVIOUS || null,
    seedDemo: env.KEYWARD_SEED_DEMO ? env.KEYWARD_SEED_DEMO === 'true' : isSqlite && !production,
    webDist: path.resolve(env.KEYWARD_WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    trustProxy: parseTrustProxy(env, production),
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM ?? 'Keyward <keyward@localhost>',
    redisUrl: env.REDIS_URL || null,
    backgroundJobs: env.KEYWARD_BACKGROUND_JOBS !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    metricsToken: env.METRICS_TOKEN || null,
    drainTimeoutMs: parseCount('KEYWARD_DRAIN_TIMEOUT_MS', env, 25_000),
    searchMemoryKeys: parseCount('KEYWARD_SEARCH_MEMORY_KEYS', env, KEY_NAME_INDEX_BUDGET),
    webhookAllow: parseWebhookAllow(env.KEYWARD_WEBHOOK_ALLOW),
    usageRetentionDays: parseRetentionDays(env),
    usageCounting: parseUsageCounting(env.KEYWARD_USAGE_COUNTING),
    keyBudgetStore: parseKeyBudgetStore(env),
    leakReporterKeys: parseLeakReporterKeys(env.KEYWARD_LEAK_REPORTER_KEYS),
  };
};

/** Shared by every server unless an operator runs one process and asks for memory. */
const parseKeyBudgetStore = (env: NodeJS.ProcessEnv): UseBudgetStoreKind => {
  const value = env.KEYWARD_KEY_BUDGET_STORE;
  if (!value) return env.REDIS_URL ? 'redis' : 'database';
  if (value !== 'redis' && value !== 'database' && value !== 'memory')
    throw new Error('KEYWARD_KEY_BUDGET_STORE must be redis, database or memory.');
  if (value === 'redis' && !env.REDIS_URL)
    throw new Error('KEYWARD_KEY_BUDGET_STORE=redis needs REDIS_URL.');
  return value;
};

const parseUsageCounting = (value: string | undefined): boolean => {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error('KEYWARD_USAGE_COUNTING must be on or off.');
};
