import type { ShiftDesignInput, ShiftTypeWindow, SlotHorizon } from './shift-design.types';

/** A distinct (start, length) shift allowed by at least one shift type. */
export interface CandidateShift {
  start: number;
  length: number;
  shiftTypes: number[];
}

export class ShiftDesignInputError extends Error {}

export function validateShiftDesignInput(input: ShiftDesignInput): void {
  const { days, slotsPerDay, slotMinutes } = input.horizon;
  const positiveInts = [days, slotsPerDay].every((n) => Number.isInteger(n) && n > 0);
  if (!positiveInts || !(slotMinutes > 0)) {
    throw new ShiftDesignInputError('days and slotsPerDay must be positive integers and slotMinutes positive');
  }
  if (input.requiredAgents.length !== days * slotsPerDay) {
    throw new ShiftDesignInputError(
      `requiredAgents has ${input.requiredAgents.length} slots, expected days × slotsPerDay = ${days * slotsPerDay}`,
    );
  }
  if (input.requiredAgents.some((r) => !Number.isFinite(r) || r < 0)) {
    throw new ShiftDesignInputError('requiredAgents must be finite and non-negative');
  }
  input.shiftTypes.forEach((type, index) => validateWindow(type, index, input.horizon));
  const weights = Object.entries(input.weights ?? {}).filter(([, w]) => w !== undefined);
  const negative = weights.find(([, w]) => !Number.isFinite(w) || w < 0);
  if (negative) throw new ShiftDesignInputError(`weight ${negative[0]} must be finite and non-negative`);
}

function validateWindow(type: ShiftTypeWindow, index: number, horizon: SlotHorizon): void {
  const values = [type.minStart, type.maxStart, type.minLength, type.maxLength];
  if (!values.every((v) => Number.isInteger(v))) {
    throw new ShiftDesignInputError(`shift type ${index}: windows must be whole slots`);
  }
  if (type.minStart < 0 || type.maxStart < type.minStart || type.maxStart >= horizon.slotsPerDay) {
    throw new ShiftDesignInputError(`shift type ${index}: start window must lie within one day`);
  }
  if (type.minLength < 1 || type.maxLength < type.minLength) {
    throw new ShiftDesignInputError(`shift type ${index}: length window must be at least one slot`);
  }
  if (type.maxLength > horizon.days * horizon.slotsPerDay) {
    throw new ShiftDesignInputError(`shift type ${index}: a shift cannot be longer than the horizon`);
  }
}

/** Distinct (start, length) pairs of all shift types, ordered by start then length. */
export function enumerateCandidateShifts(shiftTypes: readonly ShiftTypeWindow[]): CandidateShift[] {
  const byKey = new Map<string, CandidateShift>();
  shiftTypes.forEach((type, typeIndex) => {
    for (let start = type.minStart; start <= type.maxStart; start++) {
      for (let length = type.minLength; length <= type.maxLength; length++) {
        const key = `${start}:${length}`;
        const known = byKey.get(key);
        if (known) known.shiftTypes.push(typeIndex);
        else byKey.set(key, { start, length, shiftTypes: [typeIndex] });
      }
    }
  });
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.length - b.length);
}

/**
 * Slots worked by a shift started on `day`. A cyclic horizon wraps the end of the last day into
 * day 0; otherwise slots past the horizon are outside what we plan and are left out.
 */
export function coveredSlots(horizon: SlotHorizon, day: number, start: number, length: number): number[] {
  const total = horizon.days * horizon.slotsPerDay;
  const first = day * horizon.slotsPerDay + start;
  const slots: number[] = [];
  for (let k = 0; k < length; k++) {
    const slot = first + k;
    if (slot < total) slots.push(slot);
    else if (horizon.cyclic) slots.push(slot % total);
  }
  return slots;
}
