import { agentLineViolations } from './agent-rules';
import { compileRoster } from './compile-roster';
import { OFF } from './compiled-roster';
import { repeatWeeks, takeGuess } from './construction-guesses';
import { requestCosts } from './marginal-costs';
import { buildWindow } from './roster-window';
import { EARLY, LATE, agent, cover, problem } from './small-rosters.fixture';

// Two agents over eight weeks; b has day 9 off.
const days = 56;
const model = compileRoster(
  problem(days, [EARLY, LATE], [agent('a'), agent('b', { fixedDaysOff: [9] })], cover(days, 'E', 1)),
);
const [early, late] = [0, 1].map((t) => model.duties.findIndex((duty) => duty.type === t));

describe('guesses of a construction far behind its pace', () => {
  it('repeat the four weeks before the window first, then other cycles', () => {
    const lines = [new Int32Array(days).fill(OFF), new Int32Array(days).fill(OFF)];
    for (let d = 0; d < 28; d++) lines[0][d] = d % 3 === 0 ? early : d % 3 === 1 ? late : OFF;
    const window = buildWindow(model, lines, { agents: [0, 1], from: 28, to: 56, mode: 'rolling', lookahead: 7 });
    const guesses = [...repeatWeeks(window, lines, 28)(0)];
    expect(guesses.length).toBeGreaterThanOrEqual(5);
    const [fourWeeks, twoWeeks] = guesses;
    for (let d = 28; d < 56; d++) {
      expect(fourWeeks[d - window.start]).toBe(lines[0][d - 28]);
      expect(twoWeeks[d - window.start]).toBe(lines[0][d - 14 * (Math.floor((d - 28) / 14) + 1)]);
    }
    // Days before the window stay as they are.
    for (let d = window.start; d < 28; d++) expect(fourWeeks[d - window.start]).toBe(lines[0][d]);
  });
});

describe('taking a guess', () => {
  // One agent over two weeks: 6 to 8 early shifts, runs of 2–5 days, at most one weekend.
  const who = agent(
    'a',
    {},
    { minMinutes: 6 * 480, maxMinutes: 8 * 480, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 2, maxWeekends: 1 },
  );
  const two = compileRoster(problem(14, [EARLY], [who], cover(14, 'E', 1)));
  const compiled = two.agents[0];
  const weekdays = Int32Array.from({ length: 14 }, (_, d) => (d % 7 < 4 ? 0 : OFF));
  const tooFew = Int32Array.from({ length: 14 }, (_, d) => (d < 4 ? 0 : OFF));
  const costsAsked = () => {
    const asked = { count: 0 };
    return { asked, costs: () => (asked.count++, requestCosts(two, compiled)) };
  };

  it('takes the first guess that keeps every rule as it is, without pricing the agent', () => {
    const { asked, costs } = costsAsked();
    expect(takeGuess(two, compiled, [tooFew, weekdays], costs)).toBe(weekdays);
    expect(asked.count).toBe(0);
  });

  it('mends the guess closest to keeping the rules when none does', () => {
    const { asked, costs } = costsAsked();
    const line = takeGuess(two, compiled, [tooFew], costs);
    expect(line).toBeDefined();
    expect(agentLineViolations(two, compiled, line!)).toEqual([]);
    expect(asked.count).toBe(1);
  });

  it('asks for the agent as the window holds it (a lower minimum) only when mending fails without it', () => {
    // More shifts than two weeks hold by the runs: only the lowered minimum can be kept.
    const unreachable = { ...compiled, minMinutes: 14 * 480 };
    let settled = 0;
    const line = takeGuess(two, unreachable, [tooFew], costsAsked().costs, () => (settled++, compiled));
    expect(settled).toBe(1);
    expect(agentLineViolations(two, compiled, line!)).toEqual([]);
    expect(takeGuess(two, compiled, [weekdays], costsAsked().costs, () => (settled++, compiled))).toBe(weekdays);
    expect(settled).toBe(1);
  });
});
