import type { RosterEvaluation } from 'src/modules/roster/solver';
import { coverShare } from 'src/modules/self-service/cover-share';
import type { TimeOffSettings } from './time-off.settings';

export type Allowance = NonNullable<TimeOffSettings['timeOffAllowances']>[number];
/** Agents already off on a date under one allowance (the requester not counted). */
export type OffCount = { allowance: number; date: string; off: number };
export type AllowanceVerdict =
  { verdict: 'within' | 'ask' } | { verdict: 'over'; allowance: Allowance; date: string; off: number };

/** The allowances that speak for an agent: their team (or every team) and one of their skills (or any). */
export function allowancesFor(
  allowances: Allowance[],
  agent: { teamId: string | null; skills: string[] },
): Allowance[] {
  return allowances.filter(
    (a) => (!a.teamId || a.teamId === agent.teamId) && (!a.skill || agent.skills.includes(a.skill)),
  );
}

/**
 * Within every allowance on every date: approved at once. Beyond a `maxPerDay`: refused. Else (or with
 * no allowance for the agent) the supervisor decides.
 */
export function allowanceVerdict(applicable: Allowance[], counts: OffCount[]): AllowanceVerdict {
  for (const c of counts) {
    const a = applicable[c.allowance];
    if (a.maxPerDay !== undefined && c.off + 1 > a.maxPerDay)
      return { verdict: 'over', allowance: a, date: c.date, off: c.off };
  }
  if (applicable.length === 0) return { verdict: 'ask' };
  return counts.every((c) => c.off + 1 <= applicable[c.allowance].perDay) ? { verdict: 'within' } : { verdict: 'ask' };
}

/** Every freed (day, skill) keeps at least `minPercent` of its requirement covered after the change. */
export function coverageHolds(
  after: Pick<RosterEvaluation, 'coverage' | 'dayCoverage'>,
  freed: { day: number; skill: string | null }[],
  minPercent: number,
): boolean {
  return freed.every((f) => coverShare(after, f.day, f.skill) * 100 >= minPercent - 1e-9);
}
