/**
 * The time limit is a promise about the whole job, counted from the request: the roster is stored
 * and the job complete by then. So the solver's own deadline is the limit less what comes after it
 * (hand-back from the thread, repair and scoring, storing the shifts), and what came before it
 * (building the problem, the queue, starting the thread) is already spent.
 */

/** What follows the solver's deadline: its last sub-solve and repair, the hand-back, one transaction. */
export const AFTER_SOLVE_MS = 600;
/** Per agent-day: scoring the roster and writing its shifts and coverage grow with it. */
export const AFTER_SOLVE_PER_AGENT_DAY_MS = 1;
/** A job that waited behind other solves still searches this share of its limit (the promise was lost in the queue). */
export const LEAST_SEARCH_SHARE = 0.25;

export type SolveBudget = {
  /** When the request arrived (epoch ms): the limit is counted from here. */
  requestedAt: number;
  /** The solver must hand its roster back by then. */
  solveBy: number;
  /** The job is complete by then. */
  endsAt: number;
  /** Kept for what follows the solve. */
  reserveMs: number;
};

/** The reserve after the solve for a roster of this size, never more than half the limit. */
export function afterSolveReserveMs(agentDays: number, timeLimitMs: number): number {
  return Math.min(timeLimitMs / 2, AFTER_SOLVE_MS + AFTER_SOLVE_PER_AGENT_DAY_MS * agentDays);
}

/** The budget of a job that starts at `now` for a request made at `requestedAt`. */
export function solveBudget(requestedAt: number, timeLimitMs: number, now: number, agentDays: number): SolveBudget {
  const reserveMs = afterSolveReserveMs(agentDays, timeLimitMs);
  const endsAt = Math.max(requestedAt + timeLimitMs, now + LEAST_SEARCH_SHARE * timeLimitMs + reserveMs);
  return { requestedAt, solveBy: endsAt - reserveMs, endsAt, reserveMs };
}

/** The solver's time limit when it starts at `now`: whatever is left until `solveBy` (starting the thread is spent). */
export function solverLimitMs(solveBy: number, now: number): number {
  return Math.max(1, solveBy - now);
}

/** Progress through the budget (0–1) by the wall clock, so it moves even while the search finds nothing new. */
export function budgetShare(startedAt: number, solveBy: number, now: number): number {
  return solveBy <= startedAt ? 1 : Math.min(1, Math.max(0, (now - startedAt) / (solveBy - startedAt)));
}
