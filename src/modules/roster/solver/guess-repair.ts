import { OFF as OFF_DUTY, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import type { LineCosts } from './line-pricing';
import { LineTally } from './line-tally';
import { keepsEveryRule, lineBreach, runBreach } from './rule-breach';

/** A day off, read once: under some loaders (tsx) an imported constant is a getter call on every read, in the hottest loop. */
const OFF = OFF_DUTY;

/**
 * A guessed line that breaks a rule, mended day by day instead of priced again: a construction far
 * behind its pace repeats each agent's weeks before the window, and the repeat is mostly a few
 * hours or a weekend off the window's totals (Instance24: ~600 of 1,800 guesses, each then a beam
 * over the whole window). Each step takes the change that brings the line closest to keeping every
 * rule (`lineBreach`), the cheaper for cover among equals: one day set to a shift or off, or a few
 * days at once (a weekend off, a new short run). The mended line is returned only when it keeps every rule.
 */

/** Steps a repair may take before it gives up (the window's beam then places the agent). */
const MAX_STEPS = 24;
/** Passes for cover after the line keeps every rule (each takes changes on many days at once). */
const POLISH_PASSES = 4;

export function repairGuess(
  model: CompiledRoster,
  agent: CompiledAgent,
  guess: Int32Array,
  costs: LineCosts,
): Int32Array | undefined {
  const line = Int32Array.from(guess);
  const tally = new LineTally(model, agent, line);
  for (let step = 0; step < MAX_STEPS && tally.breach > 0; step++) {
    if (!improve(tally, costs, 'mend')) return undefined;
  }
  if (tally.breach > 0) return undefined;
  // The mended days were chosen for the rules first: a few passes for cover, every rule still kept.
  for (let pass = 0; pass < POLISH_PASSES && improve(tally, costs, 'polish'); pass++);
  return keepsEveryRule(model, agent, line) ? line : undefined;
}

/**
 * One pass over the days: each day's cheapest change for cover among those lowering the breach
 * (`mend`; the steeper among equals) or keeping it 0 and saving cost (`polish`), then taken
 * cheapest first while each still does so as the line then stands and touches no day changed
 * before it; false when no change does.
 */
function improve(tally: LineTally, costs: LineCosts, aim: 'mend' | 'polish'): boolean {
  const mend = aim === 'mend';
  // A change is taken when it lowers the breach (mend) or keeps every rule (polish, cheaper only).
  const takes = (breach: number) => (mend ? breach < tally.breach - 1e-9 : breach <= 1e-9);
  const { line, agent, nDuties } = tally;
  const { allowed, lockedType } = agent;
  const days = line.length;
  const choice = new Int32Array(days).fill(NONE);
  const price = new Float64Array(days).fill(Number.POSITIVE_INFINITY);
  const gain = new Float64Array(days);
  const weigh: Weigh = (d, value, breach, cost) => {
    const lower = tally.breach - breach;
    if (!takes(breach) || !Number.isFinite(cost) || (!mend && !(cost < -1e-9))) return false;
    if (cost > price[d] + 1e-9 || (cost > price[d] - 1e-9 && lower <= gain[d])) return false;
    choice[d] = value;
    price[d] = cost;
    gain[d] = lower;
    return true;
  };
  // Polishing, only changes that save cost are weighed (most of a pass's changes, checked for nothing).
  const dearest = mend ? Number.POSITIVE_INFINITY : -1e-9;
  for (let d = 0; d < days; d++) {
    const old = line[d];
    const base = tally.baseFor(d);
    // The run rules only change when the day turns between work and rest: recounted once per day, when asked.
    let turned = Number.NaN;
    const oldCost = dayCost(costs, nDuties, d, old);
    if (old !== OFF && lockedType[d] < 0 && costs.off[d] - oldCost < dearest) {
      turned = tally.runsIf(d, OFF);
      weigh(d, OFF, tally.breachIf(d, OFF, base, turned), costs.off[d] - oldCost);
    }
    const offset = d * nDuties;
    for (let u = 0; u < nDuties; u++) {
      if (u === old || !allowed[offset + u]) continue;
      const cost = costs.cell[offset + u] - oldCost;
      // A change dearer than the day's choice so far is not weighed (cheapest first).
      if (cost > price[d] + 1e-9 || !(cost < dearest)) continue;
      if (old === OFF && Number.isNaN(turned)) turned = tally.runsIf(d, u);
      weigh(d, u, tally.breachIf(d, u, base, old === OFF ? turned : tally.runs), cost);
    }
  }
  // Blocks of days only when no single day helps (each is weighed on the whole line).
  const blocks = new Map<number, number[]>();
  if (mend && !choice.some((value) => value !== NONE)) weighBlocks(tally, costs, blocks, weigh);
  const order = Array.from(choice.keys())
    .filter((d) => choice[d] !== NONE)
    .sort((x, y) => price[x] - price[y] || gain[y] - gain[x] || x - y);
  const changed = new Uint8Array(days + 1);
  let taken = 0;
  for (const d of order) {
    const values = blocks.get(d) ?? [choice[d]];
    if ((d > 0 && changed[d - 1]) || changed.subarray(d, d + values.length + 1).some((x) => x === 1)) continue;
    if (values.length > 1) {
      const kept = tally.setBlock(d, values);
      const breach = lineBreach(tally.model, agent, line);
      if (!takes(breach)) {
        tally.setBlock(d, kept);
        continue;
      }
      tally.runs = runBreach(agent, line);
      tally.breach = breach;
    } else {
      const runsThen = tally.runsIf(d, values[0]);
      const breach = tally.breachIf(d, values[0], tally.baseFor(d), runsThen);
      if (!takes(breach)) continue;
      tally.set(d, values[0]);
      tally.runs = runsThen;
      tally.breach = breach;
    }
    changed.fill(1, d, d + values.length);
    taken++;
    if (mend && tally.breach <= 1e-9) break;
  }
  // Locks and cells the guess broke are outside the tally's view: the pass ends on the exact breach.
  tally.resync();
  return taken > 0;
}

/**
 * Changes of several days at once, where one day alone cannot lower the breach: two worked days
 * off (a weekend worked on both days, a run of two) and a new run as short as the rules allow,
 * each day its cheapest shift or its cheapest longest (where one day more would be a run too short).
 */
function weighBlocks(tally: LineTally, costs: LineCosts, blocks: Map<number, number[]>, weigh: Weigh): void {
  const { line, agent, nDuties } = tally;
  const run = Math.max(2, agent.minConsecutiveWork);
  const consider = (d: number, values: number[]) => {
    let cost = 0;
    for (let k = 0; k < values.length; k++)
      cost += dayCost(costs, nDuties, d + k, values[k]) - dayCost(costs, nDuties, d + k, line[d + k]);
    const kept = tally.setBlock(d, values);
    const breach = lineBreach(tally.model, agent, line);
    tally.setBlock(d, kept);
    if (weigh(d, BLOCK, breach, cost)) blocks.set(d, values);
  };
  for (let d = 0; d + 1 < line.length; d++) {
    if (line[d] !== OFF && line[d + 1] !== OFF && agent.lockedType[d] < 0 && agent.lockedType[d + 1] < 0)
      consider(d, [OFF, OFF]);
    if (d + run > line.length || line.subarray(d, d + run).some((duty) => duty !== OFF)) continue;
    for (const longest of [false, true]) {
      const values = Array.from({ length: run }, (_, k) => cheapestShift(costs, tally.dutyMinutes, d + k, longest));
      if (values.every((u) => u >= 0)) consider(d, values);
    }
  }
}

/** Weighs a change of day d (or a block from d) to `value`; true when it is the day's choice now. */
type Weigh = (d: number, value: number, breach: number, cost: number) => boolean;

/** No change chosen for a day; a change of several days from it (see `weighBlocks`). */
const NONE = -3;
const BLOCK = -4;

/** The day's cheapest shift for cover (among the longest when `longest`); −1 when none may be worked. */
function cheapestShift(costs: LineCosts, dutyMinutes: Int32Array, d: number, longest: boolean): number {
  const nDuties = dutyMinutes.length;
  let most = 0;
  if (longest)
    for (let u = 0; u < nDuties; u++)
      if (Number.isFinite(costs.cell[d * nDuties + u])) most = Math.max(most, dutyMinutes[u]);
  let best = -1;
  for (let u = 0; u < nDuties; u++) {
    const cost = costs.cell[d * nDuties + u];
    if (!Number.isFinite(cost) || dutyMinutes[u] < most) continue;
    if (best < 0 || cost < costs.cell[d * nDuties + best]) best = u;
  }
  return best;
}

function dayCost(costs: LineCosts, nDuties: number, d: number, value: number): number {
  return value === OFF ? costs.off[d] : costs.cell[d * nDuties + value];
}
