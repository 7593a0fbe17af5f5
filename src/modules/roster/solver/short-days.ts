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
