import type { Logger } from 'pino';
import type { Metrics } from './http/observability.js';
import type { Services } from './services.js';

/** A task run every `intervalMs`, never twice at once; stopping waits for a run under way. */
const every = (intervalMs: number, run: () => Promise<void>): (() => Promise<void>) => {
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (running) return;
    running = run();
    await running;
    running = null;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
};

/**
 * Every minute: plan and send renewal reminders, warn about and deactivate keys under an
 * account's inactivity policy, drop old tokens whose grace ended, links nobody opened,
 * invitations nobody accepted and old webhook deliveries; once an hour, roll usage into days
 * and drop what is past retention. Every few seconds, on its own
 * loop so reminders never wait for it: send due lifecycle webhooks. Safe on several servers at
 * once (see ReminderScheduler and WebhookDispatcher).
 */
export const startBackgroundJobs = (
  services: Services,
  logger: Logger,
  metrics: Metrics,
  intervalMs = 60_000,
  webhookIntervalMs = 5_000,
): (() => Promise<void>) => {
  const stopHousekeeping = every(intervalMs, async () => {
    try {
      const { delivered } = await services.reminders.runOnce();
      metrics.remindersDelivered.inc(delivered);
      await services.inactivity.runOnce();
      await services.apiTokens.purgeExpired();
      await services.invitations.purgeExpired();
      await services.webhookDispatcher.purgeOld();
      await services.usage.housekeeping();
      metrics.schedulerRuns.inc({ outcome: 'ok' });
    } catch (error) {
      metrics.schedulerRuns.inc({ outcome: 'failed' });
      logger.error({ err: error }, 'Background jobs failed; retrying next minute');
    }
  });
  const stopWebhooks = every(webhookIntervalMs, async () => {
    try {
      metrics.lifecycleWebhooksDelivered.inc(await services.webhookDispatcher.runOnce());
    } catch (error) {
      logger.error({ err: error }, 'Lifecycle webhook dispatch failed; retrying shortly');
    }
  });
  // Stopping waits for runs under way, so shutdown never closes the database under them; the
  // dispatcher claims nothing more, and what it had in flight finishes or is retried later.
  return async () => {
    services.webhookDispatcher.stop();
    await Promise.all([stopHousekeeping(), stopWebhooks()]);
  };
};
