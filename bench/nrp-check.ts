/**
 * Independent checker of a Curtois & Qu roster: reads only the instance and a grid of shift IDs
 * (nothing from the solver), counts hard-rule breaches and computes the instance's own objective.
 * Boundary reading as in the bench-data README: minimum runs bind only runs touching neither end.
 */
import type { NrpInstance } from './nrp-format';

/** grid[employee][day] = shift ID or null, employees in the instance's order. */
export type NrpGrid = (string | null)[][];

/** Where the objective comes from: the four weighted terms (they sum to it) and the cover places short. */
export interface NrpObjectiveTerms {
  onRequests: number;
  offRequests: number;
  underCover: number;
  overCover: number;
  shortPlaces: number;
  /** Places short on Saturdays and Sundays (day 5 and 6 of each week: the horizon starts on a Monday). */
  weekendShortPlaces: number;
}

export interface NrpCheck {
  objective: number;
  terms: NrpObjectiveTerms;
  violations: string[];
}

function runsOf(row: (string | null)[]): { start: number; length: number; working: boolean }[] {
  const runs: { start: number; length: number; working: boolean }[] = [];
  row.forEach((cell, d) => {
    const working = cell !== null;
    const last = runs[runs.length - 1];
    if (last && last.working === working) last.length++;
    else runs.push({ start: d, length: 1, working });
  });
  return runs;
}

/** One shift of a roster as the solver hands it back (the agent is the staff member's ID). */
export interface NrpShiftOn {
  agentId: string;
  day: number;
  shiftTypeId: string;
}

/** The grid of a roster's shifts, and a breach for every second shift of one employee on one day (a grid holds one). */
export function gridOfShifts(
  instance: NrpInstance,
  shifts: readonly NrpShiftOn[],
): { grid: NrpGrid; doubled: string[] } {
  const row = new Map(instance.staff.map((member, e) => [member.id, e]));
  const grid: NrpGrid = instance.staff.map(() => new Array<string | null>(instance.days).fill(null));
  const doubled: string[] = [];
  for (const a of shifts) {
    const e = row.get(a.agentId)!;
    if (grid[e][a.day] !== null) doubled.push(`employee ${a.agentId}: two shifts on day ${a.day}`);
    grid[e][a.day] = a.shiftTypeId;
  }
  return { grid, doubled };
}

export function checkNrpRoster(instance: NrpInstance, grid: NrpGrid): NrpCheck {
  const violations: string[] = [];
  const minutesOf = new Map(instance.shifts.map((s) => [s.id, s.minutes]));
  const cannotFollow = new Map(instance.shifts.map((s) => [s.id, new Set(s.cannotFollow)]));
  instance.staff.forEach((staff, e) => {
    const row = grid[e];
    const who = `employee ${staff.id}`;
    if (row.length !== instance.days) violations.push(`${who}: ${row.length} days, expected ${instance.days}`);
    const counts = new Map<string, number>();
    let minutes = 0;
    row.forEach((shift, d) => {
      if (shift === null) return;
      if (!minutesOf.has(shift)) violations.push(`${who}: unknown shift ${shift} on day ${d}`);
      counts.set(shift, (counts.get(shift) ?? 0) + 1);
      minutes += minutesOf.get(shift) ?? 0;
      const next = row[d + 1];
      if (next !== null && next !== undefined && cannotFollow.get(shift)?.has(next))
        violations.push(`${who}: ${next} follows ${shift} on day ${d + 1}`);
    });
    for (const [shift, count] of counts) {
      if (count > (staff.maxShifts[shift] ?? 0))
        violations.push(`${who}: ${count} × ${shift} > ${staff.maxShifts[shift] ?? 0}`);
    }
    if (minutes > staff.maxTotalMinutes) violations.push(`${who}: ${minutes} min > max ${staff.maxTotalMinutes}`);
    if (minutes < staff.minTotalMinutes) violations.push(`${who}: ${minutes} min < min ${staff.minTotalMinutes}`);
    for (const run of runsOf(row)) {
      const inner = run.start > 0 && run.start + run.length < instance.days;
      if (run.working && run.length > staff.maxConsecutiveShifts)
        violations.push(`${who}: ${run.length} shifts in a row from day ${run.start}`);
      if (run.working && inner && run.length < staff.minConsecutiveShifts)
        violations.push(`${who}: only ${run.length} shifts in a row from day ${run.start}`);
      if (!run.working && inner && run.length < staff.minConsecutiveDaysOff)
        violations.push(`${who}: only ${run.length} days off from day ${run.start}`);
    }
    let weekends = 0;
    for (let sat = 5; sat < instance.days; sat += 7)
      if (row[sat] !== null || (sat + 1 < instance.days && row[sat + 1] !== null)) weekends++;
    if (weekends > staff.maxWeekends) violations.push(`${who}: ${weekends} weekends > ${staff.maxWeekends}`);
    for (const d of instance.daysOff.get(staff.id) ?? [])
      if (row[d] !== null) violations.push(`${who}: works on day off ${d}`);
  });
  const index = new Map(instance.staff.map((s, e) => [s.id, e]));
  const terms: NrpObjectiveTerms = {
    onRequests: 0,
    offRequests: 0,
    underCover: 0,
    overCover: 0,
    shortPlaces: 0,
    weekendShortPlaces: 0,
  };
  for (const r of instance.onRequests)
    if (grid[index.get(r.employee)!][r.day] !== r.shift) terms.onRequests += r.weight;
  for (const r of instance.offRequests)
    if (grid[index.get(r.employee)!][r.day] === r.shift) terms.offRequests += r.weight;
  for (const c of instance.cover) {
    const on = grid.filter((row) => row[c.day] === c.shift).length;
    const short = Math.max(0, c.requirement - on);
    terms.shortPlaces += short;
    if (c.day % 7 >= 5) terms.weekendShortPlaces += short;
    terms.underCover += short * c.underWeight;
    terms.overCover += Math.max(0, on - c.requirement) * c.overWeight;
  }
  const objective = terms.onRequests + terms.offRequests + terms.underCover + terms.overCover;
  return { objective, terms, violations };
}
