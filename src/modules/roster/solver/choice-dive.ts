import { dayChoice, type CompiledRoster, type RosterLines } from './compiled-roster';
import { generateColumns } from './column-generation';
import { DIVE_LP_FLOOR_SECONDS, diveForRoster, type DiveLimits } from './line-dive';
import type { MasterSolution, RestrictedMaster } from './restricted-master';

/** Share of the open agent-day choices settled in one step. */
const SETTLE_SHARE = 0.2;
/** An LP value this close to 0 or 1 is settled already. */
const SETTLED = 1e-6;

/** One agent's share of one choice on one day, in the LP. */
interface OpenChoice {
  agent: number;
  day: number;
  choice: number;
  value: number;
}

/**
 * A dive on what each agent does each day before whole lines. While an agent's LP lines disagree on
 * a day, the surest of those choices are settled (taken when the LP gives them half or more, ruled
 * out when less) and pricing keeps to them, so every later line is priced around the choices made
 * so far. Fixing whole lines instead left the last agents only lines that fit nothing: on
 * Instance12 that dive's LP stayed at 4,040 until about 36 of 60 agents were fixed, then climbed to
 * 6,000–7,300. Once no choice is open, every agent has one line in the LP and the line dive fixes it.
 */
export function diveByDayChoices(
  model: CompiledRoster,
  master: RestrictedMaster,
  limits: DiveLimits,
): RosterLines | null {
  let centre = limits.centre;
  while (!limits.shouldStop()) {
    const stepStarted = limits.stopsIn?.();
    centre = generateColumns(model, master, { ...limits, maxRounds: limits.roundsPerStep, centre }).centre;
    const solved = master.solve(Math.max(DIVE_LP_FLOOR_SECONDS, limits.secondsLeft()));
    if (!solved) return null;
    const open = openChoices(model, master, solved).map((c) => ({
      ...c,
      order: Math.max(c.value, 1 - c.value) + limits.jitter * limits.random(),
    }));
    open.sort((x, y) => y.order - x.order || x.agent - y.agent || x.day - y.day || x.choice - y.choice);
    const quota = Math.ceil(open.length * settleShare(stepStarted, limits.stopsIn?.()));
    let settled = 0;
    for (const { agent, day, choice, value } of open) {
      if (settled === quota) break;
      if (settle(model, master, agent, day, choice, value >= 0.5)) settled++;
    }
    // Nothing open, or nothing that could be settled: the lines decide the rest.
    if (settled === 0) break;
  }
  return diveForRoster(model, master, { ...limits, centre });
}

/**
 * The share of the open choices to settle this step, from the dive's time left (`stopsIn`) when the
 * step started and now: SETTLE_SHARE, or more when at this step's pace the dive would run out of
 * time first. A dive cut off fixes the rest from the pool unpriced: on Instance12 at half the CPU
 * that ended at 6,685 with 1,251 choices open, where settling faster ended at 4,454.
 */
export function settleShare(leftAtStart: number | undefined, left: number | undefined): number {
  if (leftAtStart === undefined || left === undefined) return SETTLE_SHARE;
  const stepsLeft = Math.floor(left / Math.max(leftAtStart - left, 1e-3));
  return stepsLeft <= 1 ? 1 : Math.max(SETTLE_SHARE, 1 / stepsLeft);
}

/** Every choice some free agent's LP lines make on a day with a share strictly between 0 and 1. */
function openChoices(model: CompiledRoster, master: RestrictedMaster, solved: MasterSolution): OpenChoice[] {
  const choices = model.duties.length + 1;
  const open: OpenChoice[] = [];
  master.columnOf.forEach((columns, agent) => {
    if (master.isFixed(agent)) return;
    const share = new Float64Array(model.days * choices);
    columns.forEach((column, k) => {
      const v = solved.values[column];
      if (v > SETTLED) master.lines[agent][k].forEach((duty, d) => (share[d * choices + dayChoice(model, duty)] += v));
    });
    share.forEach((value, i) => {
      if (value > SETTLED && value < 1 - SETTLED)
        open.push({ agent, day: Math.floor(i / choices), choice: i % choices, value });
    });
  });
  return open;
}

/**
 * Takes the choice (or rules it out) unless no pooled line of the agent that keeps its rules would
 * be left, so the agent's LP row always has a column; true when settled.
 */
function settle(
  model: CompiledRoster,
  master: RestrictedMaster,
  agent: number,
  day: number,
  choice: number,
  take: boolean,
): boolean {
  const allowed = new Uint8Array(model.duties.length + 1).fill(take ? 0 : 1);
  allowed[choice] = take ? 1 : 0;
  const kept = master.lines[agent].some(
    (line) => master.keeps(agent, line) && allowed[dayChoice(model, line[day])] === 1,
  );
  if (kept) master.restrictDay(agent, day, allowed);
  return kept;
}
