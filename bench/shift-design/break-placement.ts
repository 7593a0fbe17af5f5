/**
 * Places breaks inside the day's shifts so that cover after breaks follows demand: first the
 * least under-cover, then breaks where the surplus is largest (lunch and dinner go to the dip).
 */

/** One kind of break, e.g. a 60-minute meal 3–5 h after the start of shifts of 8 h or more. */
export interface BreakRule {
  name: string;
  lengthSlots: number;
  /** The rule applies to shifts of at least this many slots. */
  minShiftSlots: number;
  /** The break starts between these offsets from the shift's first slot (inclusive). */
  earliestOffset: number;
  latestOffset: number;
}

/** One agent's shift, in slot indices of `requiredAgents`. */
export interface ShiftToBreak {
  id: string;
  start: number;
  length: number;
}

export interface BreakPlacementInput {
  requiredAgents: readonly number[];
  shifts: readonly ShiftToBreak[];
  rules: readonly BreakRule[];
  /** Work slots required between two breaks of the same shift. Default 1. */
  minSlotsBetweenBreaks?: number;
}

export interface PlacedBreak {
  shiftId: string;
  rule: string;
  start: number;
  length: number;
}

export interface BreakPlacement {
  breaks: PlacedBreak[];
  /** Agents working per slot after breaks. */
  coverage: number[];
  /** Σ over slots of agents short after breaks. */
  shortageAgentSlots: number;
  /** Breaks that fit nowhere in their window (shift too short for the window, or crowded out). */
  unplaced: { shiftId: string; rule: string }[];
}

/** Much more than the whole tie-break term of one break, so shortage always comes first. */
const SHORTAGE_WEIGHT = 1000;
/** Leaving a break out costs more than any placement, so every break that fits is placed. */
const UNPLACED_COST = 1e9;
const MAX_PASSES = 50;

/**
 * Convex cost of a slot at surplus s (agents working − required): linear in shortage, and a
 * decreasing 1/(1+s) for surplus so that, at equal shortage, breaks go where surplus is largest.
 */
function slotCost(surplus: number): number {
  return surplus >= 0 ? 1 / (1 + surplus) : 1 + SHORTAGE_WEIGHT * -surplus;
}

/** One shift with the rules that apply to it and, once placed, each break's offset (null: none). */
interface ShiftBreaks {
  shift: ShiftToBreak;
  rules: BreakRule[];
  offsets: (number | null)[];
}

/**
 * Coordinate descent over shifts: lift all breaks of one shift and put them back at the best
 * combination of offsets given everyone else's breaks (exact for that shift, since its breaks
 * never overlap and their costs add up); repeat until no shift changes. Deterministic.
 */
export function placeBreaks(input: BreakPlacementInput): BreakPlacement {
  const gap = input.minSlotsBetweenBreaks ?? 1;
  const slotCount = input.requiredAgents.length;
  const coverage = new Array<number>(slotCount).fill(0);
  for (const shift of input.shifts) {
    for (let slot = Math.max(0, shift.start); slot < Math.min(slotCount, shift.start + shift.length); slot++)
      coverage[slot]++;
  }
  const shifts: ShiftBreaks[] = input.shifts
    .map((shift) => {
      const rules = input.rules.filter((rule) => shift.length >= rule.minShiftSlots);
      return { shift, rules, offsets: rules.map(() => null) };
    })
    .filter((s) => s.rules.length > 0)
    .sort((a, b) => a.shift.start - b.shift.start || a.shift.id.localeCompare(b.shift.id));

  const adjustCoverage = (entry: ShiftBreaks, step: number) => {
    entry.offsets.forEach((offset, r) => {
      if (offset === null) return;
      for (let k = 0; k < entry.rules[r].lengthSlots; k++) {
        const slot = entry.shift.start + offset + k;
        if (slot >= 0 && slot < slotCount) coverage[slot] += step;
      }
    });
  };
  const removalCost = (start: number, length: number) => {
    let cost = 0;
    for (let slot = Math.max(0, start); slot < Math.min(slotCount, start + length); slot++) {
      const surplus = coverage[slot] - input.requiredAgents[slot];
      cost += slotCost(surplus - 1) - slotCost(surplus);
    }
    return cost;
  };

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (const entry of shifts) {
      adjustCoverage(entry, +1);
      const current = combinationCost(entry, entry.offsets, removalCost);
      const best = bestCombination(entry, gap, removalCost);
      if (best.cost < current - 1e-9) {
        moved = true;
        entry.offsets = best.offsets;
      }
      adjustCoverage(entry, -1);
    }
    if (!moved) break;
  }

  const breaks: PlacedBreak[] = [];
  const unplaced: { shiftId: string; rule: string }[] = [];
  for (const entry of shifts) {
    entry.offsets.forEach((offset, r) => {
      const rule = entry.rules[r];
      if (offset === null) unplaced.push({ shiftId: entry.shift.id, rule: rule.name });
      else
        breaks.push({
          shiftId: entry.shift.id,
          rule: rule.name,
          start: entry.shift.start + offset,
          length: rule.lengthSlots,
        });
    });
  }
  return {
    breaks: breaks.sort((a, b) => a.start - b.start || a.shiftId.localeCompare(b.shiftId)),
    coverage,
    shortageAgentSlots: coverage.reduce(
      (sum, onDuty, slot) => sum + Math.max(0, input.requiredAgents[slot] - onDuty),
      0,
    ),
    unplaced,
  };
}

type RemovalCost = (start: number, length: number) => number;

function combinationCost(entry: ShiftBreaks, offsets: readonly (number | null)[], removalCost: RemovalCost): number {
  return offsets.reduce<number>(
    (sum, offset, r) =>
      sum + (offset === null ? UNPLACED_COST : removalCost(entry.shift.start + offset, entry.rules[r].lengthSlots)),
    0,
  );
}

/** Every combination of offsets that keeps the shift's breaks apart; the first cheapest wins. */
function bestCombination(
  entry: ShiftBreaks,
  gap: number,
  removalCost: RemovalCost,
): { offsets: (number | null)[]; cost: number } {
  const { shift, rules } = entry;
  const chosen: (number | null)[] = [];
  let best: { offsets: (number | null)[]; cost: number } = { offsets: rules.map(() => null), cost: Infinity };
  const fits = (r: number, offset: number) =>
    chosen.every(
      (other, o) =>
        other === null || offset >= other + rules[o].lengthSlots + gap || other >= offset + rules[r].lengthSlots + gap,
    );
  const visit = (r: number, cost: number): void => {
    if (cost >= best.cost - 1e-12) return;
    if (r === rules.length) {
      best = { offsets: [...chosen], cost };
      return;
    }
    const latest = Math.min(rules[r].latestOffset, shift.length - rules[r].lengthSlots);
    for (let offset = Math.max(0, rules[r].earliestOffset); offset <= latest; offset++) {
      if (!fits(r, offset)) continue;
      chosen.push(offset);
      visit(r + 1, cost + removalCost(shift.start + offset, rules[r].lengthSlots));
      chosen.pop();
    }
    chosen.push(null);
    visit(r + 1, cost + UNPLACED_COST);
    chosen.pop();
  };
  visit(0, 0);
  return best;
}
