import { ShiftDesignInputError } from './candidate-shifts';
import type { ShiftDesignInput, ShiftTypeWindow } from './shift-design.types';

/**
 * Reader for the MiniZinc data files (`.dzn`) of the minimum shift design benchmark
 * (TU Wien Data Set 1 and the toy files): one `name = value;` per assignment, values are numbers
 * or `[a, b, ...]` lists; `%` starts a comment.
 */
export type DznValue = number | number[];

export function parseDzn(text: string): Map<string, DznValue> {
  const values = new Map<string, DznValue>();
  const withoutComments = text.replace(/%[^\n]*/g, '');
  for (const statement of withoutComments.split(';')) {
    if (statement.trim() === '') continue;
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([\s\S]*?)\s*$/.exec(statement);
    if (!match) throw new ShiftDesignInputError(`cannot read .dzn statement "${statement.trim()}"`);
    const [, name, raw] = match;
    values.set(name, raw.startsWith('[') ? parseList(name, raw) : parseNumber(name, raw));
  }
  return values;
}

function parseList(name: string, raw: string): number[] {
  if (!raw.endsWith(']')) throw new ShiftDesignInputError(`${name}: unterminated list`);
  const body = raw.slice(1, -1).trim();
  return body === '' ? [] : body.split(',').map((item) => parseNumber(name, item.trim()));
}

function parseNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value)) throw new ShiftDesignInputError(`${name}: "${raw}" is not a number`);
  return value;
}

/** A benchmark instance as the file states it. */
export interface ShiftDesignInstance {
  slotMinutes: number;
  days: number;
  slotsPerDay: number;
  requiredAgents: number[];
  shiftTypes: ShiftTypeWindow[];
  weights: { underCover: number; overCover: number; shiftInstances: number; dutiesPerWeek: number };
  /** The original problem's duties-per-week term; the published objective leaves it out. */
  duties: { min: number; max: number; averageMinutes: number };
}

export function readShiftDesignInstance(text: string): ShiftDesignInstance {
  const values = parseDzn(text);
  const scalar = (name: string, fallback?: number): number => {
    const value = values.get(name) ?? fallback;
    if (typeof value !== 'number') throw new ShiftDesignInputError(`${name}: a number is required`);
    return value;
  };
  const list = (name: string): number[] => {
    const value = values.get(name);
    if (!Array.isArray(value)) throw new ShiftDesignInputError(`${name}: a list is required`);
    return value;
  };
  const slotMinutes = scalar('interval');
  const slotsPerDay = 1440 / slotMinutes;
  if (!Number.isInteger(slotsPerDay)) throw new ShiftDesignInputError('interval must divide a day (1440 minutes)');
  const typeCount = scalar('shiftTypes');
  const [minStart, maxStart, minLength, maxLength] = ['minStart', 'maxStart', 'minLength', 'maxLength'].map(list);
  if ([minStart, maxStart, minLength, maxLength].some((l) => l.length !== typeCount)) {
    throw new ShiftDesignInputError(`start and length windows must list ${typeCount} shift types`);
  }
  return {
    slotMinutes,
    days: scalar('days'),
    slotsPerDay,
    requiredAgents: list('demand'),
    shiftTypes: minStart.map((_, k) => ({
      minStart: minStart[k],
      maxStart: maxStart[k],
      minLength: minLength[k],
      maxLength: maxLength[k],
    })),
    weights: {
      underCover: scalar('weightUnderCover', 1),
      overCover: scalar('weightOverCover', 1),
      shiftInstances: scalar('weightShiftInstances', slotMinutes),
      dutiesPerWeek: scalar('weightDutiesPerWeek', 0),
    },
    duties: { min: scalar('minDuties', 0), max: scalar('maxDuties', 0), averageMinutes: scalar('avgMinutes', 0) },
  };
}

/**
 * `published`: Di Gaspero et al. (2007), excess and shortage minutes plus `interval` per distinct
 * shift. `file`: the file's own weights; a zero under-cover weight is read as "cover fully" (as in
 * the model the toy files were written for), since otherwise the empty design would be optimal.
 */
export function shiftDesignInputOf(instance: ShiftDesignInstance, weighting: 'published' | 'file'): ShiftDesignInput {
  const horizon = {
    days: instance.days,
    slotsPerDay: instance.slotsPerDay,
    slotMinutes: instance.slotMinutes,
    cyclic: true,
  };
  const base = { horizon, requiredAgents: instance.requiredAgents, shiftTypes: instance.shiftTypes };
  if (weighting === 'published') return base;
  const { underCover, overCover, shiftInstances } = instance.weights;
  return {
    ...base,
    weights: { excessPerMinute: overCover, shortagePerMinute: underCover, perDistinctShift: shiftInstances },
    shortageAllowed: underCover > 0,
  };
}
