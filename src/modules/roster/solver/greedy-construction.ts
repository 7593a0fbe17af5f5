import { OFF, copyLines, type CompiledRoster, type RosterLines } from './compiled-roster';
import { repeatWeeks, takeGuess, type LineGuess } from './construction-guesses';
import { cheapestLine, type LineCosts } from './line-pricing';
import { coverMargins } from './cover-margins';
import { marginalCosts } from './marginal-costs';
import { coverCounts } from './roster-objective';
import { buildWindow, type RosterWindow } from './roster-window';
import { keepsEveryRule } from './rule-breach';

/**
 * The first roster, fast and keeping every hard rule: agents one after the other, each given its
 * cheapest valid line against those placed before it (the pricing programme on marginal cover
 * costs, with a label budget sized to the model so one agent costs milliseconds). Long horizons
 * are built window by window (rolling, with each agent's totals prorated), so the programme
 * never carries a whole year of minutes and caps.
 */
export interface ConstructionLimits {
  /** Past this, agents still get a line, but with the smallest label budget. */
  shouldStop: () => boolean;
  /** The clock and the time the construction must end by (see `ConstructionPace`); none: no pace kept. */
  pace?: ConstructionPace;
}

/**
 * Hurried placements the pace measures before it judges whether guesses are needed: at least this
 * many and this share of all (the first agents placed, those with the least choice, are the dearest:
 * judged on 16 of a year's 1,950, Instance24 guessed at load 14 where hurrying alone ended at 20 s).
 */
const HURRIED_SAMPLE = 16;
const HURRIED_SAMPLE_SHARE = 0.05;

/**
 * Keeps the construction within its share of a time limit at any load: after every agent placed it
 * projects its own end from its recent rate (agents × windows to place). Once that end passes `end`
 * the remaining agents are hurried (the narrowest beam first); once it passes `last` as well, each
 * first tries lines that cost nothing to find (its days before the window repeated, taken only
 * when every rule holds) and the narrow beam only when that fails. Slow machine or huge roster alike,
 * the first roster is valid long before the limit instead of after it.
 */
export class ConstructionPace {
  private since: number;
  private doneSince = 0;
  private done = 0;
  private total = 0;
  /** full: the sized beam; hurried: the narrowest beam first; guess: a free guess first. Only ever escalates. */
  mode: 'full' | 'hurried' | 'guess' = 'full';
  /** Placements made in each mode (what the construction had to give up, for tests and benchmarks). */
  readonly placements = { full: 0, hurried: 0, guess: 0 };
  /** Guessing placements that took a guess (the others took the narrow beam). */
  guessesTaken = 0;

  constructor(
    readonly now: () => number,
    readonly end: number,
    readonly last: number,
  ) {
    this.since = now();
  }

  /** Announces placements still to come (an estimate is enough: it only sets the projected end). */
  expect(placements: number): void {
    this.total = Math.max(this.total, this.done + placements);
  }

  placed(): void {
    this.placements[this.mode]++;
    this.done++;
    this.doneSince++;
    if (this.mode === 'guess') return;
    const at = this.now();
    // Guesses are judged on a sample of hurried placements (a window's set-up lands on its first agent).
    if (this.mode === 'hurried' && this.doneSince < Math.max(HURRIED_SAMPLE, this.total * HURRIED_SAMPLE_SHARE)) return;
    // The rate of the current mode (the slower one before it would keep projecting too late); one step
    // at a time, so guesses (dearer rosters) only when even the hurried rate would miss `last`.
    const projected = at + ((at - this.since) / this.doneSince) * Math.max(0, this.total - this.done);
    if (this.mode === 'full' ? projected <= this.end : projected <= this.last) return;
    this.mode = this.mode === 'full' ? 'hurried' : 'guess';
    this.since = at;
    this.doneSince = 0;
  }
}

export interface Construction {
  lines: RosterLines;
  /** Agents left without a valid line (their own rules admit none, or none was found). */
  withoutLine: number[];
}

/** Shares of the time limit by which the construction hurries, then guesses (see `ConstructionPace`). */
const HURRY_SHARE = 0.4;
const GUESS_SHARE = 0.6;

/** The pace of a construction started at `started` in a solve ending at `deadline` (ms, on the clock `now`). */
export function constructionPace(now: () => number, started: number, deadline: number): ConstructionPace {
  const span = Math.max(0, deadline - started);
  return new ConstructionPace(now, started + span * HURRY_SHARE, started + span * GUESS_SHARE);
}

/** Pricing work per agent in the construction: labels × days × duties stays near this. */
const WORK_PER_AGENT = 120_000;
const MIN_LABELS = 32;
/**
 * A hurried agent's first try: the narrowest beam that still finds valid lines (a year × 150 staff ×
 * 32 types took 50–77 s under load with 32 labels and 6 shifts per label, 23–39 s with this). Beyond
 * its cheapest shifts it tries one longest shift, not all (9 of that year's 32 types are 12 h, each
 * tried from every label was most of a beam's work): a hurried year 5.4 → 4.7 s of CPU, 386,218 →
 * 381,408 at load 12–14.
 */
const HURRIED = { maxLabels: 8, successors: 3, oneLongest: true };
/**
 * Where the narrowest beam found no line (a tenth of a year's hurried agents), a wider one before
 * the sized beam: on a year × 150 staff × 32 types that one cost six narrow beams each, this two.
 */
const WIDER_HURRIED = { maxLabels: 24, successors: 3, oneLongest: true };
/**
 * A guessing construction's beams (an agent no guess fits, mended or not: mostly the first window's,
 * which has nothing to repeat) start narrower still: on Instance24 4 labels × 2 shifts gave no dearer
 * roster than 8 × 3.
 */
const GUESSING = [{ maxLabels: 4, successors: 2, oneLongest: true }, WIDER_HURRIED];
const MAX_LABELS = 4_000;
/** Horizons longer than this are built in windows of `WINDOW` days (with `LOOKAHEAD` days planned ahead). */
const WHOLE_HORIZON_DAYS = 42;
const WINDOW = 28;
const LOOKAHEAD = 7;
/** Each window works a little ahead of the contract's pace: a surplus only means fewer shifts later. */
const AHEAD = 1.05;

export function labelBudget(model: CompiledRoster): number {
  const size = Math.max(1, model.days * model.duties.length);
  return Math.min(MAX_LABELS, Math.max(MIN_LABELS, Math.round(WORK_PER_AGENT / size)));
}

/** Agents with the fewest workable cells first: they have the least choice left once others are placed. */
export function constructionOrder(model: CompiledRoster): number[] {
  const cells = model.agents.map((agent) => {
    let n = 0;
    for (let i = 0; i < agent.allowed.length; i++) n += agent.allowed[i];
    return n;
  });
  return model.agents.map((_, a) => a).sort((x, y) => cells[x] - cells[y] || x - y);
}

/**
 * Each agent in `order` gets its cheapest valid line against the lines of all others. Far behind its
 * pace (`limits.pace`), an agent first tries `guess` (a line costing nothing to find: taken only
 * when it keeps every rule), then the narrowest beam.
 */
export function placeAgents(
  model: CompiledRoster,
  start: RosterLines,
  order: readonly number[],
  limits: ConstructionLimits,
  guess?: LineGuess,
  reach?: RosterWindow['reach'],
): Construction {
  const lines = copyLines(start);
  const withoutLine: number[] = [];
  const budget = labelBudget(model);
  // Cover counts kept up to date agent by agent: recounting every line for each agent was a fifth of a year's construction.
  const counts = coverCounts(model, lines);
  const count = (line: Int32Array, by: number) => {
    for (let d = 0; d < line.length; d++) {
      if (line[d] === OFF) continue;
      for (const r of model.cellRows[d * model.duties.length + line[d]]) counts[r] += by;
    }
  };
  for (const a of order) {
    count(lines[a], -1);
    // Cover costs only for an agent priced or mended: most guesses are taken as they are.
    let known: LineCosts | undefined;
    const costs = () =>
      (known ??= model.supervisorRule ? marginalCosts(model, lines, a) : coverMargins(model, counts, a));
    const mode = limits.pace?.mode ?? 'full';
    // The agent as the window holds it (a minimum within reach asked only for guesses that need it).
    const settled = () => reach?.(a) ?? model.agents[a];
    const guessed = mode === 'guess' && guess ? takeGuess(model, model.agents[a], guess(a), costs, settled) : undefined;
    if (guessed) {
      if (limits.pace) limits.pace.guessesTaken++;
      lines[a] = guessed;
      count(lines[a], 1);
      limits.pace?.placed();
      continue;
    }
    const agent = settled();
    const hurried = mode !== 'full' || limits.shouldStop();
    // A wider budget only when the first one found nothing.
    const attempts = hurried
      ? [...(mode === 'guess' ? GUESSING : [HURRIED, WIDER_HURRIED]), { maxLabels: budget }, { maxLabels: budget * 8 }]
      : [{ maxLabels: budget }, { maxLabels: budget * 8 }];
    let placed = false;
    for (const beam of attempts) {
      const priced = cheapestLine(model, agent, costs(), beam);
      if (priced && keepsEveryRule(model, agent, priced.line)) {
        lines[a] = priced.line;
        placed = true;
        break;
      }
    }
    if (!placed) {
      if (!keepsEveryRule(model, agent, lines[a])) withoutLine.push(a);
    }
    count(lines[a], 1);
    limits.pace?.placed();
  }
  return { lines, withoutLine };
}

/** The whole roster: in one pass, or window by window on long horizons. */
export function constructRoster(model: CompiledRoster, limits: ConstructionLimits): Construction {
  const empty = model.agents.map(() => new Int32Array(model.days).fill(OFF));
  const order = constructionOrder(model);
  const windows = model.days <= WHOLE_HORIZON_DAYS ? 1 : Math.ceil(model.days / WINDOW);
  limits.pace?.expect(model.agents.length * windows);
  if (model.days <= WHOLE_HORIZON_DAYS) return placeAgents(model, empty, order, limits);
  let lines: RosterLines = empty;
  for (let from = 0; from < model.days; from += WINDOW) {
    const to = Math.min(model.days, from + WINDOW);
    const all = model.agents.map((_, a) => a);
    const window = buildWindow(model, lines, {
      agents: all,
      from,
      to,
      mode: 'rolling',
      lookahead: LOOKAHEAD,
      pace: AHEAD,
      reachOnDemand: true,
    });
    const guess = from >= WINDOW ? repeatWeeks(window, lines, from) : undefined;
    const order = constructionOrder(window.model);
    const placed = placeAgents(window.model, window.lines, order, limits, guess, window.reach);
    lines = window.embed(placed.lines, lines);
    // Agents the prorated totals left without a line re-plan the previous window too, alone against the others.
    for (const a of placed.withoutLine) {
      for (const pace of [1, 0.9, 0]) {
        const own = buildWindow(model, lines, {
          agents: [a],
          from: Math.max(0, from - WINDOW),
          to,
          mode: 'rolling',
          lookahead: LOOKAHEAD,
          pace,
        });
        const again = placeAgents(own.model, own.lines, [0], limits);
        if (again.withoutLine.length > 0) continue;
        lines = own.embed(again.lines, lines);
        break;
      }
    }
  }
  return repairAgents(model, lines, limits);
}

/** From `initial` when given (only agents breaking their rules there are placed again), else the whole roster. */
export function constructFrom(
  model: CompiledRoster,
  initial: RosterLines | undefined,
  limits: ConstructionLimits,
): Construction {
  if (!initial) return constructRoster(model, limits);
  const invalid = model.agents.map((_, a) => a).filter((a) => !keepsEveryRule(model, model.agents[a], initial[a]));
  return placeAgents(model, initial, invalid, limits);
}

/**
 * Agents the rolling pass left short of a total (prorating cannot foresee every window) re-plan
 * the end of the horizon alone, in ever longer exact windows, until their line is valid.
 */
function repairAgents(model: CompiledRoster, start: RosterLines, limits: ConstructionLimits): Construction {
  let lines = start;
  const invalid = (a: number) => !keepsEveryRule(model, model.agents[a], lines[a]);
  for (const a of model.agents.map((_, k) => k).filter(invalid)) {
    for (let weeks = 8; invalid(a); weeks *= 2) {
      const from = Math.max(0, model.days - weeks * 7);
      const own = buildWindow(model, lines, { agents: [a], from, to: model.days, mode: 'exact' });
      const again = placeAgents(own.model, own.lines, [0], limits);
      if (again.withoutLine.length === 0) lines = own.embed(again.lines, lines);
      if (from === 0) break;
    }
  }
  return { lines, withoutLine: model.agents.map((_, a) => a).filter(invalid) };
}
