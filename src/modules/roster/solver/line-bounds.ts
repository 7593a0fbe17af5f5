import type { CompiledAgent, CompiledRoster } from './compiled-roster';

/**
 * Most minutes an agent can still work from each day on, by the state of its current run and the
 * weekends it may still work: a backward pass over days that keeps only the rules limiting work
 * (longest run, shortest break, weekends, days that must or cannot be worked). The pricing
 * programme drops every state that cannot reach the contract minimum any more; with runs and
 * weekends in the bound, that leaves a band of a few shifts around the pace the contract needs,
 * where a bound by days alone left every count open until the last weeks of a long horizon.
 */
export interface WorkBounds {
  /** Most minutes on days day..end from this state; −Infinity when no valid completion exists. */
  most(day: number, working: boolean, run: number, touch: boolean, weekendsUsed: number): number;
}

const known = new WeakMap<CompiledAgent, { model: CompiledRoster; bounds: WorkBounds }>();

/**
 * The bounds depend only on which cells and days off the agent may choose (its `allowed` cells and
 * locks: what makes a pricing cost finite), so they are computed once per agent of a model.
 */
export function workBounds(model: CompiledRoster, agent: CompiledAgent): WorkBounds {
  const cached = known.get(agent);
  if (cached && cached.model.days === model.days && cached.model.duties === model.duties) return cached.bounds;
  const bounds = computeBounds(model, agent, agent.maxWeekends);
  known.set(agent, { model, bounds });
  return bounds;
}

const knownWithoutWeekends = new WeakMap<CompiledAgent, { model: CompiledRoster; bounds: WorkBounds }>();

/**
 * The same bounds for lines that work no weekend at all: never above `workBounds`, and cheap (the
 * weekends left are no dimension), so a caller may settle by them what the dearer bounds would not
 * change (a year × 26 weekends: 27 times the work per agent).
 */
export function workBoundsWithoutWeekends(model: CompiledRoster, agent: CompiledAgent): WorkBounds {
  const cached = knownWithoutWeekends.get(agent);
  if (cached && cached.model.days === model.days && cached.model.duties === model.duties) return cached.bounds;
  const bounds = computeBounds(model, agent, 0);
  knownWithoutWeekends.set(agent, { model, bounds });
  return bounds;
}

/** The bounds of `agent` are those of `like` (a copy differing only in what the bounds never read, such as the minimum). */
export function shareWorkBounds(model: CompiledRoster, like: CompiledAgent, agent: CompiledAgent): void {
  known.set(agent, { model, bounds: workBounds(model, like) });
}

function computeBounds(model: CompiledRoster, agent: CompiledAgent, maxWeekends: number): WorkBounds {
  const days = model.days;
  const nDuties = model.duties.length;
  const finiteMax = Number.isFinite(agent.maxConsecutiveWork);
  const workStates = finiteMax ? Math.max(1, agent.maxConsecutiveWork) : 1;
  const offStates = Math.max(1, agent.minConsecutiveOff);
  const states = workStates + offStates;
  // Weekends left as a third dimension, when the limit binds.
  const limited = maxWeekends < model.weekends.length;
  const tokens = limited ? Math.max(0, maxWeekends) + 1 : 1;
  const charge = weekendCharges(model, days);
  const longest = new Float64Array(days).fill(Number.NEGATIVE_INFINITY);
  for (let d = 0; d < days; d++) {
    for (let u = 0; u < nDuties; u++)
      if (agent.allowed[d * nDuties + u]) longest[d] = Math.max(longest[d], model.duties[u].minutes);
  }
  const capped = cappedExtra(model, agent);
  const layer = states * tokens;
  // Minutes by the longest duty of each day, and days worked (for the caps-aware bound).
  const minutes = new Float64Array((days + 1) * layer);
  const worked = new Float64Array((days + 1) * layer);
  // The agent's fields read once (window agents are spread copies: read in the loop, each read was a slow lookup).
  const locked = agent.lockedType;
  const maxRun = agent.maxConsecutiveWork;
  for (let d = days - 1; d >= 0; d--) {
    const here = d * layer;
    const after = here + layer;
    const mayRest = locked[d] < 0;
    const longestToday = longest[d];
    const workable = longestToday > Number.NEGATIVE_INFINITY;
    const chargeToday = limited ? charge[d] : 0;
    for (let left = 0; left < tokens; left++) {
      for (let s = 0; s < states; s++) {
        let bestMinutes = Number.NEGATIVE_INFINITY;
        let bestDays = Number.NEGATIVE_INFINITY;
        const isWork = s < workStates;
        const run = isWork ? s + 1 : s - workStates + 1;
        if (mayRest) {
          const next = after + left * states + (isWork ? workStates : workStates + Math.min(run + 1, offStates) - 1);
          bestMinutes = minutes[next];
          bestDays = worked[next];
        }
        // Working a weekend day takes a token on its first day, or after a day off (two-day weekends).
        const cost = chargeToday === 2 || (chargeToday === 1 && !isWork) ? 1 : 0;
        const mayWork = workable && left >= cost && (isWork ? !finiteMax || run + 1 <= maxRun : run >= offStates);
        if (mayWork) {
          const next = after + (left - cost) * states + (isWork && finiteMax ? run : 0);
          bestMinutes = Math.max(bestMinutes, minutes[next] + longestToday);
          bestDays = Math.max(bestDays, worked[next] + 1);
        }
        minutes[here + left * states + s] = bestMinutes;
        worked[here + left * states + s] = bestDays;
      }
    }
  }
  return {
    most(day, working, run, touch, weekendsUsed) {
      const s = working
        ? finiteMax
          ? Math.min(run, workStates) - 1
          : 0
        : workStates + (touch ? offStates : Math.min(run, offStates)) - 1;
      const left = limited ? Math.max(0, Math.min(tokens - 1, maxWeekends - weekendsUsed)) : 0;
      const at = day * layer + left * states + s;
      const byDay = minutes[at];
      if (byDay === Number.NEGATIVE_INFINITY || capped === null) return byDay;
      return Math.min(byDay, Math.min(worked[at], agent.maxWorkDays) * capped.base + capped.extra);
    },
  };
}

/**
 * Per day, what working it costs in weekends at most: 2 on a weekend's first day (always a new
 * weekend), 1 on the second day of a two-day weekend (new only if the day before was off), 0
 * otherwise (longer weekends are charged on their first day only, which keeps the bound valid).
 */
function weekendCharges(model: CompiledRoster, days: number): Uint8Array {
  const charge = new Uint8Array(days);
  for (const weekend of model.weekends) {
    if (weekend[0] < days) charge[weekend[0]] = 2;
    if (weekend.length === 2 && weekend[1] < days) charge[weekend[1]] = 1;
  }
  return charge;
}

/**
 * Minutes in w worked days are at most w × base + extra, where base is the longest shift without
 * a binding cap and extra what the capped longer ones can add at most; null when no type is capped.
 */
function cappedExtra(model: CompiledRoster, agent: CompiledAgent): { base: number; extra: number } | null {
  const nDuties = model.duties.length;
  const longestOfType = new Float64Array(model.typeIds.length);
  for (let i = 0; i < agent.allowed.length; i++) {
    if (!agent.allowed[i]) continue;
    const duty = model.duties[i % nDuties];
    longestOfType[duty.type] = Math.max(longestOfType[duty.type], duty.minutes);
  }
  let base = 0;
  const cappedTypes: number[] = [];
  longestOfType.forEach((length, t) => {
    if (length === 0) return;
    if (agent.maxShiftsByType[t] < model.days) cappedTypes.push(t);
    else base = Math.max(base, length);
  });
  if (cappedTypes.length === 0) return null;
  const extra = cappedTypes.reduce(
    (sum, t) => sum + Math.max(0, longestOfType[t] - base) * agent.maxShiftsByType[t],
    0,
  );
  return { base, extra };
}
