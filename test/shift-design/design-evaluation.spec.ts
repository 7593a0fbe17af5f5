import {
  coveredSlots,
  enumerateCandidateShifts,
  validateShiftDesignInput,
} from '../../bench/shift-design/candidate-shifts';
import { evaluateDesign, resolveWeights } from '../../bench/shift-design/design-evaluation';
import type { ShiftDesignInput } from '../../bench/shift-design/shift-design.types';

const horizon = { days: 2, slotsPerDay: 4, slotMinutes: 60, cyclic: true };

describe('candidate shifts', () => {
  it('enumerates distinct (start, length) pairs and remembers every type that allows them', () => {
    const candidates = enumerateCandidateShifts([
      { minStart: 1, maxStart: 2, minLength: 2, maxLength: 2 },
      { minStart: 2, maxStart: 2, minLength: 2, maxLength: 3 },
    ]);
    expect(candidates).toEqual([
      { start: 1, length: 2, shiftTypes: [0] },
      { start: 2, length: 2, shiftTypes: [0, 1] },
      { start: 2, length: 3, shiftTypes: [1] },
    ]);
  });

  it('wraps the last night into day 0 on a cyclic horizon and cuts it off otherwise', () => {
    expect(coveredSlots(horizon, 1, 2, 4)).toEqual([6, 7, 0, 1]);
    expect(coveredSlots({ ...horizon, cyclic: false }, 1, 2, 4)).toEqual([6, 7]);
  });

  it('rejects demand of the wrong length, windows outside a day and negative weights', () => {
    const input: ShiftDesignInput = {
      horizon,
      requiredAgents: [1, 1, 1],
      shiftTypes: [{ minStart: 0, maxStart: 1, minLength: 1, maxLength: 2 }],
    };
    expect(() => validateShiftDesignInput(input)).toThrow(/expected days × slotsPerDay = 8/);
    const badWindow = {
      ...input,
      requiredAgents: new Array(8).fill(1),
      shiftTypes: [{ minStart: 3, maxStart: 4, minLength: 1, maxLength: 1 }],
    };
    expect(() => validateShiftDesignInput(badWindow)).toThrow(/within one day/);
    const negativeWeight = { ...input, requiredAgents: new Array(8).fill(1), weights: { excessPerMinute: -1 } };
    expect(() => validateShiftDesignInput(negativeWeight)).toThrow(/excessPerMinute/);
  });
});

describe('evaluateDesign', () => {
  const input: ShiftDesignInput = {
    horizon,
    requiredAgents: [1, 2, 2, 0, 0, 1, 1, 1],
    shiftTypes: [{ minStart: 0, maxStart: 3, minLength: 1, maxLength: 4 }],
  };

  it('defaults to the published weights: 1 per minute of deviation and one slot per distinct shift', () => {
    expect(resolveWeights(input)).toEqual({ excessPerMinute: 1, shortagePerMinute: 1, perDistinctShift: 60 });
  });

  it('counts excess and shortage minutes and distinct shifts over both days, with the wrap-around', () => {
    // Shift (1, 2) on day 0 covers slots 1, 2; shift (3, 3) on day 1 covers 7, 0, 1 (wrapping).
    const evaluation = evaluateDesign(input, [
      { start: 1, length: 2, agentsPerDay: [2, 0] },
      { start: 3, length: 3, agentsPerDay: [0, 1] },
    ]);
    expect(evaluation.coverage).toEqual([1, 3, 2, 0, 0, 0, 0, 1]);
    // Excess: slot 1 has 3 for 2 → 60 min. Shortage: slots 5 and 6 miss one each → 120 min.
    expect(evaluation.excessMinutes).toBe(60);
    expect(evaluation.shortageMinutes).toBe(120);
    expect(evaluation.distinctShiftCount).toBe(2);
    expect(evaluation.objective).toEqual({ total: 60 + 120 + 120, excess: 60, shortage: 120, distinctShifts: 120 });
  });

  it('applies custom weights and does not count a shift with no agents', () => {
    const weighted = { ...input, weights: { excessPerMinute: 2, shortagePerMinute: 5, perDistinctShift: 7 } };
    const evaluation = evaluateDesign(weighted, [
      { start: 0, length: 3, agentsPerDay: [1, 0] },
      { start: 2, length: 1, agentsPerDay: [0, 0] },
    ]);
    // Coverage [1,1,1,0,0,0,0,0]: slots 1,2 short 1 each, slots 5,6,7 short 1 each → 300 min short.
    expect(evaluation.objective).toEqual({ total: 5 * 300 + 7, excess: 0, shortage: 1500, distinctShifts: 7 });
  });
});
