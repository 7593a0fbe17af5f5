import { aggregateCoverBound } from './aggregate-bound';
import { agentLineViolations } from './agent-rules';
import { OFF, type CompiledRoster } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { startCoverBoundThread } from './cover-bound-thread';
import { integerCoverBound, roundedBound } from './integer-cover-bound';
import { highsRuntime } from './linear-program';
import type { RosterProblem, ShiftType } from './roster-model';
import { evaluateRoster } from './roster-objective';
import { agent } from './small-rosters.fixture';

/**
 * Slots 08:00, 08:30 and 09:00 need one agent each. X (08:00–09:30) has a 30-minute break at
 * 08:30 or 09:00, so it covers the first and the third slot or the first two; Y (08:30–09:30) the
 * last two. Half of each of the three covers every slot once (LP 0); whole agents cover one slot twice.
 */
const X: ShiftType = {
  id: 'X',
  startMinutes: 8 * 60,
  lengthMinutes: 90,
  breaks: [{ name: 'b', minutes: 30, minShiftMinutes: 60, earliestStartAfterMinutes: 30, latestStartAfterMinutes: 60 }],
};
const Y: ShiftType = { id: 'Y', startMinutes: 8 * 60 + 30, lengthMinutes: 60 };

function oddCycle(agents: number, demand: number[] = [1, 1, 1]): RosterProblem {
  const slots = new Array<number>(48).fill(0);
  demand.forEach((x, k) => (slots[16 + k] = x));
  return {
    horizon: { startDate: '2026-11-30', days: 1, timeZone: 'UTC', slotMinutes: 30 },
    shiftTypes: [X, Y],
    agents: Array.from({ length: agents }, (_, i) => agent(`a${i}`)),
    slotDemand: [{ requiredAgents: [slots], underWeight: 10, overWeight: 1 }],
  };
}

/** The optimum of a one-day roster by trying every duty (or none) for every agent. */
function bruteForce(model: CompiledRoster): number {
  const choices = [OFF, ...model.duties.map((_, u) => u)];
  let best = Number.POSITIVE_INFINITY;
  const lines = model.agents.map(() => new Int32Array(1));
  const visit = (a: number) => {
    if (a === model.agents.length) {
      best = Math.min(best, evaluateRoster(model, lines).total);
      return;
    }
    for (const duty of choices) {
      lines[a][0] = duty;
      if (agentLineViolations(model, model.agents[a], lines[a]).length === 0) visit(a + 1);
    }
  };
  visit(0);
  return best;
}

describe('integer cover bound', () => {
  it('proves what whole agents cost where the LP takes half agents (odd cycle: LP 0, optimum 1)', async () => {
    const highs = await highsRuntime();
    const model = compileRoster(oddCycle(2));
    expect(model.shifts).toHaveLength(3);
    expect(aggregateCoverBound(highs, model, 5)?.bound).toBeCloseTo(0, 6);
    const bound = integerCoverBound(highs, model, { seconds: 30 });
    expect(bruteForce(model)).toBe(1);
    expect(bound).toBeCloseTo(1, 6);
  });

  it('never exceeds the optimum found by trying every roster', async () => {
    const highs = await highsRuntime();
    const demands = [
      [1, 1, 1],
      [2, 1, 2],
      [1, 2, 0],
      [0, 3, 1],
      [2, 2, 2],
      [3, 0, 1],
    ];
    for (const [k, demand] of demands.entries()) {
      const model = compileRoster(oddCycle(1 + (k % 3), demand));
      const bound = integerCoverBound(highs, model, { seconds: 30 });
      expect(bound).not.toBeNull();
      expect(bound!).toBeLessThanOrEqual(bruteForce(model) + 1e-6);
    }
  });

  it('reports each bound it proves, rising, the last being the answer', async () => {
    const seen: number[] = [];
    const bound = integerCoverBound(await highsRuntime(), compileRoster(oddCycle(2)), {
      seconds: 30,
      onBound: (b) => seen.push(b),
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(bound);
  });

  it('is proven on a thread of its own, read from shared memory', async () => {
    const thread = startCoverBoundThread(compileRoster(oddCycle(2)), 60);
    await thread.finished;
    expect(thread.best()).toBeCloseTo(1, 6);
    thread.stop();
  });

  it('rounds a bound up only when every weight and demand is whole', () => {
    const whole = compileRoster(oddCycle(2));
    expect(roundedBound(whole, 4688.83)).toBe(4689);
    expect(roundedBound(whole, 4830.0000004)).toBe(4830);
    const fractional = compileRoster({
      ...oddCycle(2),
      slotDemand: [{ ...oddCycle(2).slotDemand![0], overWeight: 0.5 }],
    });
    expect(roundedBound(fractional, 4688.83)).toBe(4688.83);
  });
});
