import { OFF, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import { workBounds } from './line-bounds';
import { labelSetting, type LabelShape } from './line-labels';
import type { LineCosts } from './line-costs';

/**
 * The cheapest line of one agent that keeps every one of the agent's hard rules, for given
 * per-cell costs: a dynamic programme over days whose state carries what the rules need (last
 * shift's class, current run, minutes so far; weekends, days and tightly capped shift types as
 * counters, of which only the Pareto front is kept). With cover duals as costs this is the pricing
 * step of column generation; with marginal cover costs it re-optimises one agent exactly while
 * the others stay put.
 */

/**
 * Binding caps up to this size are tracked exactly (as counters with dominance), at most this many
 * types. Every cap exact (`trackedCap`) proves exact bounds but made a 60 s solve's rosters worse
 * (dearer labels in windows and re-plans; docs/benchmarks.md), so only the bound tool asks for it.
 */
const TRACKED_CAP = 8;
const TRACKED_TYPES = 2;
const PENALTY_ROUNDS = 6;
/** Beam runs that add the caps their line broke before every binding cap is tracked. */
const LAZY_ROUNDS = 3;
/** Shifts tried from each label in a beam, cheapest first. */
const BEAM_SUCCESSORS = 6;
/** Labels a beam keeps per state key (the cheapest), instead of their whole Pareto front. */
const BEAM_BUCKET = 3;
/** Labels expanded per day by default: far above what rosters of the benchmark sizes reach. */
const DEFAULT_MAX_LABELS = 200_000;

export type { LineCosts } from './line-costs';

/** What a caller may ask of every pricing of a step: a beam's label budget, the caps priced exactly. */
export type PricingLimits = Pick<PricingBudget, 'maxLabels' | 'trackedCap'>;

export interface PricedLine {
  line: Int32Array;
  cost: number;
  /** False when an untracked cap forced penalty rounds or labels were dropped: valid, maybe not the cheapest. */
  exact: boolean;
  /** No valid line costs less: the cheapest line without the untracked caps (= `cost` when exact); −Infinity when unknown. */
  lowerCost: number;
  /** Next-cheapest valid lines, when the budget asked for `alternatives`. */
  others?: Int32Array[];
}

/**
 * Limits of one pricing call; `truncated`/`aborted` report whether they cut in (a null answer then
 * proves nothing). With `maxLabels` the programme runs as a beam: the cheapest labels of each day,
 * a few cheapest shifts tried from each, and every binding cap tracked (no penalty rounds).
 */
export interface PricingBudget {
  maxLabels?: number;
  /** Binding caps up to this size are counters of the exact programme (default TRACKED_CAP); larger ones get penalty rounds. */
  trackedCap?: number;
  /** A beam's shifts tried from each label (default BEAM_SUCCESSORS). */
  successors?: number;
  /** A beam tries the cheapest longest shift beyond `successors`, not every longest (see `LabelLimits`). */
  oneLongest?: boolean;
  shouldStop?: () => boolean;
  /** Next-cheapest lines wanted besides the cheapest (exact programme only). */
  alternatives?: number;
  /**
   * The exact programme merges labels that can no longer reach the weekend cap (default): the same
   * cheapest cost with fewer labels, 1.3–2.3 times faster on 4–12-week rosters. False to compare.
   */
  mergeSpentWeekends?: boolean;
  truncated?: boolean;
  aborted?: boolean;
}

type Shape = LabelShape & { untracked: number[] };

/** Greatest common divisor: the minute step of a line's programme (shift lengths are whole minutes). */
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

type ShiftClasses = Pick<LabelShape, 'classOfShift' | 'classRepresentative'>;
const shiftClassesOf = new WeakMap<CompiledRoster, ShiftClasses>();

/**
 * Shifts in one class are banned before the same shifts on every night (clock changes included),
 * so the state keeps the class of yesterday's shift, not the shift. The same for every agent:
 * computed once per model, not on every pricing call.
 */
function shiftClasses(model: CompiledRoster): ShiftClasses {
  const known = shiftClassesOf.get(model);
  if (known) return known;
  const nShifts = model.shifts.length;
  const matrices = [model.forbiddenNext, ...model.forbiddenNextAfter.filter((m): m is Uint8Array => m !== null)];
  const signatures = new Map<string, number>();
  const classOfShift = new Int32Array(nShifts);
  const classRepresentative: number[] = [-1];
  for (let s = 0; s < nShifts; s++) {
    const signature = matrices.map((m) => Array.from(m.subarray(s * nShifts, (s + 1) * nShifts)).join('')).join('|');
    if (!signatures.has(signature)) {
      signatures.set(signature, classRepresentative.length);
      classRepresentative.push(s);
    }
    classOfShift[s] = signatures.get(signature)!;
  }
  const classes = { classOfShift, classRepresentative };
  shiftClassesOf.set(model, classes);
  return classes;
}

/** The binding caps (below the days the type may be worked), tightest first. */
function bindingCaps(model: CompiledRoster, agent: CompiledAgent): number[] {
  const nDuties = model.duties.length;
  const daysAllowed = new Array<number>(model.typeIds.length).fill(0);
  const seen = new Uint8Array(model.typeIds.length);
  for (let d = 0; d < model.days; d++) {
    seen.fill(0);
    for (let u = 0; u < nDuties; u++) if (agent.allowed[d * nDuties + u]) seen[model.duties[u].type] = 1;
    seen.forEach((x, t) => (daysAllowed[t] += x));
  }
  return agent.maxShiftsByType
    .map((max, t) => (max < daysAllowed[t] ? t : -1))
    .filter((t) => t >= 0)
    .sort((a, b) => agent.maxShiftsByType[a] - agent.maxShiftsByType[b] || a - b);
}

/**
 * The programme's state for an agent: `track` lists the caps kept as counters (a beam tracks the
 * caps its lines broke); otherwise up to TRACKED_TYPES small binding caps, the rest by penalty rounds.
 */
function shapeOf(
  model: CompiledRoster,
  agent: CompiledAgent,
  { track, trackedCap = TRACKED_CAP }: { track?: readonly number[] | 'all'; trackedCap?: number } = {},
): Shape {
  const { classOfShift, classRepresentative } = shiftClasses(model);
  const nDuties = model.duties.length;
  let granularity = 0;
  let maxDuty = 0;
  let workableDays = 0;
  for (let d = 0; d < model.days; d++) {
    let any = false;
    for (let u = 0; u < nDuties; u++) {
      if (!agent.allowed[d * nDuties + u]) continue;
      any = true;
      granularity = gcd(granularity, model.duties[u].minutes);
      maxDuty = Math.max(maxDuty, model.duties[u].minutes);
    }
    if (any) workableDays++;
  }
  const binding = bindingCaps(model, agent);
  const tracked =
    track === 'all'
      ? binding
      : track
        ? binding.filter((t) => track.includes(t))
        : binding.filter((t) => agent.maxShiftsByType[t] <= trackedCap).slice(0, TRACKED_TYPES);
  granularity = Math.max(1, granularity);
  const maxMinutes = Math.min(agent.maxMinutes, model.days * maxDuty);
  const weekendOf = new Int32Array(model.days).fill(-1);
  const weekendStart: number[] = [];
  model.weekends.forEach((days, w) => {
    weekendStart.push(days[0]);
    for (const d of days) weekendOf[d] = w;
  });
  const longestWeekend = Math.max(0, ...model.weekends.map((w) => w.length));
  const finiteMax = Number.isFinite(agent.maxConsecutiveWork) ? agent.maxConsecutiveWork : 0;
  return {
    classOfShift,
    classRepresentative,
    tracked,
    trackedCap: tracked.map((t) => agent.maxShiftsByType[t]),
    untracked: binding.filter((t) => !tracked.includes(t)),
    granularity,
    minutesInKey: agent.minMinutes > 0,
    maxIndex: agent.minMinutes > 0 ? Math.floor(maxMinutes / granularity) : 0,
    runCap: Math.max(finiteMax, agent.minConsecutiveWork, agent.minConsecutiveOff, longestWeekend) + 1,
    weekendOf,
    weekendStart,
    weekendLimit: agent.maxWeekends < model.weekends.length ? agent.maxWeekends : -1,
    dayCap: agent.maxWorkDays < workableDays ? agent.maxWorkDays : -1,
  };
}

function lineCost(model: CompiledRoster, costs: LineCosts, line: Int32Array): number {
  let total = 0;
  line.forEach((duty, d) => (total += duty === OFF ? costs.off[d] : costs.cell[d * model.duties.length + duty]));
  return total;
}

/**
 * Cheapest valid line for the costs, or null when the agent's rules admit no line at all (or,
 * when `budget` comes back `truncated` or `aborted`, when none was found within it).
 */
export function cheapestLine(
  model: CompiledRoster,
  agent: CompiledAgent,
  costs: LineCosts,
  budget: PricingBudget = {},
): PricedLine | null {
  if (budget.maxLabels !== undefined) return beamLine(model, agent, costs, budget, budget.maxLabels);
  const shape = shapeOf(model, agent, { trackedCap: budget.trackedCap });
  const bounds = workBounds(model, agent);
  const limits = {
    maxLabels: DEFAULT_MAX_LABELS,
    shouldStop: budget.shouldStop,
    alternatives: budget.alternatives,
    mergeSpentWeekends: budget.mergeSpentWeekends ?? true,
  };
  let working = costs;
  let lowerCost = Number.NEGATIVE_INFINITY;
  let exact = true;
  for (let round = 0; round <= PENALTY_ROUNDS; round++) {
    const outcome = labelSetting(model, agent, shape, working, bounds, limits);
    budget.truncated ||= outcome.truncated;
    budget.aborted ||= outcome.aborted;
    exact &&= !outcome.truncated;
    const line = outcome.line;
    if (!line) return null;
    if (round === 0 && exact) lowerCost = lineCost(model, costs, line);
    const over = capsBroken(model, agent, line, shape.untracked);
    if (over.length === 0) {
      const others = outcome.others?.filter((other) => capsBroken(model, agent, other, shape.untracked).length === 0);
      return { line, cost: lineCost(model, costs, line), exact: exact && round === 0, lowerCost, others };
    }
    // Lagrangian step on the violated caps: make those shift types dearer and try again.
    const cell = Float64Array.from(working.cell);
    const step = 1 + (Math.abs(lineCost(model, costs, line)) / Math.max(1, line.length)) * 2 ** round;
    model.duties.forEach((duty, u) => {
      if (!over.includes(duty.type)) return;
      for (let d = 0; d < model.days; d++) cell[d * model.duties.length + u] += step;
    });
    working = { cell, off: working.off };
  }
  return null;
}

function capsBroken(model: CompiledRoster, agent: CompiledAgent, line: Int32Array, types: readonly number[]): number[] {
  const counts = new Array<number>(model.typeIds.length).fill(0);
  for (const duty of line) if (duty !== OFF) counts[model.duties[duty].type]++;
  return types.filter((t) => counts[t] > agent.maxShiftsByType[t]);
}

/**
 * A beam: each cap becomes a counter of the state only once a line broke it (then the beam runs
 * again), so a model of 32 capped shift types prices with the few caps its cheap lines reach,
 * not 32 counters per label; after LAZY_ROUNDS every binding cap is tracked.
 */
function beamLine(
  model: CompiledRoster,
  agent: CompiledAgent,
  costs: LineCosts,
  budget: PricingBudget,
  maxLabels: number,
): PricedLine | null {
  const bounds = workBounds(model, agent);
  const successors = budget.successors ?? BEAM_SUCCESSORS;
  const limits = {
    maxLabels,
    shouldStop: budget.shouldStop,
    successors,
    bucketSize: BEAM_BUCKET,
    oneLongest: budget.oneLongest,
  };
  const track = new Set<number>();
  let truncated = false;
  for (let round = 0; round <= LAZY_ROUNDS; round++) {
    const shape = shapeOf(model, agent, { track: round === LAZY_ROUNDS ? 'all' : [...track] });
    const outcome = labelSetting(model, agent, shape, costs, bounds, limits);
    budget.truncated ||= outcome.truncated;
    budget.aborted ||= outcome.aborted;
    truncated ||= outcome.truncated;
    if (!outcome.line) return null;
    const over = capsBroken(model, agent, outcome.line, shape.untracked);
    // Tracking fewer caps only widens the choice: an untruncated line keeping them all is the cheapest.
    const cost = lineCost(model, costs, outcome.line);
    if (over.length === 0)
      return { line: outcome.line, cost, exact: !truncated, lowerCost: truncated ? Number.NEGATIVE_INFINITY : cost };
    for (const t of over) track.add(t);
  }
  return null;
}
