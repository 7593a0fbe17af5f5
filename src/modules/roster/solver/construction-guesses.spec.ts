import { compileRoster } from './compile-roster';
import { OFF } from './compiled-roster';
import { repeatWeeks } from './construction-guesses';
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
