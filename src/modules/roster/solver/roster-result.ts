/** What the solver hands back, and what a manual edit is scored with (the roster module's contract). */

/**
 * A break of an assignment; `startMinutes` are local clock minutes after the day's midnight.
 * `offsetMinutes`, real minutes after the shift's start, is what counts when given: the clock alone
 * cannot tell the two passes of the hour a clock change repeats.
 */
export interface RosterBreak {
  name: string;
  startMinutes: number;
  minutes: number;
  offsetMinutes?: number;
}

export interface RosterAssignment {
  agentId: string;
  day: number;
  shiftTypeId: string;
  /** Local wall-clock minutes after midnight of `day` (only the end may run past the day). */
  startMinutes: number;
  lengthMinutes: number;
  skill?: string;
  breaks: RosterBreak[];
}

/** A hard rule broken (or, in `infeasibilities`, one that cannot be kept): which rule, agents and days. */
export interface RosterRuleViolation {
  rule: string;
  agentIds: string[];
  days: number[];
  /** The engine's own wording (English, ids): products name people and shifts from `facts`. */
  detail: string;
  /** The numbers and the other party of the rule (the shift, the rest and the minimum, the day of leave …). */
  facts?: Record<string, string | number | boolean | null>;
}

/** Per-slot demand against scheduled agents; gap = scheduled − required. */
export interface SlotCoverage {
  skill: string | null;
  day: number;
  slot: number;
  required: number;
  scheduled: number;
  gap: number;
}

export interface ObjectiveTerms {
  underCover: number;
  overCover: number;
  requests: number;
  lateFairness: number;
  weekendFairness: number;
}

export interface RosterEvaluation {
  objective: { total: number; terms: ObjectiveTerms };
  /** Hard rules broken (empty for a valid roster). */
  violations: RosterRuleViolation[];
  /** Per-slot demand only (empty when the problem has only day cover). */
  coverage: SlotCoverage[];
  dayCoverage: { day: number; shiftTypeId: string; skill: string | null; required: number; scheduled: number }[];
}

export interface RosterSolution extends RosterEvaluation {
  assignments: RosterAssignment[];
  lowerBound: number | null;
  /** (total − lowerBound) / max(1, total). */
  gap: number | null;
  stoppedBy: 'optimal' | 'time-limit' | 'iteration-limit' | 'aborted';
  seconds: number;
  /** Seconds until the search held its first roster keeping every hard rule (null when it never did). */
  firstRosterSeconds?: number | null;
  /** Hard rules that cannot be met: which rule, agents, days. */
  infeasibilities: RosterRuleViolation[];
}

export interface SolveProgress {
  phase: string;
  seconds: number;
  objective: number | null;
  lowerBound: number | null;
}

export interface SolveOptions {
  timeLimitMs: number;
  seed?: number;
  signal?: AbortSignal;
  /** Polled between sub-solves like `signal`; for a flag set from another thread (stop on request). */
  stopRequested?: () => boolean;
  onProgress?: (p: SolveProgress) => void;
  /**
   * Extension of the contract: stop after this many improvement iterations. Sub-solves are then
   * node-limited, so a seed gives the same roster on any machine (the time limit stays a safety net).
   */
  maxIterations?: number;
  /** The clock (ms since epoch) the time limit is kept by; default `Date.now` (tests inject a fake one). */
  now?: () => number;
  /**
   * Prove the integer cover bound on a second thread during a timed solve; default: for large
   * rosters only. Never in repeatable runs (`maxIterations`).
   */
  coverBoundThread?: boolean;
  /**
   * Run a second search with another seed on a thread of its own and keep the better roster;
   * default: timed solves of 10 s or more on the real clock whose roster gets no cover-bound thread.
   * Never in repeatable runs (`maxIterations`) or with an injected clock (`now`).
   */
  secondSearch?: boolean;
}
