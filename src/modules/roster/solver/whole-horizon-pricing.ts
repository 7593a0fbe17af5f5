import type { CompiledRoster } from './compiled-roster';
import { gcd } from './line-pricing';

/**
 * Which rosters column generation prices over the whole horizon in a solve, and how: the rest get
 * windows of days in the search. Pricing cost grows with agents × days × duties (the cells) and,
 * on long horizons, with the minute levels of each agent's line; the thresholds are measured
 * (docs/benchmarks.md, the NRP section).
 */

/** How the solve prices a horizon it prices whole. */
export interface WholeHorizonPricing {
  /** Column generation's share of the price step (none: price-and-branch's own). */
  columnGenerationShare?: number;
  /** Next-cheapest lines each exact pricing adds besides the cheapest (0: the cheapest only). */
  alternatives: number;
  /** Pricing rounds after each step of a dive (none: price-and-branch's own). */
  diveRounds?: number;
  /** The search's re-plans of a few agents start from the lines column generation priced for them. */
  pooledReplans: boolean;
}

/**
 * Horizons up to this many days are priced whole (and get the compact LP's bound). On six-week
 * rosters (generated in the held-back shapes, 32–45 agents, 4–6 types, load 11–15) the whole
 * column generation spent 13–17 s of a 60 s solve without converging or improving the roster, the
 * compact LP 5–6 s more without finishing; the neighbourhood search gained hundreds per second.
 */
export const WHOLE_PRICING_DAYS = 28;
/** Whole-horizon pricing only when agents × days × duties stays below this (pricing cost grows with all three). */
export const WHOLE_PRICING_CELLS = 40_000;
/**
 * Up to eight weeks, small rosters are priced whole too: a line's labels grow faster than its days,
 * so the bar is lower. Column generation alone (`bench/nrp-bound.ts`, two at a time) converged on
 * the 6–8-week look-alikes of 20–32 agents and 3–4 types (3,360–5,376 cells) in 11–24 s (one in
 * 39 s), but took 52–93 s at 11,340 cells and 195 s at 7,168, and 49–89 s on 12 weeks at 5,544.
 * In pairs with the code before (60 s, seeds 1–2, look-alikes B and D of seeds 1–3) lower in 12 of 12.
 */
const SMALL_WHOLE_PRICING_DAYS = 56;
const SMALL_WHOLE_PRICING_CELLS = 6_000;
/**
 * Up to twelve weeks rosters that small are priced whole too, when the solve has the time: once
 * spent weekends were merged and whole horizons dive from any LP, an 84-day, 22-agent, 3-type
 * look-alike (5,544 cells) came out lower in 23 of 24 pairs with the windows (60 s, six generator
 * seeds × four solve seeds, 0.76 in the geometric mean; two of the six within 0.4 % of the solve's
 * own bound, one within 2.3 % of a proven one). At a 10 s limit column generation has not reached
 * a useful LP and the windows' rosters were lower (three of three), at 20 and 30 s higher; hence
 * the seconds. 84 days × 40 agents × 5 types (16,800 cells) priced whole was higher in 3 of 3.
 */
const TWELVE_WEEK_WHOLE_PRICING_DAYS = 84;
const TWELVE_WEEK_WHOLE_PRICING_SECONDS = 15;
/**
 * Up to eight weeks, rosters somewhat larger (the 56-day, 32-agent, 4-type shape with shifts of 8
 * and 10 hours: 7,168 cells, column generation about 1 s a round) are priced whole when the solve
 * has about five minutes. With 300 s (seed 1) the rosters came out lower than by windows on all
 * three look-alikes of the shape (1,514 → 1,221, 127 → 96, 619 → 595, the last within 0.8 % of its
 * proven bound); with 120 s higher on two of three (1,552 → 1,782, 148 → 480; 725 → 611), as at 60 s.
 */
const EIGHT_WEEK_WHOLE_PRICING_CELLS = 7_500;
const EIGHT_WEEK_WHOLE_PRICING_SECONDS = 270;
/**
 * Whole horizons beyond six weeks give column generation this share of the price step (0.35
 * otherwise): there it had not converged when the dives started. In pairs (60 s, seeds 1–4) the
 * 8- and 12-week look-alikes came out lower in 14 of 24, higher in 4, 0.92 in the geometric mean
 * (214 → 106; four 12-week ones within 0.1–2 % of the solve's own bound); on six-week ones it was
 * higher in 6 of 6, so they keep 0.35.
 */
const LONG_COLUMN_GENERATION_SHARE = 0.6;
/**
 * Up to six weeks, rosters twice that size are priced whole: exact pricing is faster now (the label
 * layer, spent weekends merged), and on a 42-day, 45-agent, 6-type look-alike (11,340 cells) the
 * LP reached 64 against its optimum 57 in the share. In pairs with the code before (60 s, seeds
 * 1–3, that shape from six generator seeds) lower in 15 of 18, 0.72 in the geometric mean (1,283
 * → 656, 84 → 33); one of them higher in 3 of 3 (110–126 → 155–161: its rounds took twice as long).
 * The 56-day, 32-agent, 4-type shape (7,168 cells) stays out: 16 rounds in the share, higher in 2 of 3.
 */
const SIX_WEEK_WHOLE_PRICING_DAYS = 42;
const SIX_WEEK_WHOLE_PRICING_CELLS = 12_000;
/**
 * Eight-week rosters of up to 7,500 cells whose lines pass few minute levels (the 56-day, 32-agent,
 * 4-type shape with shifts of one length: 36 levels, where column generation ran a round about 2.5
 * times faster than with 8- and 10-hour shifts mixed, 144 levels) are priced whole from 50 s left,
 * priced for speed (`QUICK_PRICING`). In pairs with the windows (60 s, the three look-alikes of
 * that shape, seeds 1–5) lower in 10 of 11, 0.74 in the geometric mean (2,676 → 2,006, 107 → 70);
 * at 120 s (seed 1) lower on both tried (2,760 → 2,126, 89 → 78). The same plan on mixed lengths was
 * lower in 3 of 11 and higher in 8 (1.14), so those keep the windows below 270 s.
 */
const FEW_MINUTE_LEVELS = 60;
const QUICK_EIGHT_WEEK_SECONDS = 50;
/**
 * A quick price step: four next-cheapest lines per pricing (column generation alone on the 56-day,
 * 32-agent shape, two runs at once: LP 1,162 after 25 s with them, 1,616 without (1,132 after
 * 50 s); its optimum about 1,060), one pricing round per dive step (with five the dive had no time
 * to settle its choices: one step, then everything settled at once), and the pool handed to the re-plans
 * (against the same plan without it: lower in 4 of 6 pairs, higher in 1).
 */
const QUICK_PRICING: Partial<WholeHorizonPricing> = { alternatives: 4, diveRounds: 1, pooledReplans: true };

/** Horizons priced whole: up to `days` days, `cells` cells and `levels` minute levels, given at least `seconds` left; the first that fits. */
const WHOLE_PRICING_RULES: readonly {
  days: number;
  cells: number;
  seconds: number;
  levels?: number;
  pricing?: Partial<WholeHorizonPricing>;
}[] = [
  { days: WHOLE_PRICING_DAYS, cells: WHOLE_PRICING_CELLS, seconds: 0 },
  { days: SIX_WEEK_WHOLE_PRICING_DAYS, cells: SIX_WEEK_WHOLE_PRICING_CELLS, seconds: 0 },
  { days: SMALL_WHOLE_PRICING_DAYS, cells: SMALL_WHOLE_PRICING_CELLS, seconds: 0 },
  { days: SMALL_WHOLE_PRICING_DAYS, cells: EIGHT_WEEK_WHOLE_PRICING_CELLS, seconds: EIGHT_WEEK_WHOLE_PRICING_SECONDS },
  {
    days: SMALL_WHOLE_PRICING_DAYS,
    cells: EIGHT_WEEK_WHOLE_PRICING_CELLS,
    seconds: QUICK_EIGHT_WEEK_SECONDS,
    levels: FEW_MINUTE_LEVELS,
    pricing: QUICK_PRICING,
  },
  {
    days: TWELVE_WEEK_WHOLE_PRICING_DAYS,
    cells: SMALL_WHOLE_PRICING_CELLS,
    seconds: TWELVE_WEEK_WHOLE_PRICING_SECONDS,
  },
];

/** How column generation prices the whole horizon given the seconds left, or null: windows only, in the search. */
export function wholeHorizonPricing(model: CompiledRoster, seconds: number): WholeHorizonPricing | null {
  const size = model.agents.length * model.days * model.duties.length;
  const rule = WHOLE_PRICING_RULES.find(
    (r) =>
      model.days <= r.days &&
      size <= r.cells &&
      seconds >= r.seconds &&
      (r.levels === undefined || minuteLevels(model) <= r.levels),
  );
  if (!rule) return null;
  const columnGenerationShare = model.days > SIX_WEEK_WHOLE_PRICING_DAYS ? LONG_COLUMN_GENERATION_SHARE : undefined;
  return { columnGenerationShare, alternatives: 0, pooledReplans: false, ...rule.pricing };
}

/**
 * The most minute levels an agent's line passes through in the pricing programme (its minutes so far
 * in steps of the shifts' common divisor, up to its maximum): 0 when no agent has a minimum to reach.
 */
export function minuteLevels(model: CompiledRoster): number {
  const step = Math.max(
    1,
    model.duties.reduce((g, duty) => gcd(g, duty.minutes), 0),
  );
  const longest = Math.max(0, ...model.duties.map((duty) => duty.minutes));
  return Math.max(
    0,
    ...model.agents.map((agent) =>
      agent.minMinutes > 0 ? Math.floor(Math.min(agent.maxMinutes, model.days * longest) / step) : 0,
    ),
  );
}
