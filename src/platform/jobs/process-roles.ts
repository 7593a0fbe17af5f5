import type { AppConfig } from 'src/platform/config/app-config';

/**
 * What this process does besides its entry point, as printed at start: without Redis it is the
 * only worker there is; with Redis, WORKERS and SCHEDULES say (see the README's production split).
 */
export function processRoles(config: Pick<AppConfig, 'redisUrl' | 'workers' | 'schedules' | 'jobConcurrency'>): string {
  const workers = !config.redisUrl
    ? `jobs in-process (${config.jobConcurrency} at a time)`
    : config.workers === 'inline'
      ? `BullMQ workers (${config.jobConcurrency} per job domain)`
      : 'no workers (WORKERS=off)';
  const schedules = config.schedules === 'on' ? 'nightly scheduler' : 'no scheduler (SCHEDULES=off)';
  return `${workers}, ${schedules}`;
}
