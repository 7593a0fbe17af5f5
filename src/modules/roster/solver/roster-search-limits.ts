import type { RosterLines } from './compiled-roster';

/** What a roster search is given (limits, clock, seed, start) and what it hands back. */
export type SearchPhase = 'bound' | 'price' | 'construct' | 'windows' | 'full-mip' | 'improve' | 'done';

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
  /**
   * Improvement iterations. When set, nothing the search decides depends on the clock: every
   * sub-solve is limited by nodes, rounds or iterations, and the deadline only cuts the run short.
   */
  maxIterations?: number;
  seed: number;
  signal?: AbortSignal;
  /** Polled like `signal` (a flag another thread sets: a worker's event loop is blocked by the search). */
  stopRequested?: () => boolean;
  onProgress?: (progress: SearchProgress) => void;
  /**
   * The aggregate cover LP (given at most this many seconds, and stopped when `shouldStop` says so): a
   * bound, and the duals column generation starts from.
   */
  aggregateBound?: (seconds: number, shouldStop: () => boolean) => { bound: number; coverDuals: Float64Array } | null;
  /** When the solve started (ms since epoch), for `firstRosterSeconds`; default when the search starts. */
  startedAt?: number;
  /** A roster to start from (agents breaking their rules in it are placed again). */
  initial?: RosterLines;
  /** The clock (ms since epoch) every time decision reads; default `Date.now` (tests inject one). */
  now?: () => number;
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
  /** Seconds until the first roster keeping every rule. */
  firstRosterSeconds: number | null;
  /** The requests' own bound (part of `lowerBound`; it adds to any bound on the cover terms). */
  requestBound: number | null;
}
