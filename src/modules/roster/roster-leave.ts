import type { LeaveCredit } from 'src/platform/db/schema';
import { addDays } from 'src/platform/time/calendar-date';
import { clockAt, localDayStart } from 'src/platform/time/shop-calendar';
import { clockText, type RosterWeek } from './roster-week';
import type { LeavePart, RosterAgent } from './solver';

/** Approved leave as the roster reads it: its instants and the contract minutes it stands for. */
export type LeaveRow = { agentId: string; startsAt: Date; endsAt: Date; credit: LeaveCredit[] | null };

/**
 * The days of the week (and the day after it, where a night shift may not run into leave) that
 * leave closes whole, and the parts of days it covers. A local day is closed when the leave covers
 * it from midnight to midnight (23, 24 or 25 hours); any other overlap is a part of that day.
 */
export function leaveOfWeek(
  week: RosterWeek,
  leave: Pick<LeaveRow, 'startsAt' | 'endsAt'>[],
): { leaveDays: number[]; leaveParts: LeavePart[] } {
  const leaveDays: number[] = [];
  const leaveParts: LeavePart[] = [];
  for (let day = 0; day <= week.days; day++) {
    const from = week.midnight(day).toMillis();
    const to = week.midnight(day + 1).toMillis();
    const pieces = leave
      .map((l) => [Math.max(from, l.startsAt.getTime()), Math.min(to, l.endsAt.getTime())] as const)
      .filter(([a, b]) => a < b)
      .sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of pieces) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    if (merged.length === 1 && merged[0][0] === from && merged[0][1] === to) {
      leaveDays.push(day);
      continue;
    }
    for (const [a, b] of merged)
      leaveParts.push({
        day,
        fromMinutes: a === from ? 0 : week.localParts(new Date(a)).minutes,
        toMinutes: b === to ? 1440 : week.localParts(new Date(b)).minutes,
      });
  }
  return { leaveDays, leaveParts };
}

/**
 * Contract minutes the week's leave stands for. Leave that freed shifts credits their paid minutes
 * on those shifts' dates; leave planned before rostering (no credit stored) credits a working day's
 * share (`dayShare`) for each local day of the week it covers, in proportion for part of a day.
 */
export function leaveCreditMinutes(
  week: RosterWeek,
  leave: Pick<LeaveRow, 'startsAt' | 'endsAt' | 'credit'>[],
  dayShare: number,
): number {
  const dates = new Set(week.dates);
  let total = 0;
  for (const l of leave) {
    if (l.credit) {
      total += l.credit.filter((c) => dates.has(c.date)).reduce((sum, c) => sum + c.minutes, 0);
      continue;
    }
    for (let day = 0; day < week.days; day++) {
      const from = week.midnight(day).toMillis();
      const to = week.midnight(day + 1).toMillis();
      const covered = Math.min(to, l.endsAt.getTime()) - Math.max(from, l.startsAt.getTime());
      if (covered > 0) total += (dayShare * covered) / (to - from);
    }
  }
  return total;
}

/** The weekly minimum after leave: lowered by the minutes the leave stands for, never below 0. */
export function minMinutesAfterLeave(
  contract: { minWeekMinutes: number; maxDaysPerWeek: number },
  week: RosterWeek,
  leave: Pick<LeaveRow, 'startsAt' | 'endsAt' | 'credit'>[],
  maxMinutes: number,
): number {
  const credit = leaveCreditMinutes(week, leave, contract.minWeekMinutes / contract.maxDaysPerWeek);
  return Math.min(maxMinutes, Math.max(0, Math.round(contract.minWeekMinutes - credit)));
}

/** Leave as the agent reads it per local date: `00:00`–`24:00` for a whole day, else the clock times it covers. */
export function leaveByDate(
  leave: { kind: string; startDate: string; endDate: string; startsAt: Date; endsAt: Date }[],
  zone: string,
  from: string,
  to: string,
): { date: string; kind: string; start: string; end: string }[] {
  const out: { date: string; kind: string; start: string; end: string }[] = [];
  for (const l of leave) {
    for (let date = l.startDate < from ? from : l.startDate; date <= l.endDate && date <= to; date = addDays(date, 1)) {
      const midnight = localDayStart(date, zone);
      const next = localDayStart(addDays(date, 1), zone);
      const start = l.startsAt > midnight ? l.startsAt : midnight;
      const end = l.endsAt < next ? l.endsAt : next;
      if (start >= end) continue;
      out.push({
        date,
        kind: l.kind,
        start: start.getTime() === midnight.getTime() ? '00:00' : clockAt(start, zone),
        end: end.getTime() === next.getTime() ? '24:00' : clockAt(end, zone),
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/** Per day of the week, the local times an agent is on approved leave (whole days 00:00–24:00). */
export function leaveTimes(
  a: Pick<RosterAgent, 'leaveDays' | 'leaveParts'>,
): Map<number, { start: string; end: string }[]> {
  const out = new Map<number, { start: string; end: string }[]>();
  for (const d of a.leaveDays ?? []) out.set(d, [{ start: '00:00', end: '24:00' }]);
  for (const p of a.leaveParts ?? [])
    out.set(p.day, [...(out.get(p.day) ?? []), { start: clockText(p.fromMinutes), end: clockText(p.toMinutes) }]);
  return out;
}
