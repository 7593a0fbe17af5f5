import { OFF, forbiddenAfter, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import { giveBack, takeLayer, type Layer } from './label-layer';
import type { WorkBounds } from './line-bounds';
import type { LineCosts } from './line-costs';
import { dutiesOfDay } from './duty-groups';

/** What the programme tracks for one agent (see `shapeOf` in line-pricing.ts). */
export interface LabelShape {
  classOfShift: Int32Array;
  classRepresentative: number[];
  /** Shift types whose caps are tracked exactly, and those caps. */
  tracked: number[];
  trackedCap: number[];
  granularity: number;
  /** Minutes are part of the state (the contract has a minimum); otherwise a counter like the caps. */
  minutesInKey: boolean;
  maxIndex: number;
  runCap: number;
  weekendOf: Int32Array;
  weekendStart: number[];
  weekendLimit: number;
  dayCap: number;
}

export interface LabelLimits {
  /** Labels expanded per day at most (the cheapest); beyond it the answer is valid but not proven cheapest. */
  maxLabels: number;
  /** Shifts tried per label at most, cheapest first (a beam's breadth); all when absent. */
  successors?: number;
  /** Labels kept per key at most (a beam's depth); the whole Pareto front when absent. */
  bucketSize?: number;
  /** A beam tries only the cheapest longest shift beyond its breadth, not every longest (a hurried beam's). */
  oneLongest?: boolean;
  shouldStop?: () => boolean;
  /** Next-cheapest lines wanted besides the cheapest (other end states of the last day). */
  alternatives?: number;
  /** Labels that can no longer reach the weekend cap are merged (exact; see `setLabels`). */
  mergeSpentWeekends?: boolean;
}

export interface LabelOutcome {
  line: Int32Array | null;
  /** Up to `alternatives` more lines, cheapest first. */
  others?: Int32Array[];
  /** Labels were dropped by `maxLabels`: the line may not be the cheapest, and no line found proves nothing. */
  truncated: boolean;
  /** Stopped by `shouldStop` before the last day. */
  aborted: boolean;
}

/** Counters after the key: weekends worked, days worked, minutes (when not in the key), tracked type counts. */
const WEEKENDS = 0;
const DAYS = 1;
const MINUTES = 2;

/** What a label setting is asked: one agent's line in the model, priced by `costs`. */
type LabelQuestion = [
  model: CompiledRoster,
  agent: CompiledAgent,
  shape: LabelShape,
  costs: LineCosts,
  bounds: WorkBounds,
  limits: LabelLimits,
];

/** Cheapest line for the costs under the shape's rules (untracked caps aside), by label setting over days. */
export function labelSetting(...question: LabelQuestion): LabelOutcome {
  const layers: Layer[] = [];
  try {
    return setLabels(layers, ...question);
  } finally {
    giveBack(layers);
  }
}

function setLabels(layers: Layer[], ...[model, agent, shape, costs, bounds, limits]: LabelQuestion): LabelOutcome {
  const days = model.days;
  if (days === 0) return { line: new Int32Array(0), truncated: false, aborted: false };
  const nDuties = model.duties.length;
  const nShifts = model.shifts.length;
  const width = 3 + shape.tracked.length;
  const trackedPosition = new Int32Array(model.typeIds.length).fill(-1);
  shape.tracked.forEach((t, k) => (trackedPosition[t] = k));
  const keyOf = (cls: number, run: number, touch: number, minutes: number) =>
    ((cls * (shape.runCap + 1) + run) * 2 + touch) * (shape.maxIndex + 1) + minutes;
  const g = shape.granularity;
  const counters = new Int32Array(width);
  const zero = new Int32Array(width);
  // Minutes as a counter only matter (for dominance) when they are capped.
  const capMinutes = Number.isFinite(agent.maxMinutes);
  // Before day 0: the run the week before ended with (its rest is kept by the compiled cells), else nothing.
  const outside = shape.classRepresentative.length;
  const before = Math.min(Math.abs(agent.runBefore), shape.runCap);
  const initial = { cls: agent.runBefore > 0 ? outside : 0, run: before, touch: before > 0 ? 0 : 1 };
  let truncated = false;
  let previous: Layer | null = null;
  const merge = limits.mergeSpentWeekends === true && shape.weekendLimit >= 0;
  const weekendsOpenAfter = merge ? weekendsOpen(model) : new Int32Array(0);
  for (let d = 0; d < days; d++) {
    if (limits.shouldStop && d % 8 === 0 && limits.shouldStop()) return { line: null, truncated, aborted: true };
    const layer = takeLayer(width, limits.bucketSize ?? Number.POSITIVE_INFINITY);
    const forbidden = d > 0 ? forbiddenAfter(model, d - 1) : model.forbiddenNext;
    const dutiesToday = dutiesOfDay(model, costs.cell, d, limits.successors === undefined);
    // A beam tries the cheapest shifts first, but always the longest too (they are what reaches a contract's minimum).
    const longest = new Uint8Array(nDuties);
    if (limits.successors !== undefined) {
      dutiesToday.sort((x, y) => costs.cell[d * nDuties + x] - costs.cell[d * nDuties + y] || x - y);
      const most = dutiesToday.reduce((m, u) => Math.max(m, model.duties[u].minutes), 0);
      for (const u of dutiesToday) if (model.duties[u].minutes === most) longest[u] = 1;
    }
    const breadth = limits.successors ?? dutiesToday.length;
    const offCost = costs.off[d];
    // A label that has worked fewer weekends than the cap less the weekends still open can never
    // reach the cap: held at that count, such labels compare by cost alone (an exact merge of
    // states; exact pricing ran 1.3–2.3 times faster on 4–12-week rosters, docs/benchmarks.md).
    const freeWeekends = merge ? shape.weekendLimit - weekendsOpenAfter[d] : Number.NEGATIVE_INFINITY;
    const push = (
      cost: number,
      cls: number,
      run: number,
      touch: number,
      minutes: number,
      parent: number,
      choice: number,
    ) => {
      const worked = shape.minutesInKey ? minutes * g : 0;
      const most = bounds.most(d + 1, cls > 0, run, touch === 1, counters[WEEKENDS]);
      if (most === Number.NEGATIVE_INFINITY || worked + most < agent.minMinutes) return;
      if (counters[WEEKENDS] < freeWeekends) counters[WEEKENDS] = freeWeekends;
      layer.push(keyOf(cls, run, touch, minutes), cost, cls, run, touch, minutes, counters, parent, choice);
    };
    const { order, truncated: cut } = previous
      ? previous.expandable(limits.maxLabels)
      : { order: [0], truncated: false };
    truncated ||= cut;
    for (const i of order) {
      const cost = previous ? previous.cost[i] : 0;
      const cls = previous ? previous.cls[i] : initial.cls;
      const run = previous ? previous.run[i] : initial.run;
      const touch = previous ? previous.touch[i] : initial.touch;
      const minutes = previous ? previous.minutes[i] : 0;
      // Run 0 only before day 0 with nothing known of the week before: the first run touches the edge.
      const first = run === 0;
      const from = previous ? previous.counters : zero;
      const offset = previous ? i * width : 0;
      const working = cls > 0;
      // Day off.
      if (Number.isFinite(offCost) && !(working && !touch && run < agent.minConsecutiveWork)) {
        for (let x = 0; x < width; x++) counters[x] = from[offset + x];
        if (first || working) push(cost + offCost, 0, 1, first ? 1 : 0, minutes, i, OFF);
        else push(cost + offCost, 0, Math.min(run + 1, shape.runCap), touch, minutes, i, OFF);
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
          if (from[offset + WEEKENDS] + 1 > shape.weekendLimit) continue;
          addsWeekend = 1;
        }
      }
      if (shape.dayCap >= 0 && from[offset + DAYS] + 1 > shape.dayCap) continue;
      const newRun = working ? Math.min(run + 1, shape.runCap) : 1;
      const newTouch = working || first ? touch : 0;
      const representative = cls === outside ? -1 : shape.classRepresentative[cls] * nShifts;
      let tried = 0;
      let longestTried = false;
      for (const u of dutiesToday) {
        if (tried >= breadth && (!longest[u] || (longestTried && limits.oneLongest))) continue;
        const duty = model.duties[u];
        if (working && representative >= 0 && forbidden[representative + duty.shift]) continue;
        let newMinutes = minutes;
        if (shape.minutesInKey) {
          newMinutes = minutes + duty.minutes / g;
          if (newMinutes > shape.maxIndex) continue;
        } else if (from[offset + MINUTES] + duty.minutes > agent.maxMinutes) continue;
        const k = trackedPosition[duty.type];
        if (k >= 0 && from[offset + 3 + k] + 1 > shape.trackedCap[k]) continue;
        for (let x = 0; x < width; x++) counters[x] = from[offset + x];
        if (!shape.minutesInKey && capMinutes) counters[MINUTES] += duty.minutes;
        if (k >= 0) counters[3 + k]++;
        counters[WEEKENDS] += addsWeekend;
        if (shape.dayCap >= 0) counters[DAYS]++;
        tried++;
        if (longest[u]) longestTried = true;
        push(cost + costs.cell[d * nDuties + u], shape.classOfShift[duty.shift], newRun, newTouch, newMinutes, i, u);
      }
    }
    layers.push(layer);
    previous = layer;
  }
  const last = layers[days - 1];
  const wanted = limits.alternatives ?? 0;
  // Every valid end state is kept only when next-cheapest lines are asked for.
  const ends: number[] = [];
  let best = -1;
  for (let i = 0; last && i < last.size; i++) {
    if (!last.alive[i]) continue;
    if (shape.minutesInKey && last.minutes[i] * g < agent.minMinutes) continue;
    if (!meetsRunAfter(agent, last.cls[i] > 0, last.run[i], last.touch[i] === 1)) continue;
    if (best < 0 || last.cost[i] < last.cost[best]) best = i;
    if (wanted > 0) ends.push(i);
  }
  if (best < 0) return { line: null, truncated, aborted: false };
  const lineTo = (end: number) => {
    const line = new Int32Array(days);
    for (let d = days - 1, i = end; d >= 0; d--) {
      line[d] = layers[d].choice[i];
      i = layers[d].parent[i];
    }
    return line;
  };
  const others =
    wanted > 0
      ? ends
          .filter((i) => i !== best)
          .sort((x, y) => last.cost[x] - last.cost[y] || x - y)
          .slice(0, wanted)
          .map(lineTo)
      : undefined;
  return { line: lineTo(best), others, truncated, aborted: false };
}

const openWeekends = new WeakMap<CompiledRoster, Int32Array>();

/** Per day, the weekends with a day after it (so a line may still start working them); once per model. */
function weekendsOpen(model: CompiledRoster): Int32Array {
  const known = openWeekends.get(model);
  if (known) return known;
  const open = new Int32Array(model.days);
  for (const weekend of model.weekends) {
    const last = Math.max(...weekend);
    for (let d = 0; d < Math.min(last, model.days); d++) open[d]++;
  }
  openWeekends.set(model, open);
  return open;
}

/** The last run joined with the one the next week starts with keeps the run rules (as `agentLineViolations` reads them). */
function meetsRunAfter(agent: CompiledAgent, working: boolean, run: number, touchesStart: boolean): boolean {
  const after = agent.runAfter;
  if (after === 0) return true;
  const same = working === after > 0;
  const length = Math.abs(after);
  const [min, otherMin] = working
    ? [agent.minConsecutiveWork, agent.minConsecutiveOff]
    : [agent.minConsecutiveOff, agent.minConsecutiveWork];
  if (same) {
    if (working && run + length > agent.maxConsecutiveWork) return false;
    return touchesStart || run + length >= min;
  }
  // The next week's run is then bounded on both sides, and this one ends here.
  return length >= otherMin && (touchesStart || run >= min);
}
