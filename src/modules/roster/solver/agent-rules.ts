import { OFF, forbiddenAfter, type CompiledAgent, type CompiledRoster, type RosterLines } from './compiled-roster';

export type HardRule =
  | 'assignment-not-allowed'
  | 'locked-assignment'
  | 'forbidden-succession'
  | 'max-shifts-of-type'
  | 'min-minutes'
  | 'max-minutes'
  | 'max-consecutive-work'
  | 'min-consecutive-work'
  | 'min-consecutive-off'
  | 'max-weekends'
  | 'max-work-days'
  | 'supervisor-on-shift';

export interface RuleViolation {
  rule: HardRule;
  agentIds: string[];
  days: number[];
  detail: string;
  /** The numbers of the rule (what was counted, the limit, the shift types) for products to word it. */
  facts?: Record<string, string | number>;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** Neighbour runs longer than this change nothing a rule could ask. */
const RUN_CAP = 64;

interface Run {
  /** Horizon days of the run (clipped to it); a run wholly outside is placed at the edge it ends on. */
  days: number[];
  working: boolean;
  length: number;
  /** Bounded on both sides by the other state (a run cut by an unknown edge is not). */
  inner: boolean;
  /** Some of its days are inside the horizon. */
  inside: boolean;
}

/**
 * Runs of equal working state, joined with the neighbouring weeks' runs at the edges: a known run
 * before day 0 is taken as `days` long behind one day of the other state, so the rules see whole
 * runs where the weeks meet and only an unknown edge leaves a run unchecked.
 */
export function runsOf(line: Int32Array, runBefore = 0, runAfter = 0): Run[] {
  const before = Math.min(RUN_CAP, Math.abs(runBefore));
  const after = Math.min(RUN_CAP, Math.abs(runAfter));
  const working: boolean[] = [];
  if (before > 0) working.push(runBefore < 0, ...new Array<boolean>(before).fill(runBefore > 0));
  const offset = working.length;
  for (const duty of line) working.push(duty !== OFF);
  if (after > 0) working.push(...new Array<boolean>(after).fill(runAfter > 0), runAfter < 0);
  const result: Run[] = [];
  let start = 0;
  for (let i = 1; i <= working.length; i++) {
    if (i < working.length && working[i] === working[start]) continue;
    const from = Math.max(start, offset) - offset;
    const to = Math.min(i, offset + line.length) - offset;
    const inside = from < to;
    const days = inside ? range(from, to) : [start >= offset + line.length ? line.length - 1 : 0];
    result.push({ days, working: working[start], length: i - start, inner: start > 0 && i < working.length, inside });
    start = i;
  }
  return result;
}

/**
 * Every hard rule of one agent's line. This is the one rule checker of the solver: the search
 * refuses any line it flags, and every returned roster passes it.
 */
export function agentLineViolations(model: CompiledRoster, agent: CompiledAgent, line: Int32Array): RuleViolation[] {
  const out: RuleViolation[] = [];
  const add = (rule: HardRule, days: number[], detail: string, facts?: RuleViolation['facts']) =>
    out.push({ rule, agentIds: [agent.id], days, detail, ...(facts ? { facts } : {}) });
  const nDuties = model.duties.length;
  const nShifts = model.shifts.length;
  const perType = new Array<number>(model.typeIds.length).fill(0);
  let minutes = 0;
  for (let d = 0; d < line.length; d++) {
    const duty = line[d];
    if (agent.lockedType[d] >= 0 && (duty === OFF || model.duties[duty].type !== agent.lockedType[d])) {
      add('locked-assignment', [d], `locked to ${model.typeIds[agent.lockedType[d]]}`, {
        lockedShift: model.typeIds[agent.lockedType[d]],
      });
    }
    if (duty === OFF) continue;
    if (!agent.allowed[d * nDuties + duty])
      add('assignment-not-allowed', [d], `${model.shifts[model.duties[duty].shift].label} not allowed`);
    perType[model.duties[duty].type]++;
    minutes += model.duties[duty].minutes;
    const next = d + 1 < line.length ? line[d + 1] : OFF;
    if (next !== OFF && forbiddenAfter(model, d)[model.duties[duty].shift * nShifts + model.duties[next].shift]) {
      add(
        'forbidden-succession',
        [d, d + 1],
        `${model.typeIds[model.duties[duty].type]} then ${model.typeIds[model.duties[next].type]}`,
        { shift: model.typeIds[model.duties[duty].type], next: model.typeIds[model.duties[next].type] },
      );
    }
  }
  perType.forEach((count, t) => {
    if (count > agent.maxShiftsByType[t])
      add('max-shifts-of-type', [], `${count} × ${model.typeIds[t]} > ${agent.maxShiftsByType[t]}`, {
        count,
        limit: agent.maxShiftsByType[t],
        shift: model.typeIds[t],
      });
  });
  if (minutes < agent.minMinutes)
    add('min-minutes', [], `${minutes} min < ${agent.minMinutes}`, { count: minutes, limit: agent.minMinutes });
  const workDays = line.reduce((n, duty) => (duty === OFF ? n : n + 1), 0);
  if (workDays > agent.maxWorkDays)
    add('max-work-days', [], `${workDays} days > ${agent.maxWorkDays}`, { count: workDays, limit: agent.maxWorkDays });
  if (minutes > agent.maxMinutes)
    add('max-minutes', [], `${minutes} min > ${agent.maxMinutes}`, { count: minutes, limit: agent.maxMinutes });
  for (const run of runsOf(line, agent.runBefore, agent.runAfter)) {
    const { days, length, inner } = run;
    // A run wholly in a neighbouring week counts here only where this horizon ends it (its edge day).
    const edge = !run.inside && inner;
    if (run.working && run.inside && length > agent.maxConsecutiveWork)
      add('max-consecutive-work', days, `${length} days in a row`, { count: length, limit: agent.maxConsecutiveWork });
    if (run.working && inner && (run.inside || edge) && length < agent.minConsecutiveWork)
      add('min-consecutive-work', days, `${length} < ${agent.minConsecutiveWork}`, {
        count: length,
        limit: agent.minConsecutiveWork,
      });
    if (!run.working && inner && (run.inside || edge) && length < agent.minConsecutiveOff)
      add('min-consecutive-off', days, `${length} < ${agent.minConsecutiveOff}`, {
        count: length,
        limit: agent.minConsecutiveOff,
      });
  }
  const worked = model.weekends.filter((days) => days.some((d) => line[d] !== OFF));
  if (worked.length > agent.maxWeekends)
    add('max-weekends', worked.flat(), `${worked.length} weekends > ${agent.maxWeekends}`, {
      count: worked.length,
      limit: agent.maxWeekends,
    });
  return out;
}

/** (day, shift type) pairs worked by someone but by no supervisor. */
export function shiftsWithoutSupervisor(model: CompiledRoster, lines: RosterLines): { day: number; type: number }[] {
  if (!model.supervisorRule) return [];
  const missing: { day: number; type: number }[] = [];
  const nTypes = model.typeIds.length;
  for (let d = 0; d < model.days; d++) {
    const worked = new Uint8Array(nTypes);
    const supervised = new Uint8Array(nTypes);
    lines.forEach((line, a) => {
      if (line[d] === OFF) return;
      const type = model.duties[line[d]].type;
      worked[type] = 1;
      if (model.agents[a].supervisor) supervised[type] = 1;
    });
    for (let t = 0; t < nTypes; t++) if (worked[t] && !supervised[t]) missing.push({ day: d, type: t });
  }
  return missing;
}

/** All hard-rule violations of a roster. */
export function rosterViolations(model: CompiledRoster, lines: RosterLines): RuleViolation[] {
  const out = model.agents.flatMap((agent, a) => agentLineViolations(model, agent, lines[a]));
  for (const { day, type } of shiftsWithoutSupervisor(model, lines)) {
    const agentIds = model.agents
      .filter((_, a) => lines[a][day] !== OFF && model.duties[lines[a][day]].type === type)
      .map((x) => x.id);
    out.push({
      rule: 'supervisor-on-shift',
      agentIds,
      days: [day],
      detail: `${model.typeIds[type]} has no supervisor`,
      facts: { shift: model.typeIds[type] },
    });
  }
  return out;
}
