import { agentLineViolations } from './agent-rules';
import { FREE, OFF, type CompiledAgent, type CompiledRoster, type RosterLines } from './compiled-roster';
import { cheapestLine } from './line-pricing';
import { requestCosts } from './marginal-costs';
import type { RosterProblem } from './roster-model';
import type { RosterRuleViolation } from './roster-result';

/**
 * Explains hard rules no roster can keep, instead of failing: an agent whose own rules admit no
 * line (leave against a contract minimum, a lock on a leave day…), demand no agent may serve,
 * shifts no supervisor may work. The search then runs on a model with just that rule eased.
 */

type Relaxation = { rule: string; relax(model: CompiledRoster, agent: CompiledAgent): CompiledAgent };

function mostMinutes(model: CompiledRoster, agent: CompiledAgent): number {
  const costs = requestCosts(model, agent);
  const nDuties = model.duties.length;
  for (let i = 0; i < costs.cell.length; i++)
    if (Number.isFinite(costs.cell[i])) costs.cell[i] = -model.duties[i % nDuties].minutes;
  costs.off.fill(0);
  for (let d = 0; d < model.days; d++) if (agent.lockedType[d] >= 0) costs.off[d] = Number.POSITIVE_INFINITY;
  const best = cheapestLine(model, agent, costs);
  return best ? -best.cost : 0;
}

const RELAXATIONS: Relaxation[] = [
  {
    rule: 'min-minutes',
    relax: (model, agent) => ({
      ...agent,
      minMinutes: Math.min(agent.minMinutes, mostMinutes(model, { ...agent, minMinutes: 0 })),
    }),
  },
  {
    rule: 'locked-assignment',
    relax: (_, agent) => ({ ...agent, lockedType: new Int32Array(agent.lockedType.length).fill(FREE) }),
  },
  { rule: 'min-consecutive-work', relax: (_, agent) => ({ ...agent, minConsecutiveWork: 1 }) },
  { rule: 'min-consecutive-off', relax: (_, agent) => ({ ...agent, minConsecutiveOff: 1 }) },
  { rule: 'max-consecutive-work', relax: (_, agent) => ({ ...agent, maxConsecutiveWork: Number.POSITIVE_INFINITY }) },
  { rule: 'max-weekends', relax: (_, agent) => ({ ...agent, maxWeekends: Number.POSITIVE_INFINITY }) },
  { rule: 'max-work-days', relax: (_, agent) => ({ ...agent, maxWorkDays: Number.POSITIVE_INFINITY }) },
];

/** Labels of the quick check; only when it finds nothing does the exact programme decide. */
const QUICK_LABELS = 500;

/**
 * A line keeping the agent's rules, or null when none exists. A beam finds one in milliseconds
 * for almost every agent; the exact programme (which proves there is none) runs only for the rest.
 */
function feasible(model: CompiledRoster, agent: CompiledAgent): Int32Array | null {
  const costs = requestCosts(model, agent);
  return (
    (cheapestLine(model, agent, costs, { maxLabels: QUICK_LABELS }) ?? cheapestLine(model, agent, costs))?.line ?? null
  );
}

/** Days leave (whole, or part of the day: its instants bar every shift overlapping them), days off or whole-day unavailability take from. */
function closedDays(problem: RosterProblem, a: number): number[] {
  const agent = problem.agents[a];
  const whole = (agent.unavailable ?? []).filter((u) => u.fromMinutes === undefined).map((u) => u.day);
  const parts = (agent.leaveParts ?? []).map((p) => p.day);
  return [...new Set([...(agent.leaveDays ?? []), ...parts, ...(agent.fixedDaysOff ?? []), ...whole])]
    .filter((d) => d >= 0 && d < problem.horizon.days)
    .sort((x, y) => x - y);
}

function explainAgent(
  problem: RosterProblem,
  model: CompiledRoster,
  a: number,
  relaxed: CompiledAgent,
  line: Int32Array,
): RosterRuleViolation[] {
  const agent = model.agents[a];
  return agentLineViolations(model, agent, line).map((v) => {
    if (v.rule === 'min-minutes') {
      const closed = closedDays(problem, a);
      const detail = `${agent.id} needs ${agent.minMinutes} min but at most ${relaxed.minMinutes} min fit${closed.length ? ' around leave / days off' : ''}`;
      return { rule: v.rule, agentIds: v.agentIds, days: closed, detail };
    }
    if (v.rule === 'locked-assignment')
      return {
        ...v,
        detail: `${v.detail}, but ${agent.id} cannot work that day (leave, day off, unavailability or skill)`,
      };
    return { ...v, detail: `cannot be kept: ${v.detail}` };
  });
}

/**
 * Agents whose rules admit no line get the first single relaxation that does (all of them if none
 * does). Agents whose line in `known` (the first roster) keeps their rules are feasible already:
 * on a year's horizon the check costs seconds per agent, so only the others are checked.
 */
export function easeImpossibleAgents(
  problem: RosterProblem,
  model: CompiledRoster,
  known?: RosterLines,
): { model: CompiledRoster; infeasibilities: RosterRuleViolation[] } {
  const infeasibilities: RosterRuleViolation[] = [];
  const agents = model.agents.map((agent, a) => {
    if (known && agentLineViolations(model, agent, known[a]).length === 0) return agent;
    if (feasible(model, agent)) return agent;
    for (const relaxation of RELAXATIONS) {
      const relaxed = relaxation.relax(model, agent);
      const line = feasible(model, relaxed);
      if (line) {
        infeasibilities.push(...explainAgent(problem, model, a, relaxed, line));
        return relaxed;
      }
    }
    const all = RELAXATIONS.reduce((current, r) => r.relax(model, current), agent);
    const line = feasible(model, all) ?? new Int32Array(model.days).fill(OFF);
    infeasibilities.push(...explainAgent(problem, model, a, all, line));
    return all;
  });
  return { model: { ...model, agents }, infeasibilities };
}

/** Demand for a skill no agent has, and demanded shifts no supervisor may work. */
export function demandInfeasibilities(problem: RosterProblem, model: CompiledRoster): RosterRuleViolation[] {
  const out: RosterRuleViolation[] = [];
  const nDuties = model.duties.length;
  const held = new Set(problem.agents.flatMap((a) => a.skills));
  const unserved = new Map<string, Set<number>>();
  const note = (skill: string | undefined, day: number, required: number) => {
    if (skill === undefined || held.has(skill) || required <= 0 || day >= model.days) return;
    unserved.set(skill, (unserved.get(skill) ?? new Set()).add(day));
  };
  for (const c of problem.dayCover ?? []) note(c.skill, c.day, c.required);
  for (const demand of problem.slotDemand ?? [])
    demand.requiredAgents.forEach((slots, day) => note(demand.skill, day, Math.max(0, ...slots)));
  for (const [skill, days] of unserved) {
    out.push({
      rule: 'no-qualified-agent',
      agentIds: [],
      days: [...days].sort((x, y) => x - y),
      detail: `no agent has skill ${skill}, so its demand stays uncovered`,
    });
  }
  const demanded = new Set<number>();
  for (const row of model.coverRows) {
    if (row.required <= 0) continue;
    for (const cell of row.cells)
      demanded.add(Math.floor(cell / nDuties) * model.typeIds.length + model.duties[cell % nDuties].type);
  }
  if (!model.supervisorRule) return out;
  const bySupervisor = new Set<number>();
  const byAnyone = new Set<number>();
  model.agents.forEach((agent) => {
    for (let cell = 0; cell < agent.allowed.length; cell++) {
      if (!agent.allowed[cell]) continue;
      const key = Math.floor(cell / nDuties) * model.typeIds.length + model.duties[cell % nDuties].type;
      byAnyone.add(key);
      if (agent.supervisor) bySupervisor.add(key);
    }
  });
  const missing = new Map<number, number[]>();
  for (const key of demanded) {
    if (!byAnyone.has(key) || bySupervisor.has(key)) continue;
    const type = key % model.typeIds.length;
    missing.set(type, [...(missing.get(type) ?? []), Math.floor(key / model.typeIds.length)]);
  }
  for (const [type, days] of missing) {
    out.push({
      rule: 'supervisor-on-shift',
      agentIds: [],
      days: days.sort((x, y) => x - y),
      detail: `no supervisor may work ${model.typeIds[type]}, so it stays unstaffed`,
    });
  }
  return out;
}

/**
 * Hand-over overlap, checked on the templates as the model defines it: sorted by start, each
 * shift type of the day must still run `handoverMinutes` after the next one starts. Windows use
 * their widest reach, so only templates that can never overlap enough are reported.
 */
export function handoverInfeasibilities(problem: RosterProblem): RosterRuleViolation[] {
  const handover = problem.rules?.handoverMinutes ?? 0;
  if (handover <= 0) return [];
  const spans = problem.shiftTypes
    .map((t) => ({
      id: t.id,
      start: t.startWindow?.earliest ?? t.startMinutes ?? 0,
      latestEnd: (t.startWindow?.latest ?? t.startMinutes ?? 0) + (t.lengthWindow?.max ?? t.lengthMinutes ?? 0),
    }))
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const days = Array.from({ length: problem.horizon.days }, (_, d) => d);
  return spans.slice(1).flatMap((next, k) => {
    const overlap = spans[k].latestEnd - next.start;
    if (overlap >= handover) return [];
    return [
      {
        rule: 'handover',
        agentIds: [],
        days,
        detail: `${spans[k].id} overlaps ${next.id} by ${overlap} min, less than the ${handover} min hand-over`,
      },
    ];
  });
}
