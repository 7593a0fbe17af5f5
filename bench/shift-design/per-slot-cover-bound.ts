import {
  highsRuntime,
  LinearProgram,
  solveLinearProgram,
  type LinearColumn,
} from 'src/modules/roster/solver/linear-program';

/** A break the agent must take somewhere in a window, counted in slots from the shift's first slot. */
export interface CoverBreakWindow {
  lengthSlots: number;
  earliestOffset: number;
  latestOffset: number;
}

/** A shift an agent may work: the slots it covers (absolute indices into the demand). */
export interface CoverShiftOption {
  slots: readonly number[];
  /** Day the shift starts on, for `maxShiftsPerDay`. */
  day?: number;
  /** Cost per agent working it (wage, preference); default 0. */
  cost?: number;
  /** At most this many agents on it; default unlimited. */
  maxAgents?: number;
  /** Breaks taken inside the shift at positions the roster is free to choose. */
  breaks?: readonly CoverBreakWindow[];
}

export interface PerSlotCoverInput {
  requiredAgents: readonly number[];
  slotMinutes: number;
  shifts: readonly CoverShiftOption[];
  /** Weight per agent-minute short (one value, or one per slot). */
  underCoverPerAgentMinute: number | readonly number[];
  /** Weight per agent-minute over demand (one value, or one per slot). */
  overCoverPerAgentMinute: number | readonly number[];
  /** Agents available per day (at most one shift each). */
  maxShiftsPerDay?: readonly number[];
  /** All shifts together, e.g. Σ over agents of their weekly shift limit. */
  maxShiftsTotal?: number;
}

export interface PerSlotCoverBound {
  /** No roster built from these shifts (and within these caps) covers more cheaply. */
  lowerBound: number;
  /** False when the LP stopped early: `lowerBound` is then 0 and only the solution is reported. */
  proven: boolean;
  /** Fractional agents per input shift of the LP optimum (identical shifts share their group's total on the first). */
  agentsPerShift: number[];
  coverage: number[];
  underCoverMinutes: number;
  overCoverMinutes: number;
  /** Columns after merging identical shifts. */
  distinctShiftOptions: number;
}

/**
 * LP relaxation of covering per-slot demand with a given set of shifts: the bound the agent-level
 * roster reports its gap against. Identical shifts (same slots, day, cost and breaks) become one
 * column, so a week of 30-minute slots stays a small LP whatever the head-count.
 */
export async function lowerBoundPerSlotCover(
  input: PerSlotCoverInput,
  options: { timeLimitSeconds?: number } = {},
): Promise<PerSlotCoverBound> {
  const slotCount = input.requiredAgents.length;
  const perSlot = (weight: number | readonly number[], slot: number) =>
    typeof weight === 'number' ? weight : weight[slot];
  const groups = groupIdenticalShifts(input.shifts);
  const columns: LinearColumn[] = [];
  const rowLower: number[] = [...input.requiredAgents];
  const rowUpper: number[] = [...input.requiredAgents];
  const dayRows = new Map<number, number>();
  input.maxShiftsPerDay?.forEach((limit, day) => {
    dayRows.set(day, rowLower.length);
    rowLower.push(-Infinity);
    rowUpper.push(limit);
  });
  const totalRow = input.maxShiftsTotal === undefined ? -1 : rowLower.length;
  if (totalRow >= 0) {
    rowLower.push(-Infinity);
    rowUpper.push(input.maxShiftsTotal ?? Infinity);
  }
  for (const group of groups) {
    const shift = group.shift;
    const rows = [...shift.slots];
    const coefficients = shift.slots.map(() => 1);
    const dayRow = shift.day === undefined ? undefined : dayRows.get(shift.day);
    for (const row of [dayRow, totalRow >= 0 ? totalRow : undefined]) {
      if (row === undefined) continue;
      rows.push(row);
      coefficients.push(1);
    }
    const breakRows = (shift.breaks ?? []).map(() => {
      rowLower.push(0);
      rowUpper.push(0);
      return rowLower.length - 1;
    });
    for (const row of breakRows) {
      rows.push(row);
      coefficients.push(-1);
    }
    columns.push({ cost: shift.cost ?? 0, lower: 0, upper: group.maxAgents, rows, coefficients });
    // Each break is placed at one of its window's positions: Σ positions = agents on the shift.
    (shift.breaks ?? []).forEach((window, b) => {
      for (let offset = window.earliestOffset; offset <= window.latestOffset; offset++) {
        const taken = shift.slots.slice(offset, offset + window.lengthSlots);
        if (taken.length < window.lengthSlots) break;
        columns.push({
          cost: 0,
          lower: 0,
          upper: Infinity,
          rows: [...taken, breakRows[b]],
          coefficients: [...taken.map(() => -1), 1],
        });
      }
    });
  }
  const deviationOffset = columns.length;
  for (let slot = 0; slot < slotCount; slot++) {
    const under = perSlot(input.underCoverPerAgentMinute, slot) * input.slotMinutes;
    const over = perSlot(input.overCoverPerAgentMinute, slot) * input.slotMinutes;
    columns.push({ cost: under, lower: 0, upper: Infinity, rows: [slot], coefficients: [1] });
    columns.push({ cost: over, lower: 0, upper: Infinity, rows: [slot], coefficients: [-1] });
  }
  const highs = await highsRuntime();
  const outcome = solveLinearProgram(highs, LinearProgram.fromColumns(columns, rowLower, rowUpper), {
    timeLimitSeconds: options.timeLimitSeconds ?? 30,
  });
  const values = outcome.values ?? new Float64Array(columns.length);
  const agentsPerShift = new Array<number>(input.shifts.length).fill(0);
  let column = 0;
  for (const group of groups) {
    agentsPerShift[group.members[0]] = values[column];
    column += 1 + (group.shift.breaks ?? []).reduce((n, w) => n + breakPositions(group.shift, w), 0);
  }
  const coverage = input.requiredAgents.map(
    (required, slot) => required - values[deviationOffset + 2 * slot] + values[deviationOffset + 2 * slot + 1],
  );
  const sum = (parity: number) =>
    coverage.reduce((total, _, slot) => total + values[deviationOffset + 2 * slot + parity], 0) * input.slotMinutes;
  const proven = outcome.status === 'optimal';
  return {
    lowerBound: proven ? Math.max(0, outcome.bound ?? 0) : 0,
    proven,
    agentsPerShift,
    coverage,
    underCoverMinutes: sum(0),
    overCoverMinutes: sum(1),
    distinctShiftOptions: groups.length,
  };
}

function breakPositions(shift: CoverShiftOption, window: CoverBreakWindow): number {
  let count = 0;
  for (let offset = window.earliestOffset; offset <= window.latestOffset; offset++) {
    if (offset + window.lengthSlots <= shift.slots.length) count++;
  }
  return count;
}

interface ShiftGroup {
  shift: CoverShiftOption;
  members: number[];
  maxAgents: number;
}

function groupIdenticalShifts(shifts: readonly CoverShiftOption[]): ShiftGroup[] {
  const groups = new Map<string, ShiftGroup>();
  shifts.forEach((shift, index) => {
    const key = JSON.stringify([shift.slots, shift.day ?? null, shift.cost ?? 0, shift.breaks ?? []]);
    const cap = shift.maxAgents ?? Infinity;
    const group = groups.get(key);
    if (group) {
      group.members.push(index);
      group.maxAgents += cap;
    } else {
      groups.set(key, { shift, members: [index], maxAgents: cap });
    }
  });
  return [...groups.values()];
}
