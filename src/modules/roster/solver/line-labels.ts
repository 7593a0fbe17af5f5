import { OFF, forbiddenAfter, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import type { WorkBounds } from './line-bounds';
import type { LineCosts } from './line-pricing';

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
  shouldStop?: () => boolean;
}

export interface LabelOutcome {
  line: Int32Array | null;
  /** Labels were dropped by `maxLabels`: the line may not be the cheapest, and no line found proves nothing. */
  truncated: boolean;
  /** Stopped by `shouldStop` before the last day. */
  aborted: boolean;
}

/** Counters after the key: weekends worked, days worked, minutes (when not in the key), tracked type counts. */
const WEEKENDS = 0;
const DAYS = 1;
const MINUTES = 2;

/** One day's labels in flat typed arrays; labels with the same key keep only their Pareto front of counters. */
class Layer {
  size = 0;
  cost = new Float64Array(64);
  cls = new Int32Array(64);
  run = new Int32Array(64);
  touch = new Uint8Array(64);
  minutes = new Int32Array(64);
  parent = new Int32Array(64);
  choice = new Int32Array(64);
  alive = new Uint8Array(64);
  counters: Int32Array;
  readonly buckets = new Map<number, number[]>();
  /** Labels dropped because a bucket was full (a beam's narrowing). */
  dropped = false;

  constructor(
    readonly width: number,
    private readonly bucketSize: number,
  ) {
    this.counters = new Int32Array(64 * width);
  }

  private grow(): void {
    const bigger = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.cost = bigger(this.cost);
    this.cls = bigger(this.cls);
    this.run = bigger(this.run);
    this.touch = bigger(this.touch);
    this.minutes = bigger(this.minutes);
    this.parent = bigger(this.parent);
    this.choice = bigger(this.choice);
    this.alive = bigger(this.alive);
    this.counters = bigger(this.counters);
  }

  /** Adds the label unless one of its key dominates it; drops the ones it dominates. */
  push(
    key: number,
    cost: number,
    cls: number,
    run: number,
    touch: number,
    minutes: number,
    counters: Int32Array,
    parent: number,
    choice: number,
  ): void {
    const w = this.width;
    let bucket = this.buckets.get(key);
    if (bucket) {
      let kept = 0;
      for (let k = 0; k < bucket.length; k++) {
        const j = bucket[k];
        let jBetter = this.cost[j] <= cost;
        let newBetter = cost <= this.cost[j];
        for (let x = 0; x < w && (jBetter || newBetter); x++) {
          const cj = this.counters[j * w + x];
          if (cj > counters[x]) jBetter = false;
          if (counters[x] > cj) newBetter = false;
        }
        if (jBetter) return;
        if (newBetter) this.alive[j] = 0;
        else bucket[kept++] = j;
      }
      bucket.length = kept;
      // A beam keeps a few labels per key: the cheapest.
      if (bucket.length >= this.bucketSize) {
        let dearest = 0;
        for (let k = 1; k < bucket.length; k++) if (this.cost[bucket[k]] > this.cost[bucket[dearest]]) dearest = k;
        this.dropped = true;
        if (this.cost[bucket[dearest]] <= cost) return;
        this.alive[bucket[dearest]] = 0;
        bucket.splice(dearest, 1);
      }
    } else {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    if (this.size === this.cost.length) this.grow();
    const i = this.size++;
    this.cost[i] = cost;
    this.cls[i] = cls;
    this.run[i] = run;
    this.touch[i] = touch;
    this.minutes[i] = minutes;
    this.parent[i] = parent;
    this.choice[i] = choice;
    this.alive[i] = 1;
    for (let x = 0; x < w; x++) this.counters[i * w + x] = counters[x];
    bucket.push(i);
  }

  /**
   * Live labels to expand: all of them, or `limit` of them: first the cheapest of each minutes
   * count (so the busiest lines survive a beam that cheap idle days would otherwise fill with
   * lines that fall short of the contract later), then the cheapest of the rest.
   */
  expandable(limit: number): { order: number[]; truncated: boolean } {
    const order: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.alive[i]) order.push(i);
    if (order.length <= limit) return { order, truncated: this.dropped };
    order.sort((x, y) => this.cost[x] - this.cost[y] || x - y);
    const chosen = new Uint8Array(this.size);
    const seen = new Set<number>();
    const picked: number[] = [];
    for (const i of order) {
      if (picked.length >= limit) break;
      if (seen.has(this.minutes[i])) continue;
      seen.add(this.minutes[i]);
      chosen[i] = 1;
      picked.push(i);
    }
    for (const i of order) {
      if (picked.length >= limit) break;
      if (chosen[i]) continue;
      picked.push(i);
    }
    return { order: picked.sort((x, y) => x - y), truncated: true };
  }
}

/** Cheapest line for the costs under the shape's rules (untracked caps aside), by label setting over days. */
export function labelSetting(
  model: CompiledRoster,
  agent: CompiledAgent,
  shape: LabelShape,
  costs: LineCosts,
  bounds: WorkBounds,
  limits: LabelLimits,
): LabelOutcome {
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
  const layers: Layer[] = [];
  let truncated = false;
  let previous: Layer | null = null;
  for (let d = 0; d < days; d++) {
    if (limits.shouldStop && d % 8 === 0 && limits.shouldStop()) return { line: null, truncated, aborted: true };
    const layer = new Layer(width, limits.bucketSize ?? Number.POSITIVE_INFINITY);
    const forbidden = d > 0 ? forbiddenAfter(model, d - 1) : model.forbiddenNext;
    const dutiesToday: number[] = [];
    for (let u = 0; u < nDuties; u++) if (Number.isFinite(costs.cell[d * nDuties + u])) dutiesToday.push(u);
    // A beam tries the cheapest shifts first, but always the longest too (they are what reaches a contract's minimum).
    const longest = new Uint8Array(nDuties);
    if (limits.successors !== undefined) {
      dutiesToday.sort((x, y) => costs.cell[d * nDuties + x] - costs.cell[d * nDuties + y] || x - y);
      const most = dutiesToday.reduce((m, u) => Math.max(m, model.duties[u].minutes), 0);
      for (const u of dutiesToday) if (model.duties[u].minutes === most) longest[u] = 1;
    }
    const breadth = limits.successors ?? dutiesToday.length;
    const offCost = costs.off[d];
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
      for (const u of dutiesToday) {
        if (tried >= breadth && !longest[u]) continue;
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
        push(cost + costs.cell[d * nDuties + u], shape.classOfShift[duty.shift], newRun, newTouch, newMinutes, i, u);
      }
    }
    layers.push(layer);
    previous = layer;
  }
  const last = layers[days - 1];
  let best = -1;
  for (let i = 0; last && i < last.size; i++) {
    if (!last.alive[i]) continue;
    if (shape.minutesInKey && last.minutes[i] * g < agent.minMinutes) continue;
    if (!meetsRunAfter(agent, last.cls[i] > 0, last.run[i], last.touch[i] === 1)) continue;
    if (best < 0 || last.cost[i] < last.cost[best]) best = i;
  }
  if (best < 0) return { line: null, truncated, aborted: false };
  const line = new Int32Array(days);
  for (let d = days - 1, i = best; d >= 0; d--) {
    line[d] = layers[d].choice[i];
    i = layers[d].parent[i];
  }
  return { line, truncated, aborted: false };
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
