import type { Highs } from 'highs';
import { agentLineViolations } from './agent-rules';
import { copyLines, type CompiledRoster, type RosterLines } from './compiled-roster';
import { bestResponses, kickAndDescend } from './best-response';
import { constructFrom, constructionPace, labelBudget } from './greedy-construction';
import type { PricingLimits } from './line-pricing';
import { solveLinearProgram } from './linear-program';
import { priceAndBranch } from './price-and-branch';
import { replanAgents } from './priced-neighbourhood';
import { requestBound } from './request-bound';
import { buildRosterMip, type Neighbourhood } from './roster-mip';
import { searchCost } from './roster-objective';
import { buildWindow } from './roster-window';
import type { SearchLimits, SearchPhase } from './roster-search-limits';
import type { WholeHorizonPricing } from './whole-horizon-pricing';
import { seededRandom } from 'src/platform/random/seeded-random';

export type { SearchLimits, SearchOutcome, SearchPhase, SearchProgress } from './roster-search-limits';

const NODE_LIMIT = 2_000;
const LP_BOUND_COLUMNS = 30_000;
const FALLBACK_SECONDS = 120;
/** Rosters up to this many compact columns get the full compact MIP after pricing (so pricing dives only once). */
export const PRICED_FULL_MIP_COLUMNS = 1_500;
const REPLAN_ROUNDS = 20;
/**
 * The whole horizon's integer master after the dives: at most this share of the pricing step.
 * On Instance8 and 12 it never bettered the dive's roster (6 of 6 runs, 4–10 s each) while the
 * neighbourhood search after it was still gaining at its limit. In pairs with all the time left
 * (60 s, 26 pairs on Instance1–12): lower in 11, higher in 6, equal in 9; Instance8 1,309 once.
 */
const WHOLE_MASTER_SHARE = 0.15;
/** Labels per day of the pricing inside neighbourhoods of large models (a beam: fast, not proven cheapest). */
const NEIGHBOURHOOD_LABELS = 400;

/** State of one search: the best roster so far, its cost and bound, the clock and the random stream. */
export class Search {
  readonly random: () => number;
  private readonly started: number;
  readonly now: () => number;
  private dualGuess: Float64Array | undefined;
  /** Each agent's lines from the whole horizon's column generation, when its plan hands them to the re-plans. */
  private pricedPool: Int32Array[][] | undefined;
  lines: RosterLines;
  cost: number;
  lowerBound: number | null = null;
  iterations = 0;
  firstRosterSeconds: number | null = null;
  requestBound: number | null = null;
  /** The search repeats exactly for a seed: no time-based decisions. */
  readonly deterministic: boolean;
  /** Agents may be re-planned by pricing their lines (the supervisor rule is not in the line master). */
  readonly priced: boolean;
  /** The line master holds the whole objective (no fairness terms), so pricing is the better re-plan. */
  readonly pricedWhole: boolean;

  constructor(
    readonly highs: Highs,
    readonly model: CompiledRoster,
    readonly limits: SearchLimits,
  ) {
    this.random = seededRandom(limits.seed);
    this.now = limits.now ?? Date.now;
    this.started = limits.startedAt ?? this.now();
    this.lines = model.agents.map(() => new Int32Array(model.days).fill(-1));
    this.cost = searchCost(model, this.lines);
    this.deterministic = limits.maxIterations !== undefined;
    this.priced = !model.supervisorRule;
    this.pricedWhole = this.priced && model.lateFairnessWeight === 0 && model.weekendFairnessWeight === 0;
  }

  seconds(): number {
    return (this.now() - this.started) / 1000;
  }

  stopped(): boolean {
    if (this.limits.signal?.aborted || this.limits.stopRequested?.()) return true;
    return this.limits.deadline !== undefined && this.now() >= this.limits.deadline;
  }

  remaining(): number {
    return this.limits.deadline === undefined
      ? FALLBACK_SECONDS
      : Math.max(0, (this.limits.deadline - this.now()) / 1000);
  }

  /** Time limit of a sub-solve: its share of the time, or (repeatable runs) only what is left until the deadline. */
  subSeconds(seconds: number): number {
    return this.deterministic ? this.remaining() : Math.min(seconds, this.remaining());
  }

  report(phase: SearchPhase): void {
    this.limits.onProgress?.({
      phase,
      iteration: this.iterations,
      seconds: this.seconds(),
      objective: this.cost,
      lowerBound: this.lowerBound,
    });
  }

  valid(lines: RosterLines, agents: readonly number[] = this.model.agents.map((_, a) => a)): boolean {
    return agents.every((a) => agentLineViolations(this.model, this.model.agents[a], lines[a]).length === 0);
  }

  /** Takes the roster when the changed agents keep their rules and it costs no more. */
  adopt(candidate: RosterLines, changed: readonly number[]): boolean {
    if (!this.valid(candidate, changed)) return false;
    const cost = searchCost(this.model, candidate);
    if (cost > this.cost + 1e-9) return false;
    this.lines = candidate;
    this.cost = cost;
    return true;
  }

  raiseBound(bound: number | null): void {
    if (bound !== null) this.lowerBound = Math.max(this.lowerBound ?? bound, bound);
  }

  /** The first roster: fast, every hard rule kept (`constructFrom`: from `initial`, built before rules were eased, if given). */
  construct(): number[] {
    // A fifth of the time gone, agents are placed in a hurry; the pace keeps the construction within its share.
    const hurryAt = this.remaining() * 0.2;
    const timed = !this.deterministic && this.limits.deadline !== undefined;
    const built = constructFrom(this.model, this.limits.initial, {
      shouldStop: () => this.stopped() || (!this.deterministic && this.seconds() > hurryAt),
      pace: timed ? constructionPace(this.now, this.now(), this.limits.deadline!) : undefined,
    });
    this.lines = built.lines;
    this.cost = searchCost(this.model, this.lines);
    if (built.withoutLine.length === 0) this.firstRosterSeconds = this.seconds();
    return built.withoutLine;
  }

  /** The aggregate cover LP: a quick bound (every roster is a point of it) and a first dual guess. */
  aggregateBound(): void {
    const found = this.limits.aggregateBound?.(this.subSeconds(this.remaining()), () => this.stopped());
    // Plus the requests' own bound (cover and requests are separate terms, each ≥ its own minimum), in a tenth of the time left.
    const until = this.now() + this.subSeconds(this.remaining() * 0.1) * 1000;
    const requests = (this.requestBound = requestBound(
      this.model,
      () => this.stopped() || (!this.deterministic && this.now() > until),
    ));
    const cover = found ? Math.max(0, found.bound) : this.model.coverRows.length === 0 ? 0 : null;
    if (cover !== null || requests !== null) this.raiseBound((cover ?? 0) + (requests ?? 0));
    if (found) this.dualGuess = found.coverDuals;
  }

  /** Column generation (priced as `pricing` says), dives and the integer master over its lines: a strong bound and a roster. */
  price(share: number, pricing: WholeHorizonPricing): { converged: boolean } {
    const seconds = this.limits.deadline === undefined ? FALLBACK_SECONDS : this.subSeconds(this.remaining() * share);
    const priced = priceAndBranch(this.highs, this.model, this.lines, {
      seconds,
      deterministic: this.deterministic,
      dualGuess: this.dualGuess,
      redive: this.compactColumns() > PRICED_FULL_MIP_COLUMNS,
      pricingShare: pricing.columnGenerationShare,
      alternatives: pricing.alternatives,
      diveRounds: pricing.diveRounds,
      keepPool: pricing.pooledReplans,
      shouldStop: () => this.stopped(),
      now: this.now,
      masterShare: WHOLE_MASTER_SHARE,
      onRoster: (lines) => {
        if (this.adopt(lines, this.everyone())) this.report('price');
      },
    });
    this.raiseBound(priced.bound);
    if (priced.pool) this.pricedPool = priced.pool;
    if (priced.lines) this.adopt(priced.lines, this.everyone());
    return { converged: priced.converged };
  }

  /** A block of agents over days [from, to) re-planned by price-and-branch on the window's own model. */
  window(agents: readonly number[], from: number, to: number, seconds: number): 'optimal' | 'limit' {
    const win = buildWindow(this.model, this.lines, { agents, from, to, mode: 'exact' });
    const priced = priceAndBranch(this.highs, win.model, win.lines, {
      seconds: this.subSeconds(seconds),
      deterministic: this.deterministic,
      redive: false,
      shouldStop: () => this.stopped(),
      now: this.now,
      pricing: this.neighbourhoodPricing(win.model),
    });
    if (priced.lines) this.adopt(win.embed(priced.lines, this.lines), agents);
    return priced.converged ? 'optimal' : 'limit';
  }

  /** Large models price neighbourhoods with a beam (quick lines, no bound needed there). */
  neighbourhoodPricing(model: CompiledRoster): PricingLimits | undefined {
    return model.days * model.duties.length > 400 ? { maxLabels: NEIGHBOURHOOD_LABELS } : undefined;
  }

  lpBound(seconds: number): void {
    const all = this.model.agents.map((_, a) => a);
    // Larger compact LPs did not finish in their share even on 7-day rosters (60 agents × 240 duties: 10 s for nothing).
    if (this.compactColumns() > LP_BOUND_COLUMNS) return;
    const mip = buildRosterMip(this.model, this.lines, { agents: all, fromDay: 0, toDay: this.model.days });
    const outcome = solveLinearProgram(this.highs, mip.lp, {
      timeLimitSeconds: this.subSeconds(seconds),
      relax: true,
      shouldStop: () => this.stopped(),
    });
    if (outcome.status === 'optimal') this.raiseBound(outcome.bound);
  }

  /** Solves one neighbourhood as a compact MIP; adopts the answer if its lines pass the rules and cost no more. */
  solve(hood: Neighbourhood, seconds: number, relativeGap = 1e-6): 'optimal' | 'limit' | 'infeasible' {
    const mip = buildRosterMip(this.model, this.lines, hood);
    const outcome = solveLinearProgram(this.highs, mip.lp, {
      timeLimitSeconds: this.limits.deadline === undefined ? FALLBACK_SECONDS : this.subSeconds(seconds),
      maxNodes: this.deterministic ? NODE_LIMIT : undefined,
      relativeGap,
      start: mip.start,
      shouldStop: () => this.stopped(),
    });
    if (!outcome.values) return outcome.status === 'infeasible' ? 'infeasible' : 'limit';
    const candidate = copyLines(this.lines);
    mip.decode(outcome.values).forEach((line, k) => (candidate[hood.agents[k]] = line));
    this.adopt(candidate, hood.agents);
    return outcome.status === 'optimal' ? 'optimal' : 'limit';
  }

  /** Re-plans a few agents over the whole horizon by pricing their lines (see `replanAgents`). */
  replan(agents: number[], seconds: number): 'optimal' | 'limit' {
    const { lines, closed } = replanAgents(this.highs, this.model, this.lines, agents, {
      seconds: this.limits.deadline === undefined ? seconds : this.subSeconds(seconds),
      maxRounds: REPLAN_ROUNDS,
      deterministic: this.deterministic,
      shouldStop: () => this.stopped(),
      now: this.now,
      pricing: this.neighbourhoodPricing(this.model),
      pool: this.pricedPool,
    });
    if (lines) this.adopt(lines, agents);
    return closed ? 'optimal' : 'limit';
  }

  /** `count` agents kicked (none: a plain descent), then everyone re-planned alone (`kickAndDescend`); true when cheaper. */
  kick(count: number, exact: boolean): boolean {
    const before = this.cost;
    const lines = kickAndDescend(this.model, this.lines, this.random, {
      count,
      shouldStop: () => this.stopped(),
      maxLabels: exact ? undefined : labelBudget(this.model),
    });
    this.adopt(lines, this.everyone());
    return this.cost < before - 1e-9;
  }

  /**
   * Agents of `order` re-planned alone against the others, one after the other, until `agents`
   * are done or (timed runs) `seconds` pass; how many were.
   */
  respond(order: readonly number[], exact: boolean, budget: { seconds: number; agents: number }): number {
    const until = this.now() + budget.seconds * 1000;
    const responses = bestResponses(this.model, this.lines, order.slice(0, budget.agents), {
      shouldStop: () => this.stopped(),
      pauseBefore: () => !this.deterministic && this.now() >= until,
      maxLabels: exact ? undefined : labelBudget(this.model),
    });
    if (responses.changed.length > 0) this.adopt(responses.lines, responses.changed);
    return responses.visited;
  }

  /**
   * Every agent in turn re-planned alone against the others, sweep after sweep, until a sweep gains
   * nothing or (timed runs) `seconds` pass: the cheap part of what the construction left.
   */
  descend(exact: boolean, seconds: number): void {
    const until = this.now() + seconds * 1000;
    const order = this.everyone();
    for (;;) {
      const before = this.cost;
      const visited = this.respond(order, exact, {
        seconds: Math.max(0, (until - this.now()) / 1000),
        agents: order.length,
      });
      if (visited < order.length || this.cost >= before - 1e-9) return;
    }
  }

  everyone(): number[] {
    return this.model.agents.map((_, a) => a);
  }

  compactColumns(): number {
    return this.model.agents.reduce((sum, agent) => sum + agent.allowed.reduce((n, x) => n + x, 0), 0);
  }

  /** Small instances: the whole model at once, started from the best roster so far. */
  fullMip(share: number): boolean {
    const all = this.model.agents.map((_, a) => a);
    // Counted before building: the model of a year's roster alone takes seconds and a gigabyte.
    if (this.compactColumns() > (this.limits.fullMipMaxColumns ?? 6_000)) return false;
    const mip = buildRosterMip(this.model, this.lines, { agents: all, fromDay: 0, toDay: this.model.days });
    if (mip.lp.columnCount > (this.limits.fullMipMaxColumns ?? 6_000)) return false;
    const outcome = solveLinearProgram(this.highs, mip.lp, {
      timeLimitSeconds:
        this.limits.deadline === undefined ? FALLBACK_SECONDS : this.subSeconds(this.remaining() * share),
      maxNodes: this.deterministic ? NODE_LIMIT : undefined,
      start: mip.start,
      shouldStop: () => this.stopped(),
    });
    this.raiseBound(outcome.bound);
    if (outcome.values) this.adopt(mip.decode(outcome.values), all);
    return outcome.status === 'optimal' && this.lowerBound !== null && this.cost <= this.lowerBound + 1e-6;
  }

  proven(): boolean {
    return this.lowerBound !== null && this.cost <= this.lowerBound + 1e-6;
  }
}
