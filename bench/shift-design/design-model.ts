import { coveredSlots, type CandidateShift } from './candidate-shifts';
import { resolveWeights } from './design-evaluation';
import { LinearProgram, type LinearColumn } from 'src/modules/roster/solver/linear-program';

/** The design model column by column, as cover models come. */
export interface LinearModel {
  columns: readonly LinearColumn[];
  rowLower: readonly number[];
  rowUpper: readonly number[];
}

/** The one HiGHS wrapper takes rows: the column-wise model transposed. */
export const linearProgramOf = (model: LinearModel): LinearProgram =>
  LinearProgram.fromColumns(model.columns, model.rowLower, model.rowUpper);
import type { DesignedShift, ShiftDesignInput } from './shift-design.types';

/** Agents starting `candidate` on `day`: one integer column of the model. */
export interface StartColumn {
  candidate: number;
  day: number;
  slots: number[];
  /** No optimal design starts more agents than the peak demand the shift spans. */
  upper: number;
}

/**
 * The shift design MIP: integer starts x[c,d], binary "shift c is used" y[c] with x[c,d] ≤ U·y[c],
 * and per-slot excess/shortage columns, so the objective is exactly the published one.
 * Columns: starts first, then one "used" column per candidate in `candidates`, then deviations.
 */
export interface DesignModel {
  model: LinearModel;
  starts: StartColumn[];
  /** Candidate indices (into the full candidate list) that have a "used" column, in order. */
  candidates: number[];
  usedColumnOffset: number;
  deviationColumnOffset: number;
}

export function startColumns(input: ShiftDesignInput, candidates: readonly CandidateShift[]): StartColumn[] {
  const columns: StartColumn[] = [];
  candidates.forEach((shift, candidate) => {
    for (let day = 0; day < input.horizon.days; day++) {
      const slots = coveredSlots(input.horizon, day, shift.start, shift.length);
      const peak = Math.max(0, ...slots.map((slot) => input.requiredAgents[slot]));
      const upper = Math.ceil(peak);
      if (upper > 0) columns.push({ candidate, day, slots, upper });
    }
  });
  return columns;
}

export interface DesignModelOptions {
  /** Forbid every deviation: the model then only asks for the fewest shifts that cover exactly. */
  exactCover?: boolean;
}

export function buildDesignModel(
  input: ShiftDesignInput,
  candidateList: readonly CandidateShift[],
  starts: readonly StartColumn[],
  options: DesignModelOptions = {},
): DesignModel {
  const weights = resolveWeights(input);
  const minutes = input.horizon.slotMinutes;
  const slotCount = input.requiredAgents.length;
  const candidates = [...new Set(starts.map((s) => s.candidate))].sort((a, b) => a - b);
  const usedIndex = new Array<number>(candidateList.length).fill(-1);
  candidates.forEach((candidate, k) => (usedIndex[candidate] = k));

  const columns: LinearColumn[] = [];
  const used: ColumnEntries[] = candidates.map(() => ({ rows: [], coefficients: [] }));
  starts.forEach((start, k) => {
    const linkRow = slotCount + k;
    columns.push({ cost: 0, lower: 0, upper: start.upper, integer: true, rows: [...start.slots, linkRow] });
    used[usedIndex[start.candidate]].rows.push(linkRow);
    used[usedIndex[start.candidate]].coefficients.push(-start.upper);
  });
  const shortageAllowed = (input.shortageAllowed ?? true) && !options.exactCover;
  const deviations: ColumnEntries[] = input.requiredAgents.flatMap((_, slot) => [
    { rows: [slot], coefficients: [1] },
    { rows: [slot], coefficients: [-1] },
  ]);
  const rowLower = [...input.requiredAgents, ...starts.map(() => -Infinity)];
  const rowUpper = [...input.requiredAgents, ...starts.map(() => 0)];
  for (const jump of demandJumps(input)) {
    const row = rowLower.length;
    rowLower.push(jump.size);
    rowUpper.push(Infinity);
    // Shortage at the jump or excess just before it (or the reverse for a drop) ...
    const [here, before] = jump.rising ? [0, 1] : [1, 0];
    deviations[2 * jump.slot + here].rows.push(row);
    deviations[2 * jump.slot + here].coefficients.push(1);
    if (jump.previousSlot !== null) {
      deviations[2 * jump.previousSlot + before].rows.push(row);
      deviations[2 * jump.previousSlot + before].coefficients.push(1);
    }
    // ... unless some used shift starts (for a rise) or ends (for a drop) at this time of day.
    candidates.forEach((candidate, k) => {
      const shift = candidateList[candidate];
      const boundary = jump.rising ? shift.start : (shift.start + shift.length) % input.horizon.slotsPerDay;
      if (boundary !== jump.slot % input.horizon.slotsPerDay) return;
      used[k].rows.push(row);
      used[k].coefficients.push(jump.size);
    });
  }
  const usedColumnOffset = columns.length;
  used.forEach((entries) =>
    columns.push({ cost: weights.perDistinctShift, lower: 0, upper: 1, integer: true, ...entries }),
  );
  const deviationColumnOffset = columns.length;
  input.requiredAgents.forEach((required, slot) => {
    const shortageUpper = shortageAllowed ? required : 0;
    const excessUpper = options.exactCover ? 0 : Infinity;
    columns.push({
      cost: weights.shortagePerMinute * minutes,
      lower: 0,
      upper: shortageUpper,
      ...deviations[2 * slot],
    });
    columns.push({
      cost: weights.excessPerMinute * minutes,
      lower: 0,
      upper: excessUpper,
      ...deviations[2 * slot + 1],
    });
  });
  return {
    model: { columns, rowLower, rowUpper },
    starts: [...starts],
    candidates,
    usedColumnOffset,
    deviationColumnOffset,
  };
}

interface ColumnEntries {
  rows: number[];
  coefficients: number[];
}

interface DemandJump {
  slot: number;
  previousSlot: number | null;
  rising: boolean;
  size: number;
}

/**
 * Where demand changes, cover can only follow if a shift starts (rise) or ends (drop) at that time
 * of day; otherwise the change shows up as deviation next to the jump:
 * shortage[t] + excess[t−1] + Δ·Σ used(start = t) ≥ Δ, and the mirror for drops. Valid for every
 * design, and it lifts the LP bound from the weak big-M relaxation to near the optimum.
 */
export function demandJumps(input: ShiftDesignInput): DemandJump[] {
  const required = input.requiredAgents;
  const total = required.length;
  const jumps: DemandJump[] = [];
  for (let slot = 0; slot < total; slot++) {
    const previousSlot = slot > 0 ? slot - 1 : input.horizon.cyclic ? total - 1 : null;
    const change = required[slot] - (previousSlot === null ? 0 : required[previousSlot]);
    if (change !== 0) jumps.push({ slot, previousSlot, rising: change > 0, size: Math.abs(change) });
  }
  return jumps;
}

/** Reads integer starts back into designed shifts (only shifts with agents). */
export function designFromStarts(
  input: ShiftDesignInput,
  candidateList: readonly CandidateShift[],
  starts: readonly StartColumn[],
  values: ArrayLike<number>,
): DesignedShift[] {
  const byCandidate = new Map<number, number[]>();
  starts.forEach((start, k) => {
    const agents = Math.round(values[k]);
    if (agents <= 0) return;
    let perDay = byCandidate.get(start.candidate);
    if (!perDay) {
      perDay = new Array<number>(input.horizon.days).fill(0);
      byCandidate.set(start.candidate, perDay);
    }
    perDay[start.day] += agents;
  });
  return [...byCandidate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([candidate, agentsPerDay]) => ({
      start: candidateList[candidate].start,
      length: candidateList[candidate].length,
      shiftTypes: [...candidateList[candidate].shiftTypes],
      agentsPerDay,
    }));
}

/** A complete MIP start for `model` from a design (deviations computed from its coverage). */
export function mipStartFor(
  input: ShiftDesignInput,
  design: DesignModel,
  candidateList: readonly CandidateShift[],
  shifts: readonly DesignedShift[],
  coverage: readonly number[],
): number[] | null {
  const values = new Array<number>(design.model.columns.length).fill(0);
  const agents = new Map<string, number>();
  for (const shift of shifts) {
    shift.agentsPerDay.forEach((a, day) => agents.set(`${shift.start}:${shift.length}:${day}`, a));
  }
  let placed = 0;
  design.starts.forEach((start, k) => {
    const shift = candidateList[start.candidate];
    const a = agents.get(`${shift.start}:${shift.length}:${start.day}`) ?? 0;
    if (a > start.upper) return;
    values[k] = a;
    placed += a;
    if (a > 0) values[design.usedColumnOffset + design.candidates.indexOf(start.candidate)] = 1;
  });
  const total = shifts.reduce((sum, s) => sum + s.agentsPerDay.reduce((x, y) => x + y, 0), 0);
  if (placed !== total) return null;
  input.requiredAgents.forEach((required, slot) => {
    values[design.deviationColumnOffset + 2 * slot] = Math.max(0, required - coverage[slot]);
    values[design.deviationColumnOffset + 2 * slot + 1] = Math.max(0, coverage[slot] - required);
  });
  return values;
}
