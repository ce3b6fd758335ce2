import type { Services } from './services.js';

/**
 * Every minute: plan and send renewal reminders, drop old tokens whose grace ended and
 * links nobody opened. Safe on several servers at once (see ReminderScheduler).
 */
export const startBackgroundJobs = (services: Services, intervalMs = 60_000): (() => void) => {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await services.reminders.runOnce();
      await services.apiTokens.purgeExpired();
    } catch (error) {
      console.error('Background jobs failed; retrying next minute', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
};
