import type { Logger } from 'pino';
import type { Metrics } from './http/observability.js';
import type { Services } from './services.js';

/**
 * Every minute: plan and send renewal reminders, drop old tokens whose grace ended,
 * links nobody opened and invitations nobody accepted; once an hour, roll usage into days and
 * drop what is past retention. Safe on several servers at once (see ReminderScheduler).
 */
export const startBackgroundJobs = (
  services: Services,
  logger: Logger,
  metrics: Metrics,
  intervalMs = 60_000,
): (() => Promise<void>) => {
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      const { delivered } = await services.reminders.runOnce();
      metrics.remindersDelivered.inc(delivered);
      await services.apiTokens.purgeExpired();
      await services.invitations.purgeExpired();
      await services.usage.housekeeping();
      metrics.schedulerRuns.inc({ outcome: 'ok' });
    } catch (error) {
      metrics.schedulerRuns.inc({ outcome: 'failed' });
      logger.error({ err: error }, 'Background jobs failed; retrying next minute');
    }
  };
  const tick = async () => {
    if (running) return;
    running = run();
    await running;
    running = null;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  // Stopping waits for a run under way, so shutdown never closes the database under it.
  return async () => {
    clearInterval(timer);
    await running;
  };
};
