import { DateTime } from 'luxon';

/** Dates of the demo shop (Asia/Shanghai) relative to now, as the seeded demo sees them. */
export function demoCalendar(now = DateTime.now().setZone('Asia/Shanghai')) {
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
