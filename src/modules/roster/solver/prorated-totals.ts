import { OFF, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import { workBounds, workBoundsWithoutWeekends, type WorkBounds } from './line-bounds';

/**
 * A rolling window's share of each agent's totals (see `buildWindow`): what is left of the
 * contract's minutes, caps, days and weekends, shared out by the days the agent may still work.
 */

/** Rolling mode: the days after the span are counted on for at most this share of what they could hold. */
const FUTURE_SHARE = 0.97;
/** Rolling mode: caps and days get this multiple of their prorated share (plus one). */
const GENEROUS = 1.25;

/** What a line works on some of its days, as the totals count it. */
export interface Usage {
  minutes: number;
  days: number;
  byType: number[];
  weekends: number;
}

export function usage(model: CompiledRoster, line: Int32Array, inside: (day: number) => boolean): Usage {
  const byType = new Array<number>(model.typeIds.length).fill(0);
  let minutes = 0;
  let days = 0;
  for (let d = 0; d < line.length; d++) {
    const duty = line[d];
    if (duty === OFF || !inside(d)) continue;
    minutes += model.duties[duty].minutes;
    days++;
    byType[model.duties[duty].type]++;
  }
  let weekends = 0;
  for (const w of model.weekends) if (w.some((d) => line[d] !== OFF && inside(d))) weekends++;
  return { minutes, days, byType, weekends };
}

/** Rolling mode: what is left of each total, shared out by the agent's workable days (and weekends) left. */
export function proratedTotals(
  model: CompiledRoster,
  agent: CompiledAgent,
  start: number,
  end: number,
  used: Usage,
  pace: number,
): Partial<CompiledAgent> {
  const prefix = workablePrefix(model, agent);
  const workable = (from: number, to: number, type = -1) => {
    const counts = prefix[type + 1];
    return counts[to] - counts[from];
  };
  const share = (from: number) => {
    const left = workable(from, model.days);
    return left === 0 ? 1 : workable(from, end) / left;
  };
  const part = share(start);
  const weekendsLeft = model.weekends.filter((w) => w[0] >= start).length;
  const weekendsHere = model.weekends.filter((w) => w[0] >= start && w[w.length - 1] < end).length;
  // Weekends are shared out by count (working them early would leave later weeks short of days);
  // caps and days generously, since running out of those early only leaves later days off.
  const weekends = Number.isFinite(agent.maxWeekends)
    ? Math.max(
        0,
        Math.round((agent.maxWeekends - used.weekends) * (weekendsLeft === 0 ? 1 : weekendsHere / weekendsLeft)),
      )
    : agent.maxWeekends;
  const upper = (cap: number, ratio: number) =>
    Number.isFinite(cap) ? Math.max(0, Math.min(cap, Math.ceil(cap * ratio * GENEROUS + 1))) : cap;
  // At least the contract's pace (times `pace`), and never so little that the days after the span could not make up the rest.
  const needed = agent.minMinutes - used.minutes;
  const paced = needed * part * pace;
  const short = (bounds: WorkBounds) =>
    needed -
    FUTURE_SHARE * Math.max(0, bounds.most(end, false, agent.minConsecutiveOff, true, used.weekends + weekends));
  // The days after without their weekends already make up the rest in most windows: the bounds with a
  // year's weekends (milliseconds per agent) only when those could raise the floor.
  let floor = paced;
  if (end === model.days) floor = Math.max(paced, needed);
  else if (short(workBoundsWithoutWeekends(model, agent)) > paced)
    floor = Math.max(paced, short(workBounds(model, agent)));
  return {
    minMinutes: Math.max(0, Math.floor(Math.min(needed, floor))),
    maxMinutes: agent.maxMinutes - used.minutes,
    maxShiftsByType: agent.maxShiftsByType.map((cap, t) =>
      upper(
        cap - used.byType[t],
        workable(start, model.days, t) === 0 ? 1 : workable(start, end, t) / workable(start, model.days, t),
      ),
    ),
    maxWorkDays: upper(agent.maxWorkDays - used.days, part),
    maxWeekends: weekends,
  };
}

const workableDays = new WeakMap<CompiledAgent, { model: CompiledRoster; prefix: Int32Array[] }>();

/**
 * Days up to each day on which the agent may work at all ([0]) or each shift type ([1 + type]):
 * counted once per agent of the whole model, since every window of a rolling pass asks again.
 */
function workablePrefix(model: CompiledRoster, agent: CompiledAgent): Int32Array[] {
  const known = workableDays.get(agent);
  if (known && known.model === model) return known.prefix;
  const nDuties = model.duties.length;
  const prefix = Array.from({ length: model.typeIds.length + 1 }, () => new Int32Array(model.days + 1));
  const today = new Uint8Array(model.typeIds.length + 1);
  for (let d = 0; d < model.days; d++) {
    today.fill(0);
    for (let u = 0; u < nDuties; u++) {
      if (!agent.allowed[d * nDuties + u]) continue;
      today[0] = 1;
      today[model.duties[u].type + 1] = 1;
    }
    prefix.forEach((counts, k) => (counts[d + 1] = counts[d] + today[k]));
  }
  workableDays.set(agent, { model, prefix });
  return prefix;
}
