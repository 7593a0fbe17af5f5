import type { CompiledRoster } from './compiled-roster';
import { agentsToReplan } from './priced-neighbourhood';
import type { Neighbourhood } from './roster-mip';
import type { Search } from './roster-search';
import { missedByDay, spanOverShortfall, spansOverShortfall } from './short-days';
import { sampleIndices } from 'src/platform/random/seeded-random';

/**
 * The neighbourhoods of the large-neighbourhood search, one turn each: a window of days as a roster
 * model of its own, single agents re-planned against the others, a few agents over the whole
 * horizon (priced, or the compact MIP), and a block of agents over a few days. Their sizes adapt as
 * they close or stall; which kind takes a turn is the search plan's (`roster-search-plan.ts`).
 */

/** Window neighbourhoods of long horizons: days, the sweep's step, and the cells above which a block of agents is taken instead of all. */
const WINDOW_DAYS = 28;
const WINDOW_STEP = 14;
const WINDOW_CELLS = 12_000;
const WINDOW_SECONDS = 4;
/** Compact MIP neighbourhoods stay below this many columns (HiGHS' heap, and closing them in seconds). */
const MIP_COLUMNS = 8_000;
const MIP_SECONDS = 3;
const REPLAN_SECONDS = 1;
const RESPOND_SECONDS = 1;

/**
 * The share of day-block turns placed over a day still short of cover (drawn by what it misses):
 * the last few missing places decide a run, and uniform blocks reached them by chance. In pairs
 * with uniform blocks (60 s, four seeds, 44 pairs): lower in 24, higher in 18, by 4.0 % in the
 * geometric mean; Instance12 higher in 3 of 4 (once 10 % above its best, uniform blocks 5 %).
 * Once every place is covered, the days are drawn by the requests they miss (`missedByDay`).
 */
const SHORT_DAY_TURNS = 0.5;
/**
 * Of the day-block turns over a short day, the share that free two half-spans instead: one over the
 * short day, one elsewhere (`spansOverShortfall`), so an agent at a horizon-wide maximum (weekends,
 * shifts, minutes) can trade work there for the missing place. The places left short at 60 s were
 * on weekends. In pairs with one span (60 s, seeds 1–3, twelve 4–12-week look-alikes): lower in 20
 * of 36, higher in 15, 4.3 % in the geometric mean; the 42-day, 45-agent, 6-type one 338 → 120 and
 * 447 → 152 (243 → 336 in the third).
 */
const SPLIT_TURNS = 0.5;
/** Agents × days × duties: what a neighbourhood's models grow with. */
export function cells(model: CompiledRoster, agents: number, days: number): number {
  return agents * days * model.duties.length;
}

/** Grows a neighbourhood the solver closes easily without gain, shrinks one it cannot close. */
function resized(
  size: number,
  status: 'optimal' | 'limit' | 'infeasible',
  noGain: boolean,
  min: number,
  max: number,
): number {
  if (status === 'optimal' && noGain) return Math.min(max, size + 1);
  if (status === 'limit') return Math.max(min, size - 1);
  return size;
}

/** Sizes of the neighbourhoods, adapted as they close or stall. */
export interface Sizes {
  agentCount: number;
  windowDays: number;
  replanCount: number;
  blockSize: number;
  sweep: number;
}

/** The first sizes: three agents, a week of days, six re-planned, a window block under WINDOW_CELLS. */
export function initialSizes(model: CompiledRoster): Sizes {
  const n = model.agents.length;
  return {
    agentCount: Math.min(n, 3),
    windowDays: Math.min(model.days, 7),
    replanCount: Math.min(n, 6),
    blockSize: Math.min(n, Math.max(4, Math.floor(WINDOW_CELLS / cells(model, 1, WINDOW_DAYS + 14)))),
    sweep: 0,
  };
}

/** A window of days (the horizon swept in overlapping windows first, then anywhere) re-planned as a model of its own. */
export function windowStep(search: Search, sizes: Sizes): void {
  const model = search.model;
  const n = model.agents.length;
  const days = model.days;
  const before = search.cost;
  const sweeping = sizes.sweep * WINDOW_STEP < days - WINDOW_STEP;
  const from = sweeping
    ? sizes.sweep++ * WINDOW_STEP
    : Math.floor(search.random() * Math.max(1, days - WINDOW_DAYS + 1));
  const to = Math.min(days, from + WINDOW_DAYS);
  const everyone = cells(model, n, to - from + 14) <= WINDOW_CELLS;
  const agents = everyone
    ? model.agents.map((_, a) => a)
    : agentsToReplan(model, search.lines, sizes.blockSize, search.random).sort((a, b) => a - b);
  const status = search.window(agents, from, to, WINDOW_SECONDS);
  if (!everyone) sizes.blockSize = resized(sizes.blockSize, status, search.cost >= before, 2, n);
}

/** Where the single agents' descent stands: its order, the next agent, agents re-planned since a gain. */
export interface Responses {
  order: number[];
  next: number;
  quiet: number;
}

/**
 * The next agents in turn re-planned alone against the others, for about a second (repeatable runs:
 * a quarter of them): a full sweep of a 28-day, 120-agent, 18-type roster took 7 s, four of them
 * 28 s of a 60 s solve, while the other kinds' turns last about a second.
 */
export function respondStep(search: Search, responses: Responses, exact: boolean): void {
  const n = search.model.agents.length;
  const before = search.cost;
  // Drawn at the first turn: rosters whose mix has no such turns keep the random stream they had.
  if (responses.order.length === 0) responses.order = sampleIndices(n, n, search.random);
  const order = [...responses.order.slice(responses.next), ...responses.order.slice(0, responses.next)];
  const visited = search.respond(order, exact, {
    seconds: RESPOND_SECONDS,
    agents: search.deterministic ? Math.ceil(n / 4) : n,
  });
  responses.next = (responses.next + visited) % n;
  responses.quiet = search.cost < before - 1e-9 ? 0 : responses.quiet + visited;
}

/** A few agents over the whole horizon re-planned by pricing their lines. */
export function replanStep(search: Search, sizes: Sizes): void {
  const before = search.cost;
  const agents = agentsToReplan(search.model, search.lines, sizes.replanCount, search.random);
  const status = search.replan(agents, REPLAN_SECONDS);
  sizes.replanCount = resized(sizes.replanCount, status, search.cost >= before, 2, search.model.agents.length);
}

/** A few agents over the whole horizon (compact MIP). */
export function agentStep(search: Search, sizes: Sizes): void {
  const model = search.model;
  const n = model.agents.length;
  const before = search.cost;
  const count = Math.max(1, Math.min(sizes.agentCount, Math.floor(MIP_COLUMNS / cells(model, 1, model.days))));
  const hood = { agents: sampleIndices(n, count, search.random), fromDay: 0, toDay: model.days };
  const status = search.solve(hood, MIP_SECONDS);
  sizes.agentCount = resized(sizes.agentCount, status, search.cost >= before, 2, n);
}

/** A block of agents (everyone, when the model allows) over a few days (compact MIP). */
export function dayStep(search: Search, sizes: Sizes): void {
  const model = search.model;
  const n = model.agents.length;
  const days = model.days;
  const before = search.cost;
  const span = Math.max(1, Math.min(sizes.windowDays, Math.floor(MIP_COLUMNS / cells(model, n, 1))));
  const count = Math.min(n, Math.max(1, Math.floor(MIP_COLUMNS / cells(model, 1, span))));
  const status = search.solve(dayBlock(search, span, count), MIP_SECONDS);
  sizes.windowDays = resized(sizes.windowDays, status, search.cost >= before, 3, days);
}

/** The free days of a day-block turn (over a short day, or anywhere) and `count` agents drawn for it. */
function dayBlock(search: Search, span: number, count: number): Neighbourhood {
  const model = search.model;
  const targeted = search.random() < SHORT_DAY_TURNS;
  const byDay = targeted ? missedByDay(model, search.lines) : null;
  const split = byDay !== null && span >= 4 && search.random() < SPLIT_TURNS;
  const half = Math.ceil(span / 2);
  const spans = split ? spansOverShortfall(byDay, half, search.random, model.weekends) : null;
  const agents = sampleIndices(model.agents.length, count, search.random).sort((a, b) => a - b);
  if (spans) {
    const second = { fromDay: spans.second, toDay: spans.second + half };
    return { agents, fromDay: spans.first, toDay: spans.first + half, alsoFree: second };
  }
  const from =
    (byDay && spanOverShortfall(byDay, span, search.random)) ?? Math.floor(search.random() * (model.days - span + 1));
  return { agents, fromDay: from, toDay: from + span };
}
