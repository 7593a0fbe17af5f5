/**
 * The solver's own form of a roster problem: everything an index, every rule an array lookup.
 * A roster is one line per agent: `line[day]` is a duty index or OFF.
 */

export const OFF = -1;

/** What an agent does on a day as an index from 0: the duty, or the number of duties for a day off. */
export function dayChoice(model: CompiledRoster, duty: number): number {
  return duty === OFF ? model.duties.length : duty;
}

/** No lock on this day. */
export const FREE = -2;

export interface PlacedBreak {
  name: string;
  /** Minutes after the shift start. */
  offsetMinutes: number;
  minutes: number;
}

/** A concrete shift: one start, one length, one placement of its breaks. */
export interface CompiledShift {
  type: number;
  startMinutes: number;
  lengthMinutes: number;
  /** Minutes counted towards the contract (length minus unpaid breaks). */
  countedMinutes: number;
  breaks: PlacedBreak[];
  label: string;
}

/** What an agent does on a day: a concrete shift serving one skill (-1 = no particular skill). */
export interface Duty {
  shift: number;
  type: number;
  skill: number;
  minutes: number;
}

/** One demand row: agents counted over `cells` (day × duties.length + duty) against `required`. */
export interface CoverRow {
  label: string;
  day: number;
  /** What this horizon must still cover: the demand less `carried`. */
  required: number;
  /** Agents of the neighbouring weeks' published shifts on duty then (they are not decided here). */
  carried?: number;
  underWeight: number;
  overWeight: number;
  cells: number[];
}

export interface CompiledRequest {
  day: number;
  kind: 'on' | 'off';
  /** Shift type index, or -1 for any shift. */
  type: number;
  weight: number;
}

export interface CompiledAgent {
  id: string;
  supervisor: boolean;
  minMinutes: number;
  maxMinutes: number;
  /** Per shift type; Infinity when unbounded. */
  maxShiftsByType: number[];
  minConsecutiveWork: number;
  maxConsecutiveWork: number;
  minConsecutiveOff: number;
  maxWeekends: number;
  /** Most days worked over the horizon; Infinity when unbounded. */
  maxWorkDays: number;
  /**
   * The run next to the horizon from the neighbouring weeks: days worked in a row (> 0) or off in a
   * row (< 0) ending the day before day 0 / starting the day after the last; 0 when unknown.
   */
  runBefore: number;
  runAfter: number;
  /** allowed[day × duties.length + duty] = 1 when the agent may do that duty that day. */
  allowed: Uint8Array;
  /** Per day: FREE, OFF, or the locked shift type index. */
  lockedType: Int32Array;
  requests: CompiledRequest[];
}

export interface CompiledRoster {
  days: number;
  typeIds: string[];
  lateTypes: boolean[];
  skills: string[];
  shifts: CompiledShift[];
  duties: Duty[];
  /** forbiddenNext[a × shifts.length + b]: shift b may not be worked the day after shift a. */
  forbiddenNext: Uint8Array;
  /**
   * Per day d, the successions banned from d to d + 1 when a clock change falls between them and
   * the rest is an hour shorter or longer than on other nights; null where `forbiddenNext` holds.
   */
  forbiddenNextAfter: (Uint8Array | null)[];
  /** Day indices of each weekend inside the horizon. */
  weekends: number[][];
  agents: CompiledAgent[];
  coverRows: CoverRow[];
  /** Cover rows each cell counts towards. */
  cellRows: number[][];
  supervisorRule: boolean;
  lateFairnessWeight: number;
  weekendFairnessWeight: number;
}

/** Successions banned from `day` to `day + 1`. */
export function forbiddenAfter(model: CompiledRoster, day: number): Uint8Array {
  return model.forbiddenNextAfter[day] ?? model.forbiddenNext;
}

/** A roster in the solver's form. */
export type RosterLines = Int32Array[];

export function cellIndex(model: CompiledRoster, day: number, duty: number): number {
  return day * model.duties.length + duty;
}

export function copyLines(lines: RosterLines): RosterLines {
  return lines.map((line) => Int32Array.from(line));
}
