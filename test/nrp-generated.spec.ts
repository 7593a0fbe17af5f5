import fc from 'fast-check';
import { checkNrpRoster, gridOfShifts } from '../bench/nrp-check';
import { nrpToRosterProblem, parseNrp } from '../bench/nrp-format';
import { formatNrp, generateNrp, generateWithWitness } from '../bench/nrp-generator';
import { solveRoster } from 'src/modules/roster/solver';

/**
 * Instances drawn by the benchmark's generator (the public files' rule patterns, every instance
 * with a roster that keeps all its rules): the solver never breaks a hard rule, as judged by the
 * benchmark's independent checker, and its objective is the checker's. Small shapes, horizons up
 * to 12 weeks (past four the search also re-plans windows of days as models of their own), a short
 * limit: whatever phase the limit cuts (construction, pricing, a neighbourhood), the answer must
 * keep every rule, so the assertions hold at any load.
 */
const shape = fc.record({
  weeks: fc.integer({ min: 2, max: 12 }),
  staff: fc.integer({ min: 3, max: 8 }),
  shiftTypes: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('solveRoster on generated NRP instances', () => {
  it('keeps every hard rule the independent checker knows, through the text format and back', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const instance = parseNrp(
          formatNrp(generateNrp({ days: s.weeks * 7, staff: s.staff, shiftTypes: s.shiftTypes, seed: s.seed })),
        );
        const solution = await solveRoster(nrpToRosterProblem(instance), { timeLimitMs: 1_500, seed: s.seed });
        expect(solution.infeasibilities).toEqual([]);
        const { grid, doubled } = gridOfShifts(instance, solution.assignments);
        expect(doubled).toEqual([]);
        const check = checkNrpRoster(instance, grid);
        expect(check.violations).toEqual([]);
        expect(solution.objective.total).toBe(check.objective);
        expect(solution.firstRosterSeconds).not.toBeNull();
      }),
      { numRuns: 10, seed: 20261202 },
    );
  });

  it('draws instances of the asked shape whose every staff rule is kept by some roster (the generator’s witness)', () => {
    for (const [days, staff, types] of [
      [28, 120, 18],
      [84, 40, 5],
      [56, 20, 3],
    ]) {
      const { instance, witness } = generateWithWitness({ days, staff, shiftTypes: types, seed: days + staff });
      expect(checkNrpRoster(instance, witness).violations).toEqual([]);
      expect(instance.days).toBe(days);
      expect(instance.staff).toHaveLength(staff);
      expect(instance.shifts).toHaveLength(types);
      expect(instance.cover).toHaveLength(days * types);
      expect(parseNrp(formatNrp(instance))).toEqual(instance);
    }
  });
});
