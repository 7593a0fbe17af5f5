import type { Highs } from 'highs';
import type { CompiledRoster } from './compiled-roster';
import { NeighbourhoodMix } from './neighbourhood-mix';
import { PRICED_FULL_MIP_COLUMNS, Search, type SearchLimits, type SearchOutcome } from './roster-search';
import {
  agentStep,
  cells,
  dayStep,
  initialSizes,
  replanStep,
  respondStep,
  windowStep,
  type Responses,
} from './roster-neighbourhoods';
import { WHOLE_PRICING_CELLS, WHOLE_PRICING_DAYS, wholeHorizonPricing } from './whole-horizon-pricing';

/**
 * The order of the search: a valid roster first (greedy construction, milliseconds per agent);
 * then price-and-branch over the whole horizon when the horizon is short and pricing cheap
 * enough, which gives the strong bound; on small models the compact MIP, which proves optima;
 * then large-neighbourhood search for the rest of the time. Long horizons (beyond four weeks,
 * six for mid-size rosters, eight for small ones or a little larger given a minute or five,
 * twelve for small ones given 15 s: `wholeHorizonPricing`) are not priced whole: their
 * neighbourhoods are windows of days (a block of agents, or all of them), each a roster model of
 * its own solved by price-and-branch, first sweeping the horizon in overlapping windows, then
 * anywhere, so quality does not depend on the horizon's length.
 */

/**
 * Column generation, the dives and the integer master get this share; the neighbourhood search the
 * rest. A larger share gives large rosters more dives and a longer integer master (which of the
 * two matters is not traced): in pairs against a half (Instance8, 60 s, 16 seeds) the roster came
 * within 1 % of the best reported in 8 of 16 runs against 3 of 16; Instance12 equal within its spread.
 */
const PRICE_SHARE = 0.65;
/**
 * Weekly rosters: the share of turns that kick a few agents and descend by single-agent re-plans;
 * all of them on weeks too large to price whole (the product's weeks of 60 and 200 agents: the
 * compact MIP and priced neighbourhoods of a few agents took 1.5–4.5 s each under load and gained
 * nothing there, kicks gain every few turns).
 */
const KICK_TURNS = 0.5;
/** Horizons up to this many days (the product's weeks) re-plan single agents against the others. */
const RESPONSE_DAYS = 7;
/** Single agents are re-planned by the exact programme up to this many days × duties, by a beam above. */
const EXACT_RESPONSE_CELLS = 2_000;
/**
 * Horizons beyond a week: the prior share of turns that re-plan every agent alone against the
 * others (exact marginal costs; the weekly rosters' descent). The other kinds left rosters that
 * single agents could still improve: on a 60 s roster of an 84-day, 40-agent instance two such
 * sweeps (2.4 s) took 3,795 to 2,374, on Instance10 and 12 one sweep gained a missing place (100).
 * Always descending after a gain elsewhere cost the other kinds too many turns on a 42-day,
 * 45-agent one (137 → 1,039); as a kind of the mix it gains where it pays, and a round of all
 * agents that gained nothing is not repeated until another kind has changed the roster.
 */
const RESPOND_TURNS = 0.15;
/**
 * Horizons not priced whole get those turns only beyond this many days. In pairs with the code
 * before (60 s, load 1–8) the turns gained on 84-day and longer rosters (the 84-day look-alikes in
 * all 10 pairs, Instance20–23 by 0–34 %) and after whole-horizon pricing (Instance8 and 12 in 7 of 8
 * pairs), but lost on 4–8-week ones not priced whole (the 28-day, 120-agent, 18-type look-alike in 5
 * of 5 pairs, the 42-day, 45-agent one in 5 of 6, the 56-day, 20-agent one in 5 of 6; the 42-day,
 * 32-agent one won 3 of 5).
 */
const RESPOND_UNPRICED_DAYS = 56;
/**
 * Beyond a week, the first roster descends (single agents re-planned against the others until none
 * gains) in at most this share of the time, before pricing and the search. It took a 42-day,
 * 45-agent look-alike from 9,560 to 6,175 in 0.9 s where the search had needed 7.5 s, and Instance8
 * from 5,720 to 4,489 in 0.7 s, where whole-horizon pricing had kept the first roster for 30 s. In
 * pairs with the code before (60 s, two seeds): lower at 10 s in 28 of 31, at 60 s in 19 of 32
 * (3.4 % in the geometric mean; Instance8 and 12 worse in both of theirs).
 */
const DESCENT_SHARE = 0.05;
/**
 * Long horizons: the share of turns that re-plan a window of days as a model of its own. A window
 * takes 2–4 s a turn against a day block's 0.3–1 s, and in a trace of 60 s runs on five 6–12-week
 * look-alikes windows gained only on two (15–26 s of each run at a quarter of the turns). In pairs
 * with a quarter (60 s, seeds 1–3, eleven look-alikes): lower in 17 of 33, higher in 16, 0.889 in
 * the geometric mean, the gain from runs that no longer stall far above the bound (a 42-day,
 * 32-agent one 196 → 87 and 190 → 89, bound 86); the 84-day, 22-agent one higher in 2 of 3.
 */
const WINDOW_TURNS = 0.1;

/** Single agents are re-planned by the exact programme on small enough models, by a beam above. */
function exactResponses(model: CompiledRoster): boolean {
  return model.days * model.duties.length <= EXACT_RESPONSE_CELLS;
}

export function searchRoster(highs: Highs, model: CompiledRoster, limits: SearchLimits): SearchOutcome {
  const search = new Search(highs, model, limits);
  const agentsWithoutLine = search.construct();
  search.report('construct');
  // Weekly rosters descend first in `improve`; longer ones before pricing (it starts from this roster too).
  if (model.days > RESPONSE_DAYS && !search.stopped()) {
    search.descend(exactResponses(model), search.remaining() * DESCENT_SHARE);
    search.report('improve');
  }
  if (!search.stopped()) search.aggregateBound();
  const pricing = wholeHorizonPricing(model, search.remaining());
  const whole = pricing !== null;
  let converged = false;
  if (pricing && !search.stopped()) {
    converged = search.price(PRICE_SHARE, pricing).converged;
    search.report('price');
  }
  // The compact LP's bound is weaker than converged column generation's; otherwise it may add to it
  // (beyond four weeks it did not finish in its share: 42 and 84 days, 5,376–16,800 columns).
  if (!converged && !search.stopped() && model.days <= WHOLE_PRICING_DAYS) {
    search.lpBound(Math.min(10, search.remaining() * 0.1));
    search.report('bound');
  }
  let provenOptimal = search.proven();
  if (!search.stopped() && !provenOptimal && search.compactColumns() <= PRICED_FULL_MIP_COLUMNS) {
    provenOptimal = search.fullMip(0.5);
    search.report('full-mip');
  }
  if (!provenOptimal) improve(search, whole);
  provenOptimal ||= search.proven();
  search.report('done');
  const stoppedBy = provenOptimal
    ? 'optimal'
    : limits.signal?.aborted || limits.stopRequested?.()
      ? 'aborted'
      : limits.maxIterations !== undefined && search.iterations >= limits.maxIterations
        ? 'iteration-limit'
        : 'time-limit';
  return {
    lines: search.lines,
    cost: search.cost,
    lowerBound: search.lowerBound,
    provenOptimal,
    iterations: search.iterations,
    stoppedBy,
    agentsWithoutLine,
    firstRosterSeconds: search.firstRosterSeconds,
    requestBound: search.requestBound,
  };
}

/**
 * Large-neighbourhood search: a few agents over the whole horizon, or a block of agents over a few
 * days (compact MIP); long horizons also get windows as roster models of their own in a
 * share of the turns (WINDOW_TURNS). Measured on generated 56–84-day instances (the held-back shapes), the agents over
 * the whole horizon gained two to three times what windows alone did (windows re-price everyone
 * in them and rarely close under load); windows still re-plan seams no agent block reaches.
 * Those shares are the prior of the mix; the turns then go to the kinds that gain on this roster
 * (`NeighbourhoodMix`).
 */
function improve(search: Search, wholeHorizonPriced: boolean): void {
  const model = search.model;
  const n = model.agents.length;
  const days = model.days;
  const long = days > WHOLE_PRICING_DAYS && search.pricedWhole;
  const sizes = initialSizes(model);
  // Weekly rosters: single agents re-planned against the others, first until none gains, then after
  // every gain elsewhere; longer horizons draw it a few agents at a time as a kind of their mix (RESPOND_TURNS).
  let respond = days <= RESPONSE_DAYS;
  const exact = exactResponses(model);
  const kickTurns = cells(model, n, days) > WHOLE_PRICING_CELLS ? 1 : KICK_TURNS;
  const mix = neighbourhoodMix(search, long, wholeHorizonPriced);
  const responses: Responses = { order: [], next: 0, quiet: 0 };
  while (
    !search.stopped() &&
    (search.limits.maxIterations === undefined || search.iterations < search.limits.maxIterations)
  ) {
    search.iterations++;
    const before = search.cost;
    if (respond) {
      respond = search.kick(0, exact);
    } else if (days <= RESPONSE_DAYS && search.random() < kickTurns) {
      search.kick(2 + Math.floor(search.random() * 4), exact);
    } else {
      // A round of responses that gained nothing gains nothing again until another kind changes the roster.
      const kind = mix.pick((k) => k !== 'respond' || responses.quiet < n);
      const started = search.seconds();
      // Days as long as the horizon are agents over the whole horizon.
      const step = kind === 'days' && days <= sizes.windowDays ? (search.pricedWhole ? 'replan' : 'agents') : kind;
      if (step === 'respond') respondStep(search, responses, exact);
      else if (step === 'window') windowStep(search, sizes);
      else if (step === 'days') dayStep(search, sizes);
      else if (step === 'replan') replanStep(search, sizes);
      else agentStep(search, sizes);
      mix.record(kind, before - search.cost, search.seconds() - started);
      if (search.cost < before - 1e-9) responses.quiet = 0;
    }
    if (search.cost < before - 1e-9 && days <= RESPONSE_DAYS) respond = true;
    if (search.iterations % 5 === 0 || search.cost < before) search.report('improve');
    if (search.proven()) break;
  }
}

export type NeighbourhoodKind = 'window' | 'replan' | 'agents' | 'days' | 'respond';

/**
 * The prior mix: beyond a week after whole-horizon pricing, and beyond eight weeks, 15 % of the
 * turns agents re-planned alone against the others (`respond`); a tenth of the rest windows on
 * long horizons; of what remains, 60 % agents over the whole horizon, priced when the line master
 * holds the whole objective (`priced` 1), half priced with fairness terms (0.5), and 40 % a block
 * of agents over a few days.
 */
export function neighbourhoodPrior(
  days: number,
  long: boolean,
  priced: number,
  wholeHorizonPriced: boolean,
): Map<NeighbourhoodKind, number> {
  const respond = days > RESPONSE_DAYS && (wholeHorizonPriced || days > RESPOND_UNPRICED_DAYS) ? RESPOND_TURNS : 0;
  const window = long ? WINDOW_TURNS * (1 - respond) : 0;
  const rest = 1 - respond - window;
  return new Map<NeighbourhoodKind, number>([
    ['window', window],
    ['respond', respond],
    ['replan', rest * 0.6 * priced],
    ['agents', rest * 0.6 * (1 - priced)],
    ['days', rest * 0.4],
  ]);
}

/** The prior mix adapted to what each kind gains (`NeighbourhoodMix`). */
function neighbourhoodMix(
  search: Search,
  long: boolean,
  wholeHorizonPriced: boolean,
): NeighbourhoodMix<NeighbourhoodKind> {
  const priced = search.priced ? (search.pricedWhole ? 1 : 0.5) : 0;
  return new NeighbourhoodMix(
    neighbourhoodPrior(search.model.days, long, priced, wholeHorizonPriced),
    search.random,
    !search.deterministic,
  );
}
