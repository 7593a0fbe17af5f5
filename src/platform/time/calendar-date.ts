/**
 * Calendar dates ('YYYY-MM-DD') as a shop's people say them: pure date arithmetic, no zone, no
 * clock. A local day's length in hours is the shop calendar's business (shop-calendar.ts).
 */
const DAY_MS = 86_400_000;

const utcMidnight = (date: string): number => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
};

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Every date from `from` to `to`, both included (none when `to` is earlier). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the ISO week a date falls in (weeks start on Monday here, as rosters do). */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** The first and last date of a month 'YYYY-MM'. */
export function monthDays(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  utcMidnight(from);
  return { from, to: `${month}-${String(last).padStart(2, '0')}` };
}
