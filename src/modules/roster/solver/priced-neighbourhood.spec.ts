import { agentLineViolations } from './agent-rules';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { replanAgents } from './priced-neighbourhood';
import { searchCost } from './roster-objective';
import { EARLY, LATE, agent, cover, problem } from './small-rosters.fixture';

/** Four agents, a week of one early and one late per day; at most 4 days in a row, 2 days off together. */
const model = compileRoster(
  problem(
    7,
    [EARLY, LATE],
    Array.from({ length: 4 }, (_, k) => agent(`a${k}`, {}, { maxMinutes: 4 * 480, maxConsecutiveWorkDays: 4, minConsecutiveDaysOff: 2 })),
    [...cover(7, 'E', 1, 10), ...cover(7, 'L', 1, 10)],
  ),
);
const duty = (type: string) => model.duties.findIndex((d) => model.typeIds[d.type] === type);
const [E, L, _] = [duty('E'), duty('L'), OFF];

describe('replanAgents', () => {
  it('re-plans only the agents it is given, keeping their rules, down to the best cover they allow', async () => {
    // a0 and a1 cover Monday–Thursday; a2 and a3 are idle, so Friday–Sunday is uncovered (60).
    const lines = [Int32Array.of(E, E, E, E, _, _, _), Int32Array.of(L, L, L, L, _, _, _), new Int32Array(7).fill(_), new Int32Array(7).fill(_)];
    expect(searchCost(model, lines)).toBe(60);
    const replanned = replanAgents(await highsRuntime(), model, lines, [2, 3], { seconds: 10, maxRounds: 50, shouldStop: () => false }).lines!;
    expect(Array.from(replanned[0])).toEqual(Array.from(lines[0]));
    expect(Array.from(replanned[1])).toEqual(Array.from(lines[1]));
    for (const a of [2, 3]) expect(agentLineViolations(model, model.agents[a], replanned[a])).toEqual([]);
    // Friday–Sunday: one early and one late each day, by the two re-planned agents.
    expect(searchCost(model, replanned)).toBe(0);
  });

  it('keeps an optimal roster optimal, and every other agent on their line', async () => {
    const lines = [Int32Array.of(E, E, E, E, _, _, _), Int32Array.of(L, L, L, L, _, _, _), Int32Array.of(_, _, _, _, E, E, E), Int32Array.of(_, _, _, _, L, L, L)];
    const replanned = replanAgents(await highsRuntime(), model, lines, [0, 3], { seconds: 10, maxRounds: 50, shouldStop: () => false }).lines!;
    expect(searchCost(model, replanned)).toBe(0);
    expect([1, 2].map((a) => Array.from(replanned[a]))).toEqual([1, 2].map((a) => Array.from(lines[a])));
  });
});
