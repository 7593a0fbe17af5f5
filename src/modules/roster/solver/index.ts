/** Public surface of the roster solver (the roster module codes against these names only). */
export * from './roster-model';
export type {
  ObjectiveTerms,
  RosterAssignment,
  RosterBreak,
  RosterEvaluation,
  RosterRuleViolation,
  RosterSolution,
  SlotCoverage,
  SolveOptions,
  SolveProgress,
} from './roster-result';
export { helperThreadWanted, solveRoster } from './solve-roster';
export { evaluateRoster } from './evaluate-roster';
export { compileRoster } from './compile-roster';
