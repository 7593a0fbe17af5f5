import { DateTime } from 'luxon';

/** The instant this run's demo shop is seeded at (test/global-setup.ts), shared by every test file. */
export function demoSeededAt(): Date {
  const at = process.env.WFM_TEST_DEMO_AT;
  if (!at) throw new Error('WFM_TEST_DEMO_AT is not set: run tests through jest (test/global-setup.ts)');
  return new Date(at);
}

/**
 * Dates of the demo shop (Asia/Shanghai) as the seeded demo sees them: relative to the instant it
 * was seeded at, not the wall clock, so a run across the shop's midnight names the seeded days.
 */
export function demoCalendar(now = DateTime.fromJSDate(demoSeededAt()).setZone('Asia/Shanghai')) {
  const thisMonday = now.startOf('week');
  const lastMonth = now.startOf('month').minus({ months: 1 });
  return {
    today: now.toISODate()!,
    yesterday: now.minus({ days: 1 }).toISODate()!,
    thisMonday: thisMonday.toISODate()!,
    thisSunday: thisMonday.plus({ days: 6 }).toISODate()!,
    nextMonday: thisMonday.plus({ weeks: 1 }).toISODate()!,
    nextSunday: thisMonday.plus({ days: 13 }).toISODate()!,
    lastMonth: lastMonth.toFormat('yyyy-MM'),
    lastMonthFrom: lastMonth.toISODate()!,
    lastMonthTo: lastMonth.endOf('month').toISODate()!,
  };
}
