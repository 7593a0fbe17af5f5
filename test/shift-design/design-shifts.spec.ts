import fc from 'fast-check';
import { enumerateCandidateShifts } from '../../bench/shift-design/candidate-shifts';
import { coverageOf, evaluateDesign } from '../../bench/shift-design/design-evaluation';
import { designShifts } from '../../bench/shift-design/design-shifts';
import { seededRandom } from 'src/platform/random/seeded-random';
import type {
  DesignedShift,
  ShiftDesignInput,
  ShiftTypeWindow,
  SlotHorizon,
} from '../../bench/shift-design/shift-design.types';

/**
 * Every design with 0..maxAgents agents per (shift, day): the true optimum of a tiny instance
 * (no optimal design puts more agents on a shift than the peak demand it spans).
 */
function bruteForceOptimum(input: ShiftDesignInput, maxAgents: number): number {
  const candidates = enumerateCandidateShifts(input.shiftTypes);
  const days = input.horizon.days;
  const columns = candidates.length * days;
  const counts = new Array<number>(columns).fill(0);
  let best = Infinity;
  for (;;) {
    const shifts: DesignedShift[] = candidates.map((c, i) => ({
      ...c,
      agentsPerDay: counts.slice(i * days, (i + 1) * days),
    }));
    const evaluation = evaluateDesign(input, shifts);
    if ((input.shortageAllowed ?? true) || evaluation.shortageMinutes === 0) {
      best = Math.min(best, evaluation.objective.total);
    }
    let k = 0;
    while (k < columns && counts[k] === maxAgents) counts[k++] = 0;
    if (k === columns) return best;
    counts[k]++;
  }
}

function randomTinyInstance(seed: number, cyclic: boolean): ShiftDesignInput {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const horizon: SlotHorizon = { days: 2, slotsPerDay: 6, slotMinutes: 60, cyclic };
  const shiftTypes: ShiftTypeWindow[] = [
    { minStart: pick(2), maxStart: 2, minLength: 2, maxLength: 2 },
    { minStart: 4, maxStart: 4, minLength: 3, maxLength: 3 },
  ];
  return {
    horizon,
    requiredAgents: Array.from({ length: 12 }, () => pick(3)),
    shiftTypes,
    weights: { perDistinctShift: [30, 60, 150][pick(3)] },
  };
}

/** Demand made from a random design, so a zero-deviation design with ≤ `shiftCount` shifts exists. */
function generatedFromDesign(seed: number, shiftCount: number): { input: ShiftDesignInput; shifts: DesignedShift[] } {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const horizon: SlotHorizon = { days: 7, slotsPerDay: 24, slotMinutes: 60, cyclic: true };
  const shiftTypes: ShiftTypeWindow[] = [
    { name: 'early', minStart: 5, maxStart: 8, minLength: 7, maxLength: 9 },
    { name: 'day', minStart: 9, maxStart: 11, minLength: 7, maxLength: 9 },
    { name: 'late', minStart: 13, maxStart: 15, minLength: 7, maxLength: 9 },
    { name: 'night', minStart: 21, maxStart: 23, minLength: 7, maxLength: 9 },
  ];
  const candidates = enumerateCandidateShifts(shiftTypes);
  const chosen = new Map<number, DesignedShift>();
  while (chosen.size < shiftCount) {
    const c = candidates[pick(candidates.length)];
    chosen.set(candidates.indexOf(c), { ...c, agentsPerDay: Array.from({ length: 7 }, () => pick(6)) });
  }
  const shifts = [...chosen.values()];
  return { input: { horizon, requiredAgents: coverageOf(horizon, shifts), shiftTypes }, shifts };
}

describe('designShifts', () => {
  it.each([11, 12, 13, 14])('finds the brute-force optimum of a tiny instance (seed %i)', async (seed) => {
    for (const cyclic of [true, false]) {
      const input = randomTinyInstance(seed, cyclic);
      const result = await designShifts(input, { timeLimitSeconds: 30 });
      expect(result.stoppedBy).toBe('optimal');
      expect(result.objective.total).toBeCloseTo(bruteForceOptimum(input, 2), 6);
      expect(evaluateDesign(input, result.shifts).objective.total).toBeCloseTo(result.objective.total, 9);
    }
  });

  it('covers fully when shortage is a hard constraint, matching brute force', async () => {
    const input: ShiftDesignInput = { ...randomTinyInstance(21, true), shortageAllowed: false };
    const result = await designShifts(input, { timeLimitSeconds: 30 });
    expect(result.shortageMinutes).toBe(0);
    expect(result.objective.total).toBeCloseTo(bruteForceOptimum(input, 2), 6);
  });

  it.each([101, 202, 303])('reaches zero deviation on demand generated from a design (seed %i)', async (seed) => {
    const { input, shifts } = generatedFromDesign(seed, 6);
    const result = await designShifts(input, { timeLimitSeconds: 60 });
    expect(result.excessMinutes).toBe(0);
    expect(result.shortageMinutes).toBe(0);
    expect(result.distinctShiftCount).toBeLessThanOrEqual(shifts.length);
    expect(result.objective.total).toBeLessThanOrEqual(evaluateDesign(input, shifts).objective.total);
  });

  it('reports a lower bound no higher than any design', async () => {
    const { input } = generatedFromDesign(7, 5);
    const result = await designShifts(input, { timeLimitSeconds: 60 });
    expect(result.lowerBound).toBeLessThanOrEqual(result.objective.total + 1e-6);
    const candidates = enumerateCandidateShifts(input.shiftTypes);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(candidates.length - 1), fc.array(fc.nat(8), { minLength: 7, maxLength: 7 })), {
          maxLength: 12,
        }),
        (picks) => {
          const shifts = picks.map(([c, agentsPerDay]) => ({ ...candidates[c], agentsPerDay }));
          return result.lowerBound <= evaluateDesign(input, shifts).objective.total + 1e-6;
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('falls back to a MIP over the shifts the LP uses when the full model is too big', async () => {
    const { input, shifts } = generatedFromDesign(9, 6);
    const result = await designShifts(input, { timeLimitSeconds: 60, maxMipColumns: 450 });
    expect(result.stoppedBy).not.toBe('optimal');
    expect(evaluateDesign(input, result.shifts).objective.total).toBe(result.objective.total);
    expect(result.objective.total).toBeLessThanOrEqual(evaluateDesign(input, shifts).objective.total);
    expect(result.lowerBound).toBeLessThanOrEqual(result.objective.total);
  });

  it('refuses hard full cover of demand that no shift type works', async () => {
    const input: ShiftDesignInput = {
      horizon: { days: 1, slotsPerDay: 4, slotMinutes: 60, cyclic: false },
      requiredAgents: [1, 1, 0, 1],
      shiftTypes: [{ minStart: 0, maxStart: 0, minLength: 2, maxLength: 2 }],
      shortageAllowed: false,
    };
    await expect(designShifts(input)).rejects.toThrow(/slot 3/);
  });

  it('reports progress ending in "done", and stops with the heuristic design when aborted', async () => {
    const { input } = generatedFromDesign(8, 5);
    const phases: string[] = [];
    const controller = new AbortController();
    controller.abort();
    const result = await designShifts(input, {
      timeLimitSeconds: 30,
      signal: controller.signal,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(result.stoppedBy).toBe('aborted');
    expect(phases[0]).toBe('construct');
    expect(phases[phases.length - 1]).toBe('done');
    expect(evaluateDesign(input, result.shifts).objective.total).toBe(result.objective.total);
  });
});
