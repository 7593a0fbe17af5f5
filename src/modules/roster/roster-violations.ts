import type { StoredSolve } from './roster-view';
import type { RosterEvaluation, RosterRuleViolation } from './solver';

/** One broken rule: the same rule for the same agents on the same days. */
export const ruleKey = (v: Pick<RosterRuleViolation, 'rule' | 'agentIds' | 'days'>) =>
  `${v.rule}|${[...v.agentIds].sort().join(',')}|${[...v.days].sort().join(',')}`;

/** The rule for the same agents, whatever the days (an infeasibility names the days it could, not those it hit). */
const ruleOfAgents = (v: Pick<RosterRuleViolation, 'rule' | 'agentIds'>) =>
  `${v.rule}|${[...v.agentIds].sort().join(',')}`;

/**
 * What a version may still break when it is published: only what its solve could never keep (the
 * solver's own violations and infeasibilities). Rosters solved before those were stored accept what
 * their version already broke.
 */
export function acceptedViolations(solve: StoredSolve | null, evaluation: RosterEvaluation | null): Set<string> {
  if (solve?.violations === undefined) return new Set([...(evaluation?.violations ?? []).map(ruleOfAgents)]);
  return new Set([...solve.violations, ...(solve.infeasibilities ?? [])].map(ruleOfAgents));
}

export function brokenRules(violations: RosterRuleViolation[], accepted: Set<string>): RosterRuleViolation[] {
  return violations.filter((v) => !accepted.has(ruleOfAgents(v)));
}
