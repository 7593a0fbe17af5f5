import type { CompiledRoster, RosterLines } from './compiled-roster';
import { coverCounts } from './roster-objective';

/** What the places still missing cost on each day of the roster (weighted under-cover). */
export function shortfallByDay(model: CompiledRoster, lines: RosterLines): Float64Array {
  const counts = coverCounts(model, lines);
  const byDay = new Float64Array(model.days);
  model.coverRows.forEach((row, r) => {
    const short = row.required - counts[r];
    if (short > 0 && row.day >= 0 && row.day < model.days) byDay[row.day] += short * row.underWeight;
  });
  return byDay;
}

/**
 * The first day of a span of `span` days that holds a day drawn in proportion to its shortfall
 * (anywhere in the span), or null when no day is short.
 */
export function spanOverShortfall(byDay: Float64Array, span: number, random: () => number): number | null {
  const total = byDay.reduce((sum, cost) => sum + cost, 0);
  if (total <= 0) return null;
  let pick = random() * total;
  let day = 0;
  while (day < byDay.length - 1 && pick >= byDay[day]) pick -= byDay[day++];
  const latest = Math.max(0, byDay.length - span);
  return Math.max(0, Math.min(latest, day - Math.floor(random() * span)));
}

/**
 * Two spans of `length` days apart from each other: the first over a day drawn by its shortfall
 * (as `spanOverShortfall`), the second anywhere else in the horizon. An agent held back from a short
 * day by a rule over the whole horizon (weekends, shifts or minutes at their maximum) can take it
 * only by giving up work elsewhere, which one span of days never frees. Null when no day is short
 * or the horizon has no room for a second span.
 */
export function spansOverShortfall(
  byDay: Float64Array,
  length: number,
  random: () => number,
): { first: number; second: number } | null {
  const first = spanOverShortfall(byDay, length, random);
  if (first === null) return null;
  // Starts of a second span that shares no day with the first.
  const before = Math.max(0, first - length + 1);
  const after = Math.max(0, byDay.length - length - (first + length) + 1);
  if (before + after === 0) return null;
  const pick = Math.floor(random() * (before + after));
  return { first, second: pick < before ? pick : first + length + (pick - before) };
}
