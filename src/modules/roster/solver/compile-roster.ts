import { DateTime } from 'luxon';
import {
  FREE,
  OFF,
  type CompiledAgent,
  type CompiledRoster,
  type CompiledShift,
  type CoverRow,
  type Duty,
} from './compiled-roster';
import type { RosterAgent, RosterProblem } from './roster-model';
import { expandShiftTypes } from './shift-variants';
import { AgentDays, startMillisOf } from './shift-permission';
import { slotCoverRows } from './slot-cover';

const UNBOUNDED = Number.POSITIVE_INFINITY;

function servedSkills(problem: RosterProblem): { skills: string[]; general: boolean } {
  const named = new Set<string>();
  let general = false;
  for (const { skill } of [...(problem.dayCover ?? []), ...(problem.slotDemand ?? [])]) {
    if (skill === undefined) general = true;
    else named.add(skill);
  }
  if (named.size === 0) general = true;
  return { skills: [...named].sort(), general };
}

function buildDuties(shifts: CompiledShift[], skills: string[], general: boolean): Duty[] {
  const duties: Duty[] = [];
  shifts.forEach((shift, index) => {
    const served = general ? [-1, ...skills.map((_, k) => k)] : skills.map((_, k) => k);
    for (const skill of served) duties.push({ shift: index, type: shift.type, skill, minutes: shift.countedMinutes });
  });
  return duties;
}

function weekendsOf(problem: RosterProblem): number[][] {
  const weekendDays = new Set<number>(problem.horizon.weekendDays ?? [6, 7]);
  const day0 = DateTime.fromISO(problem.horizon.startDate, { zone: problem.horizon.timeZone });
  const weekends: number[][] = [];
  let current: number[] = [];
  for (let d = 0; d < problem.horizon.days; d++) {
    if (weekendDays.has(day0.plus({ days: d }).weekday)) current.push(d);
    else if (current.length > 0) {
      weekends.push(current);
      current = [];
    }
  }
  if (current.length > 0) weekends.push(current);
  return weekends;
}

/** Minutes the shop's clock is ahead of UTC at a wall-clock time of a horizon day. */
function utcOffset(problem: RosterProblem, day: number, minutes: number): number {
  const midnight = DateTime.fromISO(problem.horizon.startDate, { zone: problem.horizon.timeZone }).plus({ days: day });
  return DateTime.fromObject(
    { year: midnight.year, month: midnight.month, day: midnight.day },
    { zone: problem.horizon.timeZone },
  ).plus({ minutes }).offset;
}

/**
 * Banned successions from one day to the next. Rest is measured in real minutes: with a clock
 * change between the end of one shift and the start of the next, it is the wall-clock gap minus
 * the hour the clock jumped forward (or plus the hour it went back); `clockShift` is 0 on other nights.
 */
function forbiddenSuccessions(
  problem: RosterProblem,
  shifts: CompiledShift[],
  clockShift: (a: CompiledShift, b: CompiledShift) => number = () => 0,
): Uint8Array {
  const n = shifts.length;
  const forbidden = new Uint8Array(n * n);
  const minRest = problem.rules?.minRestMinutes;
  for (let a = 0; a < n; a++) {
    const typeA = problem.shiftTypes[shifts[a].type];
    const banned = new Set(typeA.notFollowedBy ?? []);
    for (let b = 0; b < n; b++) {
      const rest =
        1440 +
        shifts[b].startMinutes -
        (shifts[a].startMinutes + shifts[a].lengthMinutes) -
        clockShift(shifts[a], shifts[b]);
      const tooShort = minRest !== undefined && rest < minRest;
      if (tooShort || banned.has(problem.shiftTypes[shifts[b].type].id)) forbidden[a * n + b] = 1;
    }
  }
  return forbidden;
}

/** The nights with a clock change get their own banned successions (only where rest is a rule). */
function forbiddenSuccessionsByDay(problem: RosterProblem, shifts: CompiledShift[]): (Uint8Array | null)[] {
  const days = problem.horizon.days;
  const byDay: (Uint8Array | null)[] = new Array<Uint8Array | null>(days).fill(null);
  if (problem.rules?.minRestMinutes === undefined) return byDay;
  const atMidnight = Array.from({ length: days + 1 }, (_, d) => utcOffset(problem, d, 0));
  for (let d = 0; d + 1 < days; d++) {
    // Shifts of d and d + 1 start before d + 2's midnight: no change of offset until then, no change of rest.
    if (atMidnight[d] === atMidnight[d + 1] && atMidnight[d] === atMidnight[d + 2]) continue;
    const offsets = new Map<string, number>();
    const offsetAt = (day: number, minutes: number) => {
      const key = `${day}:${minutes}`;
      if (!offsets.has(key)) offsets.set(key, utcOffset(problem, day, minutes));
      return offsets.get(key)!;
    };
    byDay[d] = forbiddenSuccessions(
      problem,
      shifts,
      (a, b) => offsetAt(d + 1, b.startMinutes) - offsetAt(d, a.startMinutes),
    );
  }
  return byDay;
}

function compileAgent(
  problem: RosterProblem,
  agent: RosterAgent,
  shifts: CompiledShift[],
  duties: Duty[],
  skills: string[],
  startMillis: (day: number, minutes: number) => number,
): CompiledAgent {
  const days = problem.horizon.days;
  const typeIds = problem.shiftTypes.map((t) => t.id);
  const contract = agent.contract;
  const maxShiftsByType = typeIds.map((id) => contract.maxShiftsByType?.[id] ?? UNBOUNDED);
  const agentDays = new AgentDays(problem, agent, startMillis);
  const lockedType = new Int32Array(days).fill(FREE);
  const lockedSkill = new Int32Array(days).fill(-1);
  for (const lock of problem.locked ?? []) {
    if (lock.agentId !== agent.id || lock.day < 0 || lock.day >= days) continue;
    lockedType[lock.day] = lock.shiftTypeId === null ? OFF : typeIds.indexOf(lock.shiftTypeId);
    if (lock.skill !== undefined) lockedSkill[lock.day] = skills.indexOf(lock.skill);
  }
  const agentSkills = new Set(agent.skills.map((s) => skills.indexOf(s)).filter((k) => k >= 0));
  const allowed = new Uint8Array(days * duties.length);
  for (let d = 0; d < days; d++) {
    if (agentDays.closed(d) || lockedType[d] === OFF) continue;
    const open = new Map<number, boolean>();
    const shiftOpen = (s: number) => {
      if (!open.has(s)) open.set(s, agentDays.blocker(d, shifts[s]) === null);
      return open.get(s)!;
    };
    duties.forEach((duty, u) => {
      if (duty.skill >= 0 && !agentSkills.has(duty.skill)) return;
      if (maxShiftsByType[duty.type] === 0) return;
      if (lockedType[d] >= 0 && (lockedType[d] !== duty.type || (lockedSkill[d] >= 0 && lockedSkill[d] !== duty.skill)))
        return;
      if (!shiftOpen(duty.shift)) return;
      allowed[d * duties.length + u] = 1;
    });
  }
  return {
    id: agent.id,
    supervisor: agent.supervisor ?? false,
    minMinutes: contract.minMinutes,
    maxMinutes: contract.maxMinutes,
    maxShiftsByType,
    maxWorkDays: contract.maxWorkDays ?? UNBOUNDED,
    minConsecutiveWork: contract.minConsecutiveWorkDays ?? 1,
    maxConsecutiveWork: contract.maxConsecutiveWorkDays ?? UNBOUNDED,
    minConsecutiveOff: contract.minConsecutiveDaysOff ?? 1,
    maxWeekends: contract.maxWeekends ?? UNBOUNDED,
    runBefore: runOf(agent.runBefore),
    runAfter: runOf(agent.runAfter),
    allowed,
    lockedType,
    requests: (agent.requests ?? [])
      .filter((r) => r.day >= 0 && r.day < days)
      .map((r) => ({
        day: r.day,
        kind: r.kind,
        type: r.shiftTypeId === undefined ? -1 : typeIds.indexOf(r.shiftTypeId),
        weight: r.weight,
      })),
  };
}

/** A neighbour run as the rules read it: a count of days, positive when worked, negative when off, 0 unknown. */
function runOf(run: RosterAgent['runBefore']): number {
  if (!run || run.days <= 0) return 0;
  return run.working ? Math.floor(run.days) : -Math.floor(run.days);
}

function dayCoverRows(problem: RosterProblem, duties: Duty[], skills: string[]): CoverRow[] {
  const typeIds = problem.shiftTypes.map((t) => t.id);
  return (problem.dayCover ?? [])
    .filter((c) => c.day >= 0 && c.day < problem.horizon.days)
    .map((c) => {
      const type = typeIds.indexOf(c.shiftTypeId);
      const skill = c.skill === undefined ? -1 : skills.indexOf(c.skill);
      const cells: number[] = [];
      duties.forEach((duty, u) => {
        if (duty.type === type && (skill < 0 || duty.skill === skill)) cells.push(c.day * duties.length + u);
      });
      const label = `${c.shiftTypeId}${c.skill ? `/${c.skill}` : ''} day ${c.day}`;
      return { label, day: c.day, required: c.required, underWeight: c.underWeight, overWeight: c.overWeight, cells };
    });
}

/**
 * Turns the product's problem into the solver's indexed form. `extraShifts` (appended after the
 * expanded templates) lets a hand-edited roster with its own break times be scored as it is.
 */
export function compileRoster(problem: RosterProblem, extraShifts: CompiledShift[] = []): CompiledRoster {
  const slotMinutes = problem.horizon.slotMinutes ?? 30;
  const shifts = [...expandShiftTypes(problem.shiftTypes, slotMinutes), ...extraShifts];
  const { skills, general } = servedSkills(problem);
  const duties = buildDuties(shifts, skills, general);
  const coverRows = [
    ...dayCoverRows(problem, duties, skills),
    ...slotCoverRows(
      problem.horizon,
      problem.slotDemand ?? [],
      shifts,
      duties,
      (s) => (s === undefined ? -1 : skills.indexOf(s)),
      problem.neighbourShifts,
    ),
  ];
  const startMillis = startMillisOf(problem);
  const cellRows: number[][] = Array.from({ length: problem.horizon.days * duties.length }, () => []);
  coverRows.forEach((row, r) => row.cells.forEach((cell) => cellRows[cell].push(r)));
  return {
    days: problem.horizon.days,
    typeIds: problem.shiftTypes.map((t) => t.id),
    lateTypes: problem.shiftTypes.map((t) => t.late ?? false),
    skills,
    shifts,
    duties,
    forbiddenNext: forbiddenSuccessions(problem, shifts),
    forbiddenNextAfter: forbiddenSuccessionsByDay(problem, shifts),
    weekends: weekendsOf(problem),
    agents: problem.agents.map((a) => compileAgent(problem, a, shifts, duties, skills, startMillis)),
    coverRows,
    cellRows,
    supervisorRule: problem.rules?.supervisorOnEveryShift ?? false,
    lateFairnessWeight: problem.weights?.lateFairness ?? 0,
    weekendFairnessWeight: problem.weights?.weekendFairness ?? 0,
  };
}
