import { OFF, type CompiledAgent, type CompiledRoster, type RosterLines } from './compiled-roster';
import { repairGuess } from './guess-repair';
import type { LineCosts } from './line-pricing';
import type { RosterWindow } from './roster-window';
import { keepsEveryRule, lineBreach } from './rule-breach';

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

/**
 * The first guess that keeps every rule of `agent`; else the one closest to it, mended
 * (`repairGuess`, priced by `costs`, asked only then); else the same against `settled()` (the agent
 * as the window holds it at last: its minimum only ever lowered, so asked only when the mending
 * failed). Undefined when none gives a valid line.
 */
export function takeGuess(
  model: CompiledRoster,
  agent: CompiledAgent,
  guesses: Iterable<Int32Array>,
  costs: () => LineCosts,
  settled: () => CompiledAgent = () => agent,
): Int32Array | undefined {
  // The guesses are made one by one: most agents take the first.
  const tried: Int32Array[] = [];
  for (const line of guesses) {
    if (keepsEveryRule(model, agent, line)) return line;
    tried.push(line);
  }
  const mended = closestMended(model, agent, tried, costs);
  if (mended) return mended;
  const held = settled();
  return held === agent ? undefined : closestMended(model, held, tried, costs);
}

function closestMended(
  model: CompiledRoster,
  agent: CompiledAgent,
  guesses: readonly Int32Array[],
  costs: () => LineCosts,
): Int32Array | undefined {
  let closest: Int32Array | undefined;
  let least = Number.POSITIVE_INFINITY;
  for (const line of guesses) {
    const breach = lineBreach(model, agent, line);
    if (breach === 0) return line;
    if (breach < least) [closest, least] = [line, breach];
  }
  return closest && repairGuess(model, agent, closest, costs());
}
