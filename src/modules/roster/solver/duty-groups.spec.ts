import { agentLineViolations } from './agent-rules';
import { OFF, type CompiledRoster } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { dutyGroups } from './duty-groups';
import { cheapestLine } from './line-pricing';
import { requestCosts } from './marginal-costs';
import type { RosterProblem } from './roster-model';
import { MEAL, agent } from './small-rosters.fixture';
import { seededRandom } from 'src/platform/random/seeded-random';

/** Two days, two skills, meal placements, M starting 09:00–10:00, and 11.5 h rest: E may follow M only when M starts before 10:00. */
function twoDays(): RosterProblem {
  const day = (skill: string) => ({
    skill,
    requiredAgents: [new Array<number>(48).fill(1), new Array<number>(48).fill(1)],
    underWeight: 10,
    overWeight: 1,
  });
  return {
    horizon: { startDate: '2026-11-30', days: 2, timeZone: 'UTC', slotMinutes: 30 },
    shiftTypes: [
      { id: 'E', startMinutes: 6 * 60, lengthMinutes: 540, breaks: [MEAL] },
      { id: 'M', startWindow: { earliest: 9 * 60, latest: 10 * 60 }, lengthMinutes: 540, breaks: [MEAL] },
      { id: 'N', startMinutes: 22 * 60, lengthMinutes: 540, breaks: [MEAL] },
    ],
    agents: [agent('a', { skills: ['x', 'y'] }, { minMinutes: 480, maxMinutes: 960 })],
    slotDemand: [day('x'), day('y')],
    rules: { minRestMinutes: 11.5 * 60 },
  };
}

function bruteForce(model: CompiledRoster, cell: Float64Array, off: Float64Array): number {
  const n = model.duties.length;
  let best = Number.POSITIVE_INFINITY;
  for (let first = OFF; first < n; first++)
    for (let second = OFF; second < n; second++) {
      const line = Int32Array.from([first, second]);
      if (agentLineViolations(model, model.agents[0], line).length > 0) continue;
      const cost = (first === OFF ? off[0] : cell[first]) + (second === OFF ? off[1] : cell[n + second]);
      best = Math.min(best, cost);
    }
  return best;
}

describe('duty groups', () => {
  it('put the break placements and skills of one start together, and apart what rest rules tell apart', () => {
    const model = compileRoster(twoDays());
    const groups = dutyGroups(model);
    const groupOf = new Map<string, Set<number>>();
    model.duties.forEach((duty, u) => {
      const shift = model.shifts[duty.shift];
      const key = `${model.typeIds[shift.type]}@${shift.startMinutes}`;
      groupOf.set(key, (groupOf.get(key) ?? new Set()).add(groups[u]));
    });
    // Each start's placements and skills are one group (several duties each).
    expect([...groupOf.keys()].sort()).toEqual(['E@360', 'M@540', 'M@570', 'M@600', 'N@1320']);
    for (const g of groupOf.values()) expect(g.size).toBe(1);
    const only = (key: string) => [...groupOf.get(key)!][0];
    // M at 09:00 and 09:30 both leave 11.5 h before E; M at 10:00 does not: it is a group of its own.
    expect(only('M@540')).toBe(only('M@570'));
    expect(only('M@600')).not.toBe(only('M@540'));
    expect(new Set([only('E@360'), only('M@540'), only('M@600'), only('N@1320')]).size).toBe(4);
    expect(model.duties.length).toBeGreaterThan(5 * 2 * 2);
  });

  it('leave the exact pricing the cheapest line (random costs, checked against every line)', () => {
    const model = compileRoster(twoDays());
    const random = seededRandom(5);
    for (let trial = 0; trial < 25; trial++) {
      const base = requestCosts(model, model.agents[0]);
      const cell = base.cell.map((c) => (Number.isFinite(c) ? Math.round(random() * 40 - 20) : c));
      const off = base.off.map(() => Math.round(random() * 10));
      const priced = cheapestLine(model, model.agents[0], { cell, off });
      expect(priced?.cost).toBe(bruteForce(model, cell, off));
    }
  });
});
