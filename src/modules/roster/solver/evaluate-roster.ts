import { rosterViolations, type RuleViolation } from './agent-rules';
import { OFF, type CompiledRoster, type RosterLines } from './compiled-roster';
import { assignmentsToLines } from './roster-assignments';
import type { RosterProblem } from './roster-model';
import { AgentDays, startMillisOf, type ShiftBlocker } from './shift-permission';
import { coverCounts, evaluateRoster as scoreLines } from './roster-objective';
import type { RosterAssignment, RosterEvaluation, RosterRuleViolation, SlotCoverage } from './roster-result';

/** A blocker as a violation: the rule and, for a manager, what it is about. */
function blockerViolation(agentId: string, day: number, shift: string, b: ShiftBlocker): RosterRuleViolation {
  const out = (detail: string, facts: RosterRuleViolation['facts']) => ({
    rule: b.rule,
    agentIds: [agentId],
    days: [day],
    detail,
    facts,
  });
  switch (b.rule) {
    case 'leave':
    case 'fixed-day-off': {
      if (b.rule === 'leave' && b.fromMinutes !== undefined)
        return out(`${shift} overlaps leave of ${agentId} on day ${b.day} ${b.fromMinutes}–${b.toMinutes} min`, {
          shift,
          leaveDay: b.day,
          fromMinutes: b.fromMinutes,
          toMinutes: b.toMinutes ?? 1440,
        });
      const what = b.rule === 'leave' ? 'is on leave' : 'has a fixed day off';
      return out(b.day === day ? `${agentId} ${what}` : `${shift} runs into day ${b.day}, when ${agentId} ${what}`, {
        shift,
        closedDay: b.day,
      });
    }
    case 'unavailability':
      return out(`${agentId} is unavailable during ${shift}`, {
        shift,
        unavailableDay: b.day,
        fromMinutes: b.fromMinutes ?? 0,
        toMinutes: b.toMinutes ?? 1440,
      });
    case 'min-rest': {
      const n = b.neighbour;
      return out(`rest ${b.restMinutes} min < ${b.minRestMinutes} min next to ${n.shiftTypeId} of day ${n.day}`, {
        shift,
        restMinutes: b.restMinutes,
        minRestMinutes: b.minRestMinutes,
        otherShift: n.shiftTypeId,
        otherDay: n.day,
        otherStartMinutes: n.startMinutes,
        otherLengthMinutes: n.lengthMinutes,
      });
    }
    case 'training':
      return out(`a break of ${shift} falls in booked training`, {
        shift,
        activity: b.activity.title ?? null,
        activityDay: b.activity.day,
        fromMinutes: b.activity.fromMinutes,
        toMinutes: b.activity.toMinutes,
      });
  }
}

/** The specific rule behind "this duty is not allowed that day", as a manager would name it. */
function notAllowedReason(
  problem: RosterProblem,
  model: CompiledRoster,
  lines: RosterLines,
  v: RuleViolation,
  startMillis: (day: number, minutes: number) => number,
): RosterRuleViolation | null {
  const a = model.agents.findIndex((x) => x.id === v.agentIds[0]);
  const agent = problem.agents[a];
  const day = v.days[0];
  const duty = model.duties[lines[a][day]];
  const shift = model.shifts[duty.shift];
  const locked = model.agents[a].lockedType[day];
  const out = (rule: string, detail: string) => ({ rule, agentIds: v.agentIds, days: v.days, detail });
  const days = new AgentDays(problem, agent, startMillis);
  const closed = days.closed(day);
  if (closed) return blockerViolation(agent.id, day, shift.label, closed);
  if (locked === OFF) return out('locked-assignment', 'locked as a day off');
  // A different locked type is already reported by the line checker itself.
  if (locked >= 0 && locked !== duty.type) return null;
  if (duty.skill >= 0 && !agent.skills.includes(model.skills[duty.skill]))
    return out('skill', `${agent.id} lacks skill ${model.skills[duty.skill]}`);
  // A cap of 0 is already reported by the line checker's count of shifts per type.
  if (model.agents[a].maxShiftsByType[duty.type] === 0) return null;
  const lockedSkill = (problem.locked ?? []).find((l) => l.agentId === agent.id && l.day === day)?.skill;
  if (lockedSkill !== undefined && model.skills[duty.skill] !== lockedSkill)
    return out('locked-assignment', `locked to skill ${lockedSkill}`);
  const blocker = days.blocker(day, shift);
  return blocker
    ? blockerViolation(agent.id, day, shift.label, blocker)
    : out('unavailability', `${agent.id} is unavailable during ${shift.label}`);
}

function explain(problem: RosterProblem, model: CompiledRoster, lines: RosterLines): RosterRuleViolation[] {
  const startMillis = startMillisOf(problem);
  return rosterViolations(model, lines)
    .map((v) => (v.rule === 'assignment-not-allowed' ? notAllowedReason(problem, model, lines, v, startMillis) : v))
    .filter((v): v is RosterRuleViolation => v !== null);
}

/** Cover rows are compiled day cover first, then slot demand in order: read them back the same way. */
function coverageOf(
  problem: RosterProblem,
  model: CompiledRoster,
  lines: RosterLines,
): Pick<RosterEvaluation, 'coverage' | 'dayCoverage'> {
  const counts = coverCounts(model, lines);
  let r = 0;
  const dayCoverage = (problem.dayCover ?? [])
    .filter((c) => c.day >= 0 && c.day < model.days)
    .map((c) => ({
      day: c.day,
      shiftTypeId: c.shiftTypeId,
      skill: c.skill ?? null,
      required: c.required,
      scheduled: counts[r++],
    }));
  const coverage: SlotCoverage[] = [];
  for (const demand of problem.slotDemand ?? []) {
    demand.requiredAgents.forEach((slots, day) => {
      if (day >= model.days) return;
      slots.forEach((required, slot) => {
        const scheduled = counts[r] + (model.coverRows[r].carried ?? 0);
        r++;
        coverage.push({ skill: demand.skill ?? null, day, slot, required, scheduled, gap: scheduled - required });
      });
    });
  }
  return { coverage, dayCoverage };
}

/** Objective, hard-rule check and coverage of lines of a compiled problem. */
export function evaluateLines(
  problem: RosterProblem,
  model: CompiledRoster,
  lines: RosterLines,
  extra: RosterRuleViolation[] = [],
): RosterEvaluation {
  const { total, ...terms } = scoreLines(model, lines);
  return {
    objective: { total, terms },
    violations: [...extra, ...explain(problem, model, lines)],
    ...coverageOf(problem, model, lines),
  };
}

/**
 * Scores a given set of assignments (manual edits): the same objective and the hard-rule checker.
 * `compiled` is `compileRoster(problem)` when the caller scores many sets against one problem.
 */
export function evaluateRoster(
  problem: RosterProblem,
  assignments: RosterAssignment[],
  compiled?: CompiledRoster,
): RosterEvaluation {
  const { model, lines, violations } = assignmentsToLines(problem, assignments, compiled);
  return evaluateLines(problem, model, lines, violations);
}
