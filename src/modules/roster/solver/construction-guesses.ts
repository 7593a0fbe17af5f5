import { OFF, type RosterLines } from './compiled-roster';
import type { RosterWindow } from './roster-window';

/**
 * Lines of one agent that cost nothing to find, tried in order by a construction far behind its
 * pace (`placeAgents`), each taken only when it keeps every rule of the window. (The first window
 * has nothing to repeat; borrowing the lines placed just before, turned by a few days, kept the
 * rules of fewer agents on a year × 150 staff × 32 types than the narrow beam cost, so it takes that.)
 */
export type LineGuess = (a: number) => Iterable<Int32Array>;

/**
 * A window's guesses repeat the agent's days before it with one of these periods: four weeks first
 * (the previous window, cover-aware), then shorter and longer cycles, then four weeks a day early
 * or late (a pattern that broke a run at the window's start or a weekend count often fits shifted).
 */
const GUESS_PERIODS = [28, 14, 7, 21, 35, 27, 29];

/** The agent's days before `from` repeated (see GUESS_PERIODS); a shift it may not work that day becomes a day off. */
export function repeatWeeks(window: RosterWindow, roster: RosterLines, from: number): LineGuess {
  const model = window.model;
  const nDuties = model.duties.length;
  return function* (a) {
    for (const period of GUESS_PERIODS) {
      const line = Int32Array.from(window.lines[a]);
      for (let i = from - window.start; i < line.length; i++) {
        const day = window.start + i;
        const source = day - period * (Math.floor((day - from) / period) + 1);
        const duty = source >= 0 ? roster[a][source] : OFF;
        line[i] = duty !== OFF && model.agents[a].allowed[i * nDuties + duty] ? duty : OFF;
      }
      yield line;
    }
  };
}
