import { coveredSlots } from './candidate-shifts';
import type {
  DesignedShift,
  ShiftDesignEvaluation,
  ShiftDesignInput,
  ShiftDesignWeights,
  SlotHorizon,
} from './shift-design.types';

/** Di Gaspero et al. (2007): minutes of excess + minutes of shortage + slot length per distinct shift. */
export function resolveWeights(input: Pick<ShiftDesignInput, 'horizon' | 'weights'>): ShiftDesignWeights {
  return {
    excessPerMinute: input.weights?.excessPerMinute ?? 1,
    shortagePerMinute: input.weights?.shortagePerMinute ?? 1,
    perDistinctShift: input.weights?.perDistinctShift ?? input.horizon.slotMinutes,
  };
}

/** Agents on duty per slot for a design. */
export function coverageOf(
  horizon: SlotHorizon,
  shifts: readonly Pick<DesignedShift, 'start' | 'length' | 'agentsPerDay'>[],
): number[] {
  const coverage = new Array<number>(horizon.days * horizon.slotsPerDay).fill(0);
  for (const shift of shifts) {
    shift.agentsPerDay.forEach((agents, day) => {
      if (agents === 0) return;
      for (const slot of coveredSlots(horizon, day, shift.start, shift.length)) coverage[slot] += agents;
    });
  }
  return coverage;
}

/** The objective of a design, by term. A shift counts as distinct when it has agents on any day. */
export function evaluateDesign(
  input: ShiftDesignInput,
  shifts: readonly Pick<DesignedShift, 'start' | 'length' | 'agentsPerDay'>[],
): ShiftDesignEvaluation {
  const weights = resolveWeights(input);
  const minutes = input.horizon.slotMinutes;
  const coverage = coverageOf(input.horizon, shifts);
  let excessAgentSlots = 0;
  let shortageAgentSlots = 0;
  coverage.forEach((onDuty, slot) => {
    const gap = onDuty - input.requiredAgents[slot];
    if (gap > 0) excessAgentSlots += gap;
    else shortageAgentSlots -= gap;
  });
  const used = new Set(shifts.filter((s) => s.agentsPerDay.some((a) => a > 0)).map((s) => `${s.start}:${s.length}`));
  const excessMinutes = excessAgentSlots * minutes;
  const shortageMinutes = shortageAgentSlots * minutes;
  const excess = weights.excessPerMinute * excessMinutes;
  const shortage = weights.shortagePerMinute * shortageMinutes;
  const distinctShifts = weights.perDistinctShift * used.size;
  return {
    objective: { total: excess + shortage + distinctShifts, excess, shortage, distinctShifts },
    excessMinutes,
    shortageMinutes,
    distinctShiftCount: used.size,
    coverage,
  };
}
