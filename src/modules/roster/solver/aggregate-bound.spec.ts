import { aggregateCoverBound } from './aggregate-bound';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import type { RosterProblem, ShiftType } from './roster-model';
import { EXACT, agent } from './small-rosters.fixture';
import { solveRoster } from './solve-roster';

const slotsOf = (count: number, from: number, to: number, inside = 1) =>
  Array.from({ length: count }, (_, k) => (k >= from && k < to ? inside : 0));
const day: ShiftType = { id: 'D', startMinutes: 8 * 60, lengthMinutes: 480 };

function oneDay(agents: number, demand: number[], contract = { minMinutes: 0, maxMinutes: 100_000 }): RosterProblem {
  return {
    horizon: { startDate: '2026-11-30', days: 1, timeZone: 'UTC', slotMinutes: 30 },
    shiftTypes: [day],
    agents: Array.from({ length: agents }, (_, i) => agent(`a${i}`, {}, contract)),
    slotDemand: [{ requiredAgents: [demand], underWeight: 10, overWeight: 1 }],
  };
}

describe('aggregate cover bound', () => {
  it('is the unavoidable under-cover when there are too few agents (08:00–16:00 needs 3, two exist)', async () => {
    const p = oneDay(2, slotsOf(48, 16, 32, 3));
    const bound = aggregateCoverBound(await highsRuntime(), compileRoster(p), 5);
    expect(bound?.bound).toBeCloseTo(16 * 10, 6);
    // Each missing agent-slot is worth its under-cover weight.
    expect(Array.from(bound!.coverDuals.subarray(16, 32))).toEqual(new Array(16).fill(10));
    const solved = await solveRoster(p, EXACT);
    expect(solved.objective.total).toBe(160);
    expect(solved.lowerBound).toBeCloseTo(160, 6);
    expect(solved.gap).toBeCloseTo(0, 6);
  });

  it('counts the over-cover that shift lengths force (demand for four hours, shifts of eight)', async () => {
    const p = oneDay(1, slotsOf(48, 16, 24, 1));
    expect(aggregateCoverBound(await highsRuntime(), compileRoster(p), 5)?.bound).toBeCloseTo(8 * 1, 6);
  });

  it('counts the over-cover that contract minimums force, and never exceeds what the solver finds', async () => {
    // Nobody is needed, but each of two agents must work at least one 8-hour shift: 32 slots over.
    const p = oneDay(2, slotsOf(48, 0, 0), { minMinutes: 480, maxMinutes: 480 });
    expect(aggregateCoverBound(await highsRuntime(), compileRoster(p), 5)?.bound).toBeCloseTo(32, 6);
    const solved = await solveRoster(p, EXACT);
    expect(solved.objective.terms.overCover).toBe(32);
    expect(solved.lowerBound).toBeCloseTo(32, 6);
  });

  it('gives no bound without demand rows', async () => {
    const p: RosterProblem = { ...oneDay(1, []), slotDemand: [] };
    expect(aggregateCoverBound(await highsRuntime(), compileRoster(p), 5)).toBeNull();
  });
});
