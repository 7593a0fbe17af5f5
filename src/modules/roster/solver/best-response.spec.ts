import { agentLineViolations } from './agent-rules';
import { bestResponses, kickAndDescend } from './best-response';
import { seededRandom } from 'src/platform/random/seeded-random';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { searchCost } from './roster-objective';
import { earlyLateWeek } from './small-rosters.fixture';

const model = compileRoster(earlyLateWeek());
const duty = (type: string) => model.duties.findIndex((d) => model.typeIds[d.type] === type);
const [E, L, _] = [duty('E'), duty('L'), OFF];
const never = () => false;

describe('bestResponses', () => {
  it('re-plans each agent against the others: idle agents take the uncovered days, keeping their rules', () => {
    // a0 and a1 cover Monday–Thursday; a2 and a3 are idle, so Friday–Sunday is uncovered (60).
    const lines = [
      Int32Array.of(E, E, E, E, _, _, _),
      Int32Array.of(L, L, L, L, _, _, _),
      new Int32Array(7).fill(_),
      new Int32Array(7).fill(_),
    ];
    const found = bestResponses(model, lines, [2, 3, 0, 1], { shouldStop: never });
    expect(searchCost(model, found.lines)).toBe(0);
    expect(found.gain).toBe(60);
    expect(found.changed).toEqual([2, 3]);
    found.lines.forEach((line, a) => expect(agentLineViolations(model, model.agents[a], line)).toEqual([]));
    // The lines it started from are left as they were.
    expect(searchCost(model, lines)).toBe(60);
  });

  it('changes nobody on a roster no single agent can improve, and nobody once stopped', () => {
    const optimal = [
      Int32Array.of(E, E, E, E, _, _, _),
      Int32Array.of(L, L, L, L, _, _, _),
      Int32Array.of(_, _, _, _, E, E, E),
      Int32Array.of(_, _, _, _, L, L, L),
    ];
    expect(bestResponses(model, optimal, [0, 1, 2, 3], { shouldStop: never }).changed).toEqual([]);
    const idle = optimal.map(() => new Int32Array(7).fill(_));
    const stopped = bestResponses(model, idle, [0, 1, 2, 3], { shouldStop: () => true });
    expect(stopped.changed).toEqual([]);
    expect(stopped.gain).toBe(0);
  });

  it('pauses between agents when asked, saying how many it re-planned, and never inside one', () => {
    const idle = [0, 1, 2, 3].map(() => new Int32Array(7).fill(_));
    let asked = 0;
    const paused = bestResponses(model, idle, [3, 1, 0, 2], { shouldStop: never, pauseBefore: () => ++asked > 2 });
    expect(paused.visited).toBe(2);
    expect(paused.changed).toEqual([3, 1]);
    expect(asked).toBe(3);
    expect(paused.lines[0]).toEqual(idle[0]);
    expect(paused.lines[2]).toEqual(idle[2]);
    expect(bestResponses(model, idle, [0, 1, 2, 3], { shouldStop: never }).visited).toBe(4);
    expect(bestResponses(model, idle, [0, 1, 2, 3], { shouldStop: () => true }).visited).toBe(0);
  });

  it('prices with a beam when given a label budget, still only valid lines that cost less', () => {
    const idle = [0, 1, 2, 3].map(() => new Int32Array(7).fill(_));
    const found = bestResponses(model, idle, [0, 1, 2, 3], { shouldStop: never, maxLabels: 50 });
    expect(searchCost(model, found.lines)).toBeLessThan(searchCost(model, idle));
    expect(found.gain).toBe(searchCost(model, idle) - searchCost(model, found.lines));
    found.lines.forEach((line, a) => expect(agentLineViolations(model, model.agents[a], line)).toEqual([]));
  });
});

describe('kickAndDescend', () => {
  it('kicks agents and descends to a roster whose lines all keep their rules, repeatably for a seed', () => {
    const optimal = [
      Int32Array.of(E, E, E, E, _, _, _),
      Int32Array.of(L, L, L, L, _, _, _),
      Int32Array.of(_, _, _, _, E, E, E),
      Int32Array.of(_, _, _, _, L, L, L),
    ];
    const run = () => kickAndDescend(model, optimal, seededRandom(5), { count: 2, shouldStop: never });
    const kicked = run();
    kicked.forEach((line, a) => expect(agentLineViolations(model, model.agents[a], line)).toEqual([]));
    expect(kicked.map((l) => Array.from(l))).toEqual(run().map((l) => Array.from(l)));
    // With nobody kicked it is a plain descent: the idle roster gets cheaper.
    const idle = optimal.map(() => new Int32Array(7).fill(_));
    const descended = kickAndDescend(model, idle, seededRandom(5), { count: 0, shouldStop: never });
    expect(searchCost(model, descended)).toBeLessThan(searchCost(model, idle));
  });
});
