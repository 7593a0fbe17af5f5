/**
 * Reader of the Curtois & Qu employee scheduling text format (schedulingbenchmarks.org), and its
 * mapping onto the roster solver's model: cover per day and shift type, all staff rules hard.
 */
import type { RosterProblem } from 'src/modules/roster/solver/roster-model';

export interface NrpShift {
  id: string;
  minutes: number;
  cannotFollow: string[];
}

export interface NrpStaff {
  id: string;
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

export interface NrpRequest {
  employee: string;
  day: number;
  shift: string;
  weight: number;
}

export interface NrpCover {
  day: number;
  shift: string;
  requirement: number;
  underWeight: number;
  overWeight: number;
}

export interface NrpInstance {
  days: number;
  shifts: NrpShift[];
  staff: NrpStaff[];
  daysOff: Map<string, number[]>;
  onRequests: NrpRequest[];
  offRequests: NrpRequest[];
  cover: NrpCover[];
}

export function parseNrp(text: string): NrpInstance {
  const sections = new Map<string, string[][]>();
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      current = line;
      sections.set(current, []);
      continue;
    }
    sections.get(current)?.push(line.split(',').map((f) => f.trim()));
  }
  const rows = (name: string) => sections.get(name) ?? [];
  const int = (value: string) => Number.parseInt(value, 10);
  const request = (r: string[]): NrpRequest => ({ employee: r[0], day: int(r[1]), shift: r[2], weight: Number(r[3]) });
  return {
    days: int(rows('SECTION_HORIZON')[0][0]),
    shifts: rows('SECTION_SHIFTS').map((r) => ({
      id: r[0],
      minutes: int(r[1]),
      cannotFollow: (r[2] ?? '').split('|').filter(Boolean),
    })),
    staff: rows('SECTION_STAFF').map((r) => ({
      id: r[0],
      maxShifts: Object.fromEntries(
        r[1]
          .split('|')
          .filter(Boolean)
          .map((pair) => {
            const [shift, max] = pair.split('=');
            return [shift, int(max)];
          }),
      ),
      maxTotalMinutes: int(r[2]),
      minTotalMinutes: int(r[3]),
      maxConsecutiveShifts: int(r[4]),
      minConsecutiveShifts: int(r[5]),
      minConsecutiveDaysOff: int(r[6]),
      maxWeekends: int(r[7]),
    })),
    daysOff: new Map(rows('SECTION_DAYS_OFF').map((r) => [r[0], r.slice(1).filter(Boolean).map(int)])),
    onRequests: rows('SECTION_SHIFT_ON_REQUESTS').map(request),
    offRequests: rows('SECTION_SHIFT_OFF_REQUESTS').map(request),
    cover: rows('SECTION_COVER').map((r) => ({
      day: int(r[0]),
      shift: r[1],
      requirement: int(r[2]),
      underWeight: Number(r[3]),
      overWeight: Number(r[4]),
    })),
  };
}

/** Day 0 is a Monday (2024-01-01 is one); shifts carry no clock time, so rest is only "cannot follow". */
export function nrpToRosterProblem(instance: NrpInstance): RosterProblem {
  return {
    horizon: { startDate: '2024-01-01', days: instance.days, timeZone: 'UTC', weekendDays: [6, 7] },
    shiftTypes: instance.shifts.map((s) => ({
      id: s.id,
      startMinutes: 0,
      lengthMinutes: s.minutes,
      notFollowedBy: s.cannotFollow,
    })),
    agents: instance.staff.map((s) => ({
      id: s.id,
      skills: [],
      contract: {
        minMinutes: s.minTotalMinutes,
        maxMinutes: s.maxTotalMinutes,
        maxShiftsByType: s.maxShifts,
        minConsecutiveWorkDays: s.minConsecutiveShifts,
        maxConsecutiveWorkDays: s.maxConsecutiveShifts,
        minConsecutiveDaysOff: s.minConsecutiveDaysOff,
        maxWeekends: s.maxWeekends,
      },
      fixedDaysOff: instance.daysOff.get(s.id) ?? [],
      requests: [
        ...instance.onRequests
          .filter((r) => r.employee === s.id)
          .map((r) => ({ day: r.day, kind: 'on' as const, shiftTypeId: r.shift, weight: r.weight })),
        ...instance.offRequests
          .filter((r) => r.employee === s.id)
          .map((r) => ({ day: r.day, kind: 'off' as const, shiftTypeId: r.shift, weight: r.weight })),
      ],
    })),
    dayCover: instance.cover.map((c) => ({
      day: c.day,
      shiftTypeId: c.shift,
      required: c.requirement,
      underWeight: c.underWeight,
      overWeight: c.overWeight,
    })),
  };
}
