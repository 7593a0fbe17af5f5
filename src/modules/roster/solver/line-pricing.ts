import { OFF, forbiddenAfter, type CompiledAgent, type CompiledRoster } from './compiled-roster';

/**
 * The cheapest line of one agent that keeps every one of the agent's hard rules, for given
 * per-cell costs: a dynamic programme over days whose state carries what the rules need (last
 * shift's class, current run, minutes so far, counts of tightly capped shift types, weekends).
 * With cover duals as costs this is the pricing step of column generation; with marginal cover
 * costs it re-optimises one agent exactly while the others stay put.
 */

/** Shift types with a cap this small (and the product of their caps) are tracked exactly. */
const TRACKED_CAP = 8;
const TRACKED_PRODUCT = 100;
const PENALTY_ROUNDS = 6;

export interface LineCosts {
  /** cell[day × duties + duty]; Infinity where the duty may not be chosen. */
  cell: Float64Array;
  /** Cost of a day off; Infinity where the agent must work. */
  off: Float64Array;
}

export interface PricedLine {
  line: Int32Array;
  cost: number;
  /** False when an untracked type cap forced penalty rounds: the line is valid but maybe not the cheapest. */
  exact: boolean;
  /** No valid line costs less: the cheapest line without the untracked caps (= `cost` when exact). */
  lowerCost: number;
}

interface Shape {
  classOfShift: Int32Array;
  classRepresentative: number[];
  tracked: number[];
  radix: number[];
  untracked: number[];
  granularity: number;
  maxIndex: number;
  runCap: number;
  weekendOf: Int32Array;
  weekendStart: number[];
  weekendLimit: number;
  /** Most days worked, tracked when it binds (-1: it does not). */
  dayCap: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

type ShiftClasses = Pick<Shape, 'classOfShift' | 'classRepresentative'>;
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

function shapeOf(model: CompiledRoster, agent: CompiledAgent): Shape {
  const { classOfShift, classRepresentative } = shiftClasses(model);
  const nDuties = model.duties.length;
  const daysAllowed = new Array<number>(model.typeIds.length).fill(0);
  let granularity = 0;
  let maxDuty = 0;
  let workableDays = 0;
  for (let d = 0; d < model.days; d++) {
    const seen = new Set<number>();
    for (let u = 0; u < nDuties; u++) {
      if (!agent.allowed[d * nDuties + u]) continue;
      seen.add(model.duties[u].type);
      granularity = gcd(granularity, model.duties[u].minutes);
      maxDuty = Math.max(maxDuty, model.duties[u].minutes);
    }
    for (const t of seen) daysAllowed[t]++;
    if (seen.size > 0) workableDays++;
  }
  const binding = agent.maxShiftsByType.map((max, t) => (max < daysAllowed[t] ? t : -1)).filter((t) => t >= 0);
  const tracked: number[] = [];
  const radix: number[] = [];
  let product = 1;
  for (const t of [...binding].sort((a, b) => agent.maxShiftsByType[a] - agent.maxShiftsByType[b])) {
    const size = agent.maxShiftsByType[t] + 1;
    if (size <= TRACKED_CAP && product * size <= TRACKED_PRODUCT) {
      tracked.push(t);
      radix.push(size);
      product *= size;
    }
  }
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
    radix,
    untracked: binding.filter((t) => !tracked.includes(t)),
    granularity,
    maxIndex: Math.floor(maxMinutes / granularity),
    runCap: Math.max(finiteMax, agent.minConsecutiveWork, agent.minConsecutiveOff, longestWeekend) + 1,
    weekendOf,
    weekendStart,
    weekendLimit: agent.maxWeekends < model.weekends.length ? agent.maxWeekends : -1,
    dayCap: agent.maxWorkDays < workableDays ? agent.maxWorkDays : -1,
  };
}

interface Layer {
  index: Map<number, number>;
  cost: number[];
  cls: number[];
  run: number[];
  touch: number[];
  minutes: number[];
  combo: number[];
  weekends: number[];
  parent: number[];
  choice: number[];
}

function newLayer(): Layer {
  return { index: new Map(), cost: [], cls: [], run: [], touch: [], minutes: [], combo: [], weekends: [], parent: [], choice: [] };
}

function solveOnce(model: CompiledRoster, agent: CompiledAgent, shape: Shape, costs: LineCosts): Int32Array | null {
  const days = model.days;
  const nDuties = model.duties.length;
  const nShifts = model.shifts.length;
  // The day count rides in the combo, above the tracked type counts.
  const dayStride = shape.radix.reduce((p, r) => p * r, 1);
  const comboSize = dayStride * (shape.dayCap >= 0 ? shape.dayCap + 1 : 1);
  const trackedPosition = new Int32Array(model.typeIds.length).fill(-1);
  const stride: number[] = [];
  let s = 1;
  shape.tracked.forEach((t, k) => {
    trackedPosition[t] = k;
    stride.push(s);
    s *= shape.radix[k];
  });
  // Most minutes still reachable after each day, to drop states that can no longer meet the minimum.
  const maxAfter = new Float64Array(days + 1);
  for (let d = days - 1; d >= 0; d--) {
    let best = 0;
    for (let u = 0; u < nDuties; u++) if (Number.isFinite(costs.cell[d * nDuties + u])) best = Math.max(best, model.duties[u].minutes);
    maxAfter[d] = maxAfter[d + 1] + best;
  }
  // Before day 0: the run the week before ended with (its rest is kept by the compiled cells), else nothing.
  const outside = shape.classRepresentative.length;
  const initial = newLayer();
  const before = Math.min(Math.abs(agent.runBefore), shape.runCap);
  initial.cost.push(0);
  initial.cls.push(agent.runBefore > 0 ? outside : 0);
  initial.run.push(before);
  initial.touch.push(before > 0 ? 0 : 1);
  initial.minutes.push(0);
  initial.combo.push(0);
  initial.weekends.push(0);
  const layers: Layer[] = [];
  let previous: Layer | null = null;
  for (let d = 0; d < days; d++) {
    const layer = newLayer();
    // A shift worked yesterday restricts today's by the rest across last night (clock changes included).
    const forbidden = d > 0 ? forbiddenAfter(model, d - 1) : model.forbiddenNext;
    const push = (cost: number, cls: number, run: number, touch: number, minutes: number, combo: number, weekends: number, parent: number, choice: number) => {
      if (minutes * shape.granularity + maxAfter[d + 1] < agent.minMinutes) return;
      const key = ((((cls * (shape.runCap + 1) + run) * 2 + touch) * (shape.maxIndex + 1) + minutes) * comboSize + combo) * 64 + weekends;
      const found = layer.index.get(key);
      if (found !== undefined && layer.cost[found] <= cost) return;
      const at = found ?? layer.cost.length;
      if (found === undefined) layer.index.set(key, at);
      layer.cost[at] = cost;
      layer.cls[at] = cls;
      layer.run[at] = run;
      layer.touch[at] = touch;
      layer.minutes[at] = minutes;
      layer.combo[at] = combo;
      layer.weekends[at] = weekends;
      layer.parent[at] = parent;
      layer.choice[at] = choice;
    };
    const source = previous ?? initial;
    for (let i = 0; i < source.cost.length; i++) {
      const cost = source.cost[i];
      const cls = source.cls[i];
      const run = source.run[i];
      const touch = source.touch[i];
      const minutes = source.minutes[i];
      const combo = source.combo[i];
      const weekends = source.weekends[i];
      // Run 0 only before day 0 with nothing known of the week before: the first run touches the edge.
      const first = run === 0;
      const working = cls > 0;
      // Day off.
      if (Number.isFinite(costs.off[d]) && !(working && !touch && run < agent.minConsecutiveWork)) {
        if (working) push(cost + costs.off[d], 0, 1, 0, minutes, combo, weekends, i, OFF);
        else push(cost + costs.off[d], 0, Math.min(run + 1, shape.runCap), touch, minutes, combo, weekends, i, OFF);
      }
      // A shift.
      if (!first && !working && !touch && run < agent.minConsecutiveOff) continue;
      if (working && run + 1 > agent.maxConsecutiveWork) continue;
      const w = shape.weekendOf[d];
      let addsWeekend = 0;
      if (w >= 0 && shape.weekendLimit >= 0) {
        const earlier = d - shape.weekendStart[w];
        const alreadyWorked = earlier > 0 && (working || run < earlier);
        if (!alreadyWorked) {
          if (weekends + 1 > shape.weekendLimit) continue;
          addsWeekend = 1;
        }
      }
      for (let u = 0; u < nDuties; u++) {
        const c = costs.cell[d * nDuties + u];
        if (!Number.isFinite(c)) continue;
        const duty = model.duties[u];
        if (working && cls !== outside && forbidden[shape.classRepresentative[cls] * nShifts + duty.shift]) continue;
        const newMinutes = minutes + duty.minutes / shape.granularity;
        if (newMinutes > shape.maxIndex) continue;
        let newCombo = combo;
        if (shape.dayCap >= 0) {
          if (Math.floor(combo / dayStride) >= shape.dayCap) continue;
          newCombo += dayStride;
        }
        const k = trackedPosition[duty.type];
        if (k >= 0) {
          const count = Math.floor(combo / stride[k]) % shape.radix[k];
          if (count + 1 >= shape.radix[k]) continue;
          newCombo += stride[k];
        }
        const newRun = working ? Math.min(run + 1, shape.runCap) : 1;
        push(cost + c, shape.classOfShift[duty.shift], newRun, working || first ? touch : 0, newMinutes, newCombo, weekends + addsWeekend, i, u);
      }
    }
    layers.push(layer);
    previous = layer;
  }
  const last = layers[days - 1];
  let best = -1;
  for (let i = 0; i < last.cost.length; i++) {
    if (last.minutes[i] * shape.granularity < agent.minMinutes) continue;
    if (!meetsRunAfter(agent, last.cls[i] > 0, last.run[i], last.touch[i] === 1)) continue;
    if (best < 0 || last.cost[i] < last.cost[best]) best = i;
  }
  if (best < 0) return null;
  const line = new Int32Array(days);
  for (let d = days - 1, i = best; d >= 0; d--) {
    line[d] = layers[d].choice[i];
    i = layers[d].parent[i];
  }
  return line;
}

/** The last run joined with the one the next week starts with keeps the run rules (as `agentLineViolations` reads them). */
function meetsRunAfter(agent: CompiledAgent, working: boolean, run: number, touchesStart: boolean): boolean {
  const after = agent.runAfter;
  if (after === 0) return true;
  const same = working === after > 0;
  const length = Math.abs(after);
  const [min, otherMin] = working ? [agent.minConsecutiveWork, agent.minConsecutiveOff] : [agent.minConsecutiveOff, agent.minConsecutiveWork];
  if (same) {
    if (working && run + length > agent.maxConsecutiveWork) return false;
    return touchesStart || run + length >= min;
  }
  // The next week's run is then bounded on both sides, and this one ends here.
  return length >= otherMin && (touchesStart || run >= min);
}

function lineCost(model: CompiledRoster, costs: LineCosts, line: Int32Array): number {
  let total = 0;
  line.forEach((duty, d) => (total += duty === OFF ? costs.off[d] : costs.cell[d * model.duties.length + duty]));
  return total;
}

/** Cheapest valid line for the costs, or null when the agent's rules admit no line at all. */
export function cheapestLine(model: CompiledRoster, agent: CompiledAgent, costs: LineCosts): PricedLine | null {
  const shape = shapeOf(model, agent);
  let working = costs;
  let lowerCost = Number.NEGATIVE_INFINITY;
  for (let round = 0; round <= PENALTY_ROUNDS; round++) {
    const line = solveOnce(model, agent, shape, working);
    if (!line) return null;
    if (round === 0) lowerCost = lineCost(model, costs, line);
    const counts = new Array<number>(model.typeIds.length).fill(0);
    for (const duty of line) if (duty !== OFF) counts[model.duties[duty].type]++;
    const over = shape.untracked.filter((t) => counts[t] > agent.maxShiftsByType[t]);
    if (over.length === 0) return { line, cost: lineCost(model, costs, line), exact: round === 0, lowerCost };
    // Lagrangian step on the violated caps: make those shift types dearer and try again.
    const cell = Float64Array.from(working.cell);
    const step = 1 + Math.abs(lineCost(model, costs, line)) / Math.max(1, line.length) * 2 ** round;
    model.duties.forEach((duty, u) => {
      if (!over.includes(duty.type)) return;
      for (let d = 0; d < model.days; d++) cell[d * model.duties.length + u] += step;
    });
    working = { cell, off: working.off };
  }
  return null;
}
