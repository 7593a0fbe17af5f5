import type { LeaveCredit } from 'src/platform/db/schema';
import { addDays } from 'src/platform/time/calendar-date';
import { localDayStart, wallClockAt } from 'src/platform/time/shop-calendar';
import { countedMinutes } from 'src/modules/roster/roster-problem.service';
import { changeStart, clockMinutes } from 'src/modules/roster/roster-week';
import type { ShiftTemplate } from 'src/modules/roster/shift-template.repository';

const MINUTE = 60_000;
/** Start times tried inside a windowed template's start window when a shift is shortened. */
const WINDOW_STEP = 15;

/**
 * What time off asks for: whole local days, or part of a day (`HH:MM`, both or neither) from
 * `startTime` on `startDate` to `endTime` on `endDate`: the same date, or the next past midnight.
 */
export type LeaveWish = { startDate: string; endDate: string; startTime: string | null; endTime: string | null };
/** A published shift of the agent as the leave weighs it. */
export type HeldShift = {
  rosterId: string;
  date: string;
  shiftTemplateId: string;
  skill: string | null;
  startsAt: Date;
  endsAt: Date;
};
/**
 * The shift a part-day leave leaves standing: a template (and start, for a start window) inside the old
 * one, on the old one's date. `startMinutes` counts from that date's midnight: past 1440 it starts after
 * it (02:00–08:00 left of a 23:00–08:00 night), yet stays the night's shift, on the night's date.
 */
export type Shortened = { template: ShiftTemplate; startMinutes: number };
export type LeavePlan = {
  startsAt: Date;
  endsAt: Date;
  /** Shifts taken off whole, and shifts cut to a shorter one around the leave. */
  freed: HeldShift[];
  shortened: { shift: HeldShift; to: Shortened }[];
  /** Overlapping shifts no template can shorten around the leave: the request is refused over them. */
  unshortenable: HeldShift[];
  credit: LeaveCredit[];
};

/**
 * The instants asked for, as written: whole local days 00:00–24:00, or from the clock time on the
 * start date to the one on the end date (each edge read in the shop's zone, so across a clock change too).
 */
export function wishWindow(wish: LeaveWish, zone: string): { startsAt: Date; endsAt: Date } {
  return wish.startTime && wish.endTime
    ? {
        startsAt: wallClockAt(wish.startDate, clockMinutes(wish.startTime), zone),
        endsAt: wallClockAt(wish.endDate, clockMinutes(wish.endTime), zone),
      }
    : { startsAt: localDayStart(wish.startDate, zone), endsAt: localDayStart(addDays(wish.endDate, 1), zone) };
}

/**
 * The instants time off covers and what it does to the agent's published shifts.
 *
 * A whole day is the shop-local day 00:00–24:00, except that it starts when the agent's shift of the
 * day before, already published and running past midnight, ends: the roster keeps that night on the
 * day it starts, so a night worker's day off is the night that starts on it, as the grid shows it
 * (one night for one day). Leave planned before rostering keeps the full day, so no night may run
 * into it (the hard rule). Part of a day covers its clock times; a shift it overlaps is freed when
 * the leave covers it whole, else cut to the longest template inside it clear of the leave.
 * The leave credits the contract the paid minutes it takes: freed shifts whole, cut ones the difference.
 */
export function planLeave(
  wish: LeaveWish,
  zone: string,
  shifts: HeldShift[],
  templates: Map<string, ShiftTemplate>,
  active: ShiftTemplate[],
): LeavePlan {
  const asked = wishWindow(wish, zone);
  const endsAt = asked.endsAt;
  let startsAt = asked.startsAt;
  if (!wish.startTime) {
    const night = shifts.find((s) => s.date < wish.startDate && s.endsAt > startsAt && s.endsAt < endsAt);
    if (night) startsAt = night.endsAt;
  }
  const plan: LeavePlan = { startsAt, endsAt, freed: [], shortened: [], unshortenable: [], credit: [] };
  const credit = new Map<string, number>();
  const paid = (id: string) => {
    const t = templates.get(id);
    return t ? countedMinutes(t) : 0;
  };
  for (const s of shifts) {
    if (!(s.startsAt < endsAt && startsAt < s.endsAt)) continue;
    let taken = paid(s.shiftTemplateId);
    // Whole days free every shift they touch (the night starting on the last one too); part of a day cuts.
    if (!wish.startTime || (startsAt <= s.startsAt && s.endsAt <= endsAt)) plan.freed.push(s);
    else {
      const to = longestInside(s, startsAt, endsAt, zone, active);
      if (!to) {
        plan.unshortenable.push(s);
        continue;
      }
      plan.shortened.push({ shift: s, to });
      taken -= countedMinutes(to.template);
    }
    credit.set(s.date, (credit.get(s.date) ?? 0) + taken);
  }
  plan.credit = [...credit].map(([date, minutes]) => ({ date, minutes }));
  return plan;
}

/**
 * The longest-paid shift of an active template inside `s` that keeps clear of the leave, or null. A
 * template may start on the shift's date or, for a shift running past midnight, on the next one.
 */
function longestInside(s: HeldShift, from: Date, to: Date, zone: string, active: ShiftTemplate[]): Shortened | null {
  let best: (Shortened & { paid: number }) | null = null;
  for (const t of active) {
    const clocks =
      t.startMinutes !== null
        ? [t.startMinutes]
        : Array.from(
            { length: Math.floor((t.startLatest! - t.startEarliest!) / WINDOW_STEP) + 1 },
            (_, k) => t.startEarliest! + k * WINDOW_STEP,
          );
    for (const m of [...clocks, ...clocks.map((c) => c + 1440)]) {
      const start = wallClockAt(s.date, m, zone);
      const end = new Date(start.getTime() + t.lengthMinutes * MINUTE);
      const inside = s.startsAt <= start && end <= s.endsAt;
      const clear = end <= from || to <= start;
      const paid = countedMinutes(t);
      if (inside && clear && (!best || paid > best.paid)) best = { template: t, startMinutes: m, paid };
    }
  }
  return best ? { template: best.template, startMinutes: best.startMinutes } : null;
}

/** How a change states a shortened shift's start: the clock for a windowed template, and a start past midnight. */
export function shortenedStart(to: Shortened): { start?: string; startsNextDay?: true } {
  const { start, startsNextDay } = changeStart(to.startMinutes);
  return { ...(to.template.startMinutes === null ? { start } : {}), ...(startsNextDay ? { startsNextDay } : {}) };
}
