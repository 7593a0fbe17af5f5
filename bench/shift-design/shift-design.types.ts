/**
 * Minimum shift design (Musliu, Schaerf, Slany; objective of Di Gaspero et al. 2007): turn
 * per-slot required agents into shifts (start, length) and how many agents start each on each day.
 * Everything is in local slot indices; the caller maps slots to wall-clock time.
 */

/** The slot grid: `days × slotsPerDay` slots; a cyclic week wraps its last night into day 0. */
export interface SlotHorizon {
  days: number;
  slotsPerDay: number;
  slotMinutes: number;
  cyclic: boolean;
}

/** A shift template: start and length windows, in slots; start is counted from the day's first slot. */
export interface ShiftTypeWindow {
  name?: string;
  minStart: number;
  maxStart: number;
  minLength: number;
  maxLength: number;
}

/** Weights of the objective terms, per minute of deviation and per distinct shift. */
export interface ShiftDesignWeights {
  excessPerMinute: number;
  shortagePerMinute: number;
  perDistinctShift: number;
}

export interface ShiftDesignInput {
  horizon: SlotHorizon;
  /** Required agents per slot, index = day × slotsPerDay + slot. */
  requiredAgents: readonly number[];
  shiftTypes: readonly ShiftTypeWindow[];
  /** Defaults: 1 per excess minute, 1 per shortage minute, `slotMinutes` per distinct shift. */
  weights?: Partial<ShiftDesignWeights>;
  /** When false, every slot must be fully covered (shortage is a hard constraint). Default true. */
  shortageAllowed?: boolean;
}

/** One distinct shift of the design and the agents starting it on each day. */
export interface DesignedShift {
  start: number;
  length: number;
  /** Indices into `shiftTypes` whose windows contain this shift. */
  shiftTypes: number[];
  agentsPerDay: number[];
}

/** The objective broken down by term (each term already weighted). */
export interface ShiftDesignObjective {
  total: number;
  excess: number;
  shortage: number;
  distinctShifts: number;
}

/** A design measured against the demand. */
export interface ShiftDesignEvaluation {
  objective: ShiftDesignObjective;
  excessMinutes: number;
  shortageMinutes: number;
  distinctShiftCount: number;
  /** Agents on duty per slot. */
  coverage: number[];
}

export interface ShiftDesignProgress {
  phase: 'construct' | 'improve' | 'mip' | 'done';
  seconds: number;
  objective: number | null;
  lowerBound: number | null;
}

export interface ShiftDesignOptions {
  /** Wall-clock budget for the whole call. Default 10 s. */
  timeLimitSeconds?: number;
  /** Seed of the heuristic's tie-breaking; same seed, same answer (given the same time budget). */
  seed?: number;
  /** Stop the MIP once its relative gap is below this. Default 0 (prove optimal if time allows). */
  mipRelativeGap?: number;
  /** Skip the full MIP when it would have more integer columns than this. Default 12,000. */
  maxMipColumns?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ShiftDesignProgress) => void;
}

/**
 * `optimal`: proven; `time-limit` / `aborted`: best so far; `heuristic-only`: the full MIP was too
 * big and a MIP over a subset of shifts finished (or no MIP ran), so nothing is proven.
 */
export type ShiftDesignStop = 'optimal' | 'time-limit' | 'aborted' | 'heuristic-only';

export interface ShiftDesignResult extends ShiftDesignEvaluation {
  shifts: DesignedShift[];
  /** Proven lower bound on the objective (LP relaxation, or the MIP's dual bound when better). */
  lowerBound: number;
  /** (objective − lowerBound) / objective; 0 when both are 0. */
  gap: number;
  stoppedBy: ShiftDesignStop;
  seconds: number;
  /** When the returned design was found. */
  secondsToBest: number;
}
