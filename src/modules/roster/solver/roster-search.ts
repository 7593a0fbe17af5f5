import type { Highs } from 'highs';
import { agentLineViolations, shiftsWithoutSupervisor } from './agent-rules';
import { OFF, copyLines, type CompiledRoster, type RosterLines } from './compiled-roster';
import { solveLinearProgram } from './linear-program';
import { priceAndBranch } from './price-and-branch';
import { agentsToReplan, replanAgents } from './priced-neighbourhood';
import { buildRosterMip, type Neighbourhood } from './roster-mip';
import { searchCost } from './roster-objective';
import { sampleIndices, seededRandom } from 'src/platform/random/seeded-random';

export type SearchPhase = 'bound' | 'price' | 'construct' | 'full-mip' | 'improve' | 'done';

export interface SearchProgress {
  phase: SearchPhase;
  iteration: number;
  seconds: number;
  objective: number | null;
  lowerBound: number | null;
}

export interface SearchLimits {
  /** Wall-clock end (ms since epoch); none in iteration mode. */
  deadline?: number;
  /** Improvement iterations; when set every sub-solve is node-limited, so runs repeat exactly (unless the deadline cuts in). */
  maxIterations?: number;
  seed: number;
  signal?: AbortSignal;
  /** Polled like `signal` (a flag another thread sets: a worker's event loop is blocked by the search). */
  stopRequested?: () => boolean;
  onProgress?: (progress: SearchProgress) => void;
  /** Cover duals of a relaxation (the aggregate cover LP): where column generation starts. */
  dualGuess?: Float64Array;
  /** Models up to this many columns are first solved whole. Default 6,000. */
  fullMipMaxColumns?: number;
}

export interface SearchOutcome {
  lines: RosterLines;
  cost: number;
  lowerBound: number | null;
  provenOptimal: boolean;
  iterations: number;
  stoppedBy: 'optimal' | 'time-limit' | 'iteration-limit' | 'aborted';
  /** Agents whose own rules could not be met by any line (they are left off). */
  agentsWithoutLine: number[];
}

const NODE_LIMIT = 2_000;
const FALLBACK_SECONDS = 120;
const PRICED_FULL_MIP_COLUMNS = 1_500;
const REPLAN_ROUNDS = 20;
/** Column generation, the dive and the integer master get this share; the neighbourhood search the rest. */
const PRICE_SHARE = 0.5;

interface Clock {
  started: number;
  now(): number;
}

class Search {
  private readonly random: () => number;
  private readonly clock: Clock = { started: Date.now(), now: () => Date.now() };
  lines: RosterLines;
  cost: number;
  lowerBound: number | null = null;
  iterations = 0;
  private agentCount: number;
  private windowDays: number;
  private replanCount: number;
  /** Agents may be re-planned by pricing their lines (the supervisor rule is not in the line master). */
  private readonly priced: boolean;
  /** The line master holds the whole objective (no fairness terms), so pricing is the better re-plan. */
  private readonly pricedWhole: boolean;

  constructor(
    private readonly highs: Highs,
    private readonly model: CompiledRoster,
    private readonly limits: SearchLimits,
  ) {
    this.random = seededRandom(limits.seed);
    this.lines = model.agents.map(() => new Int32Array(model.days).fill(OFF));
    this.cost = searchCost(model, this.lines);
    this.agentCount = Math.min(model.agents.length, 3);
    this.windowDays = Math.min(model.days, 7);
    this.replanCount = Math.min(model.agents.length, 6);
    this.priced = !model.supervisorRule;
    this.pricedWhole = this.priced && model.lateFairnessWeight === 0 && model.weekendFairnessWeight === 0;
  }

  seconds(): number {
    return (this.clock.now() - this.clock.started) / 1000;
  }

  stopped(): boolean {
    if (this.limits.signal?.aborted || this.limits.stopRequested?.()) return true;
    return this.limits.deadline !== undefined && this.clock.now() >= this.limits.deadline;
  }

  remaining(): number {
    return this.limits.deadline === undefined ? FALLBACK_SECONDS : Math.max(0, (this.limits.deadline - this.clock.now()) / 1000);
  }

  report(phase: SearchPhase): void {
    this.limits.onProgress?.({ phase, iteration: this.iterations, seconds: this.seconds(), objective: this.cost, lowerBound: this.lowerBound });
  }

  /** Solves one neighbourhood; adopts the answer if its lines pass the rules and cost no more. */
  solve(hood: Neighbourhood, seconds: number, relativeGap = 1e-6): 'optimal' | 'limit' | 'infeasible' {
    const mip = buildRosterMip(this.model, this.lines, hood);
    const outcome = solveLinearProgram(this.highs, mip.lp, {
      timeLimitSeconds: this.limits.deadline === undefined ? FALLBACK_SECONDS : Math.min(seconds, this.remaining()),
      maxNodes: this.limits.maxIterations !== undefined ? NODE_LIMIT : undefined,
      relativeGap,
      start: mip.start,
      shouldStop: () => this.stopped(),
    });
    if (!outcome.values) return outcome.status === 'infeasible' ? 'infeasible' : 'limit';
    const candidate = copyLines(this.lines);
    mip.decode(outcome.values).forEach((line, k) => (candidate[hood.agents[k]] = line));
    const valid = hood.agents.every((a) => agentLineViolations(this.model, this.model.agents[a], candidate[a]).length === 0);
    const cost = searchCost(this.model, candidate);
    if (valid && cost <= this.cost + 1e-9) {
      this.lines = candidate;
      this.cost = cost;
    }
    return outcome.status === 'optimal' ? 'optimal' : 'limit';
  }

  /** Re-plans a few agents by pricing their lines (see `replanAgents`); adopts the answer when it costs no more. */
  replan(agents: number[], seconds: number): 'optimal' | 'limit' {
    const { lines, closed } = replanAgents(this.highs, this.model, this.lines, agents, {
      seconds: this.limits.deadline === undefined ? seconds : Math.min(seconds, this.remaining()),
      maxRounds: REPLAN_ROUNDS,
      deterministic: this.limits.maxIterations !== undefined,
      shouldStop: () => this.stopped(),
    });
    if (lines && agents.every((a) => agentLineViolations(this.model, this.model.agents[a], lines[a]).length === 0)) {
      const cost = searchCost(this.model, lines);
      if (cost <= this.cost + 1e-9) {
        this.lines = lines;
        this.cost = cost;
      }
    }
    return closed ? 'optimal' : 'limit';
  }

  lpBound(seconds: number): void {
    const all = this.model.agents.map((_, a) => a);
    const mip = buildRosterMip(this.model, this.lines, { agents: all, fromDay: 0, toDay: this.model.days });
    if (mip.lp.columnCount > 60_000) return;
    const outcome = solveLinearProgram(this.highs, mip.lp, { timeLimitSeconds: Math.min(seconds, this.remaining()), relax: true });
    if (outcome.status === 'optimal' && outcome.bound !== null) this.lowerBound = Math.max(this.lowerBound ?? outcome.bound, outcome.bound);
  }

  /** Column generation and the integer master over its lines: a strong bound and a first roster. */
  price(share: number): { priced: boolean; converged: boolean } {
    const seconds = this.limits.deadline === undefined ? FALLBACK_SECONDS : this.remaining() * share;
    const priced = priceAndBranch(this.highs, this.model, this.lines, {
      seconds,
      deterministic: this.limits.maxIterations !== undefined,
      dualGuess: this.limits.dualGuess,
      redive: this.compactColumns() > PRICED_FULL_MIP_COLUMNS,
      shouldStop: () => this.stopped(),
    });
    if (priced.bound !== null) this.lowerBound = Math.max(this.lowerBound ?? priced.bound, priced.bound);
    if (!priced.lines || priced.lines.some((line, a) => agentLineViolations(this.model, this.model.agents[a], line).length > 0)) {
      return { priced: false, converged: priced.converged };
    }
    this.lines = priced.lines;
    this.cost = searchCost(this.model, this.lines);
    return { priced: true, converged: priced.converged };
  }

  /** Agents a few at a time, each batch solved exactly against those already placed. */
  construct(): number[] {
    const order = sampleIndices(this.model.agents.length, this.model.agents.length, this.random);
    const withoutLine: number[] = [];
    const batch = 4;
    for (let k = 0; k < order.length; k += batch) {
      const agents = order.slice(k, k + batch);
      const seconds = Math.max(0.5, (this.remaining() * 0.15 * batch) / order.length);
      // Agents still off everywhere break their own minimums, so adopt the batch without comparing costs.
      const before = this.cost;
      this.cost = Number.POSITIVE_INFINITY;
      const status = this.solve({ agents, fromDay: 0, toDay: this.model.days }, seconds, 1e-3);
      if (this.cost === Number.POSITIVE_INFINITY) this.cost = before;
      if (status === 'infeasible' || agents.some((a) => agentLineViolations(this.model, this.model.agents[a], this.lines[a]).length > 0)) {
        for (const a of agents) {
          this.cost = Number.POSITIVE_INFINITY;
          this.solve({ agents: [a], fromDay: 0, toDay: this.model.days }, seconds, 1e-3);
          if (agentLineViolations(this.model, this.model.agents[a], this.lines[a]).length > 0) withoutLine.push(a);
        }
      }
      this.cost = searchCost(this.model, this.lines);
      if (this.stopped()) break;
    }
    return withoutLine;
  }

  compactColumns(): number {
    return this.model.agents.reduce((sum, agent) => sum + agent.allowed.reduce((n, x) => n + x, 0), 0);
  }

  /** Small instances: the whole model at once, started from the constructed roster. */
  fullMip(share: number): boolean {
    const all = this.model.agents.map((_, a) => a);
    const hood = { agents: all, fromDay: 0, toDay: this.model.days };
    const mip = buildRosterMip(this.model, this.lines, hood);
    if (mip.lp.columnCount > (this.limits.fullMipMaxColumns ?? 6_000)) return false;
    const outcome = solveLinearProgram(this.highs, mip.lp, {
      timeLimitSeconds: this.limits.deadline === undefined ? FALLBACK_SECONDS : this.remaining() * share,
      maxNodes: this.limits.maxIterations !== undefined ? NODE_LIMIT : undefined,
      start: mip.start,
      shouldStop: () => this.stopped(),
    });
    if (outcome.bound !== null) this.lowerBound = Math.max(this.lowerBound ?? outcome.bound, outcome.bound);
    if (outcome.values) {
      const candidate = mip.decode(outcome.values);
      const valid = candidate.every((line, a) => agentLineViolations(this.model, this.model.agents[a], line).length === 0);
      const cost = searchCost(this.model, candidate);
      if (valid && cost <= this.cost) {
        this.lines = candidate;
        this.cost = cost;
      }
    }
    return outcome.status === 'optimal' && this.lowerBound !== null && this.cost <= this.lowerBound + 1e-6;
  }

  /** Large-neighbourhood search: a few agents over the whole horizon, or everyone over a window of days. */
  improve(): void {
    const n = this.model.agents.length;
    const days = this.model.days;
    while (!this.stopped() && (this.limits.maxIterations === undefined || this.iterations < this.limits.maxIterations)) {
      this.iterations++;
      const byAgents = this.random() < 0.6 || days <= this.windowDays;
      const before = this.cost;
      // With fairness terms (not in the master) the compact model gets every other turn.
      if (byAgents && this.priced && (this.pricedWhole || this.random() < 0.5)) {
        const status = this.replan(agentsToReplan(this.model, this.lines, this.replanCount, this.random), 1);
        this.replanCount = resized(this.replanCount, status, this.cost >= before, 2, n);
      } else if (byAgents) {
        const status = this.solve({ agents: sampleIndices(n, this.agentCount, this.random), fromDay: 0, toDay: days }, 3);
        this.agentCount = resized(this.agentCount, status, this.cost >= before, 2, n);
      } else {
        const from = Math.floor(this.random() * (days - this.windowDays + 1));
        const everyone = sampleIndices(n, n, this.random).sort((a, b) => a - b);
        const status = this.solve({ agents: everyone, fromDay: from, toDay: from + this.windowDays }, 3);
        this.windowDays = resized(this.windowDays, status, this.cost >= before, 3, days);
      }
      if (this.iterations % 5 === 0 || this.cost < before) this.report('improve');
      if (this.lowerBound !== null && this.cost <= this.lowerBound + 1e-6) break;
    }
  }
}

/** Grows a neighbourhood the solver closes easily without gain, shrinks one it cannot close. */
function resized(size: number, status: 'optimal' | 'limit' | 'infeasible', noGain: boolean, min: number, max: number): number {
  if (status === 'optimal' && noGain) return Math.min(max, size + 1);
  if (status === 'limit') return Math.max(min, size - 1);
  return size;
}

/** Anytime search: construction, whole-model MIP when small, then large-neighbourhood search. */
export function searchRoster(highs: Highs, model: CompiledRoster, limits: SearchLimits): SearchOutcome {
  const search = new Search(highs, model, limits);
  const { priced, converged } = search.price(PRICE_SHARE);
  search.report('price');
  // The compact LP's bound is weaker than converged column generation's; otherwise it may add to it.
  if (!converged && !search.stopped()) {
    search.lpBound(Math.min(10, search.remaining() * 0.1));
    search.report('bound');
  }
  // The line master leaves the supervisor rule out: re-place agents batch by batch when it bites.
  const agentsWithoutLine = priced && shiftsWithoutSupervisor(model, search.lines).length === 0 ? [] : search.construct();
  search.report('construct');
  let provenOptimal = search.lowerBound !== null && search.cost <= search.lowerBound + 1e-6;
  // After a priced roster the compact model only pays on small instances (it proves their optimum).
  if (!search.stopped() && !provenOptimal && (!priced || search.compactColumns() <= PRICED_FULL_MIP_COLUMNS)) {
    provenOptimal = search.fullMip(0.5);
    search.report('full-mip');
  }
  if (!provenOptimal) search.improve();
  provenOptimal ||= search.lowerBound !== null && search.cost <= search.lowerBound + 1e-6;
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
  };
}
