/** Small hand-made roster problems shared by the solver specs (not part of the engine). */
import type { BreakRule, DayCover, RosterAgent, RosterProblem, ShiftType } from './roster-model';
import type { RosterAssignment } from './roster-result';

export const EARLY: ShiftType = { id: 'E', startMinutes: 6 * 60, lengthMinutes: 480 };
export const LATE: ShiftType = { id: 'L', startMinutes: 14 * 60, lengthMinutes: 480, late: true };
export const NIGHT: ShiftType = { id: 'N', startMinutes: 22 * 60, lengthMinutes: 480 };

/** Monday 2026-11-30; days 5 and 6 are the weekend. */
export const MONDAY = '2026-11-30';

export function agent(
  id: string,
  overrides: Partial<RosterAgent> = {},
  contract: Partial<RosterAgent['contract']> = {},
): RosterAgent {
  return { id, skills: [], ...overrides, contract: { minMinutes: 0, maxMinutes: 100_000, ...contract } };
}

export function cover(
  days: number,
  shiftTypeId: string,
  required: number | number[],
  underWeight = 100,
  overWeight = 1,
  skill?: string,
): DayCover[] {
  return Array.from({ length: days }, (_, day) => ({
    day,
    shiftTypeId,
    required: Array.isArray(required) ? required[day] : required,
    underWeight,
    overWeight,
    ...(skill ? { skill } : {}),
  }));
}

/**
 * Early and late cover drawn from two bits per day (bit 0: one early needed, bit 1: one late), with
 * uneven weights (early: under 7, over 2; late: under 5, over 3) so that days differ in what they pay.
 */
export function earlyLateCoverByBits(days: number, bits: readonly number[]): DayCover[] {
  return [
    ...cover(
      days,
      'E',
      bits.map((x) => x % 2),
      7,
      2,
    ),
    ...cover(
      days,
      'L',
      bits.map((x) => (x >> 1) % 2),
      5,
      3,
    ),
  ];
}

export function problem(
  days: number,
  shiftTypes: ShiftType[],
  agents: RosterAgent[],
  dayCover: DayCover[],
  extra: Partial<RosterProblem> = {},
): RosterProblem {
  return { horizon: { startDate: MONDAY, days, timeZone: 'Europe/Berlin' }, shiftTypes, agents, dayCover, ...extra };
}

/**
 * `count` agents on early and late shifts over `days` (eight a fortnight at most), one of each wanted
 * every day; `minMinutes` a contract minimum, `lateMinutes` the late shift's length (mixed lengths).
 */
export function earlyLate(
  days: number,
  count: number,
  { minMinutes = 0, lateMinutes = 480 }: { minMinutes?: number; lateMinutes?: number } = {},
): RosterProblem {
  return problem(
    days,
    [EARLY, { ...LATE, lengthMinutes: lateMinutes }],
    Array.from({ length: count }, (_, k) =>
      agent(
        `a${k}`,
        {},
        { minMinutes, maxMinutes: (8 * 480 * days) / 14, maxConsecutiveWorkDays: 4, minConsecutiveDaysOff: 2 },
      ),
    ),
    [...cover(days, 'E', 1, 10), ...cover(days, 'L', 1, 10)],
  );
}

/** Four agents, a week of one early and one late per day; at most 4 days in a row, 2 days off together. */
export function earlyLateWeek(): RosterProblem {
  return problem(
    7,
    [EARLY, LATE],
    Array.from({ length: 4 }, (_, k) =>
      agent(`a${k}`, {}, { maxMinutes: 4 * 480, maxConsecutiveWorkDays: 4, minConsecutiveDaysOff: 2 }),
    ),
    [...cover(7, 'E', 1, 10), ...cover(7, 'L', 1, 10)],
  );
}

/** A week, three shift types with uneven cover, six agents with runs, rest and minimum contracts; one asks a day off. */
export function unevenWeek(): RosterProblem {
  return problem(
    7,
    [EARLY, LATE, NIGHT],
    Array.from({ length: 6 }, (_, k) =>
      agent(`a${k}`, k === 0 ? { requests: [{ day: 2, kind: 'off', weight: 4 }] } : {}, {
        minMinutes: 3 * 480,
        maxMinutes: 5 * 480,
        maxConsecutiveWorkDays: 4,
        minConsecutiveDaysOff: 2,
      }),
    ),
    [...cover(7, 'E', [2, 2, 2, 2, 2, 1, 1], 20), ...cover(7, 'L', [1, 2, 1, 2, 1, 1, 0], 20), ...cover(7, 'N', 1, 20)],
    { rules: { minRestMinutes: 11 * 60 } },
  );
}

/** A shift of a type on a day, with the type's clock times and no breaks. */
export function shiftOn(agentId: string, day: number, type: ShiftType, skill?: string): RosterAssignment {
  return {
    agentId,
    day,
    shiftTypeId: type.id,
    startMinutes: type.startMinutes ?? 0,
    lengthMinutes: type.lengthMinutes ?? 0,
    breaks: [],
    ...(skill ? { skill } : {}),
  };
}

export const MEAL: BreakRule = {
  name: 'meal',
  minutes: 60,
  minShiftMinutes: 480,
  earliestStartAfterMinutes: 180,
  latestStartAfterMinutes: 300,
};

/** Days each agent works, from assignments. */
export function workedDays(assignments: RosterAssignment[], agentId: string): number[] {
  return assignments
    .filter((a) => a.agentId === agentId)
    .map((a) => a.day)
    .sort((x, y) => x - y);
}

/** Longest run of consecutive worked days among `days` (sorted). */
export function longestRun(days: number[]): number {
  let best = 0;
  let run = 0;
  days.forEach((d, k) => {
    run = k > 0 && days[k - 1] === d - 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/**
 * Iteration-limited options: the same roster on every machine. The time limit is only a safety net
 * far beyond any load (a limit reached would make the result depend on the machine's speed).
 */
export const EXACT = { timeLimitMs: 600_000, seed: 7, maxIterations: 10 };

/** Three shifts whose rest rules bite (a late or night shift may not be followed by an earlier one): the rule specs' types. */
export const RULE_TEST_TYPES: ShiftType[] = [
  { id: 'E', startMinutes: 6 * 60, lengthMinutes: 480 },
  { id: 'L', startMinutes: 14 * 60, lengthMinutes: 600, notFollowedBy: ['E'] },
  { id: 'N', startMinutes: 22 * 60, lengthMinutes: 720, notFollowedBy: ['E', 'L'] },
];

/** The drawn limits of one random rule case (property specs of the rule checks and repairs). */
export interface RuleCase {
  minShifts: number;
  extra: number;
  maxRun: number;
  minRun: number;
  minOff: number;
  maxWeekends: number;
  capN: number;
  maxDays?: number;
  dayOff?: number;
  /** Days worked (> 0) or off (< 0) just before or after the horizon; 0 = none. */
  runBefore?: number;
  runAfter?: number;
}

/** A random rule case's contract: minutes (shifts of 8–10 hours), runs, breaks and weekends. */
export function ruleCaseContract(
  c: Pick<RuleCase, 'minShifts' | 'extra' | 'maxRun' | 'minRun' | 'minOff' | 'maxWeekends'>,
) {
  return {
    minMinutes: c.minShifts * 480,
    maxMinutes: (c.minShifts + c.extra) * 600,
    maxConsecutiveWorkDays: c.maxRun,
    minConsecutiveWorkDays: c.minRun,
    minConsecutiveDaysOff: c.minOff,
    maxWeekends: c.maxWeekends,
  };
}

/** Agent 'a' with a random rule case's contract, day off and edges, on RULE_TEST_TYPES. */
export function ruleCaseAgent(c: RuleCase): RosterAgent {
  const edge = (days = 0) => ({ working: days > 0, days: Math.abs(days) });
  return agent(
    'a',
    {
      ...(c.dayOff !== undefined ? { fixedDaysOff: [c.dayOff] } : {}),
      ...(c.runBefore ? { runBefore: edge(c.runBefore) } : {}),
      ...(c.runAfter ? { runAfter: edge(c.runAfter) } : {}),
    },
    {
      ...ruleCaseContract(c),
      maxShiftsByType: { N: c.capN },
      ...(c.maxDays !== undefined ? { maxWorkDays: c.maxDays } : {}),
    },
  );
}
