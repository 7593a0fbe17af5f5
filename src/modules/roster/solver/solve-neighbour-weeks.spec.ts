import { evaluateRoster, solveRoster, type RosterAgent, type RosterProblem, type ShiftType } from '.';
import type { RosterAssignment } from './roster-result';
import { EARLY, EXACT, LATE, MEAL, agent, cover, problem, shiftOn, workedDays } from './small-rosters.fixture';

/** 23:00–08:00: runs into the next day. */
const N: ShiftType = { id: 'N', startMinutes: 23 * 60, lengthMinutes: 540 };
const HUNGRY = 1000;

const rulesOf = (p: RosterProblem, shifts: RosterAssignment[]) =>
  evaluateRoster(p, shifts).violations.map((v) => ({ rule: v.rule, days: v.days }));

async function solveValid(p: RosterProblem) {
  const s = await solveRoster(p, EXACT);
  expect(s.violations).toEqual([]);
  expect(evaluateRoster(p, s.assignments).violations).toEqual([]);
  return s;
}

describe('a shift crossing midnight is checked against both days it touches', () => {
  const nights = (a: RosterAgent) => problem(7, [N, EARLY], [a], cover(7, 'N', 1, HUNGRY));

  it('refuses a night shift running into a day of unavailability, leave or a fixed day off (also the day after the horizon)', () => {
    expect(rulesOf(nights(agent('a', { unavailable: [{ day: 2 }] })), [shiftOn('a', 1, N)])).toEqual([
      { rule: 'unavailability', days: [1] },
    ]);
    expect(rulesOf(nights(agent('a', { leaveDays: [3] })), [shiftOn('a', 2, N)])).toEqual([
      { rule: 'leave', days: [2] },
    ]);
    expect(rulesOf(nights(agent('a', { fixedDaysOff: [4] })), [shiftOn('a', 3, N)])).toEqual([
      { rule: 'fixed-day-off', days: [3] },
    ]);
    expect(rulesOf(nights(agent('a', { leaveDays: [7] })), [shiftOn('a', 6, N)])).toEqual([
      { rule: 'leave', days: [6] },
    ]);
    // Only the next day's hours the shift really reaches count; an early the day before is fine.
    expect(
      rulesOf(nights(agent('a', { unavailable: [{ day: 2, fromMinutes: 9 * 60, toMinutes: 12 * 60 }] })), [
        shiftOn('a', 1, N),
      ]),
    ).toEqual([]);
    expect(rulesOf(nights(agent('a', { unavailable: [{ day: 2 }] })), [shiftOn('a', 1, EARLY)])).toEqual([]);
    const facts = evaluateRoster(nights(agent('a', { leaveDays: [3] })), [shiftOn('a', 2, N)]).violations[0].facts;
    expect(facts).toMatchObject({ shift: 'N', closedDay: 3 });
  });

  it('never solves a night shift into such a day, however short the cover', async () => {
    const s = await solveValid(nights(agent('a', { unavailable: [{ day: 2 }], leaveDays: [4], fixedDaysOff: [6] })));
    expect(workedDays(s.assignments, 'a')).toEqual([0]);
  });
});

describe('the weeks around the horizon', () => {
  it('continues runs of work and of days off across both edges', () => {
    const base = { maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2 };
    const run = (before?: RosterAgent['runBefore'], after?: RosterAgent['runAfter']) =>
      problem(
        7,
        [EARLY],
        [agent('a', { ...(before ? { runBefore: before } : {}), ...(after ? { runAfter: after } : {}) }, base)],
        cover(7, 'E', 1, HUNGRY),
      );
    const firstTwo = [0, 1].map((d) => shiftOn('a', d, EARLY));
    expect(rulesOf(run(), firstTwo)).toEqual([]);
    // Four days worked before: two more make six in a row.
    expect(rulesOf(run({ working: true, days: 4 }), firstTwo)).toEqual([
      { rule: 'max-consecutive-work', days: [0, 1] },
    ]);
    // One day off before (after work): working on day 0 leaves it a single day off.
    expect(rulesOf(run({ working: false, days: 1 }), firstTwo)).toEqual([{ rule: 'min-consecutive-off', days: [0] }]);
    expect(rulesOf(run({ working: false, days: 1 }), [shiftOn('a', 1, EARLY), shiftOn('a', 2, EARLY)])).toEqual([]);
    // The week after starts with work after one day off on the last day; and with five days worked.
    const lastTwo = [4, 5].map((d) => shiftOn('a', d, EARLY));
    expect(rulesOf(run(undefined, { working: true, days: 2 }), lastTwo)).toEqual([
      { rule: 'min-consecutive-off', days: [6] },
    ]);
    expect(
      rulesOf(
        run(undefined, { working: true, days: 4 }),
        [5, 6].map((d) => shiftOn('a', d, EARLY)),
      ),
    ).toEqual([{ rule: 'max-consecutive-work', days: [5, 6] }]);
  });

  it('solves within the runs the neighbouring weeks leave', async () => {
    const contract = { maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2 };
    const p = problem(
      7,
      [EARLY],
      [agent('a', { runBefore: { working: true, days: 4 }, runAfter: { working: true, days: 3 } }, contract)],
      cover(7, 'E', 1, HUNGRY),
    );
    const s = await solveValid(p);
    const days = workedDays(s.assignments, 'a');
    // Three days at most fit between the runs (e.g. one more day, two off, then two before the
    // next week's three; or two off first): the solver finds one of those optima.
    expect(days).toHaveLength(3);
    expect(s.stoppedBy).toBe('optimal');
  });

  it('owes rest to the neighbouring weeks’ published shifts, measured in real hours', () => {
    const p = problem(7, [EARLY, LATE], [agent('a')], cover(7, 'E', 1, HUNGRY), {
      rules: { minRestMinutes: 11 * 60 },
      neighbourShifts: [
        { agentId: 'a', day: -1, shiftTypeId: 'N', startMinutes: 23 * 60, lengthMinutes: 540 },
        { agentId: 'a', day: 7, shiftTypeId: 'E', startMinutes: 6 * 60, lengthMinutes: 480 },
      ],
    });
    const refused = evaluateRoster(p, [shiftOn('a', 2, EARLY), shiftOn('a', 6, LATE)]).violations;
    expect(refused.map((v) => ({ rule: v.rule, days: v.days }))).toEqual([{ rule: 'min-rest', days: [6] }]);
    expect(refused[0].facts).toMatchObject({ restMinutes: 480, minRestMinutes: 660, otherShift: 'E', otherDay: 7 });
    expect(rulesOf(p, [shiftOn('a', 0, EARLY)]).map((v) => v.rule)).toEqual(['min-rest']);
    // 08:00 + 11 h = 19:00: a late from 14:00 is too early the first day.
    expect(evaluateRoster(p, [shiftOn('a', 0, LATE)]).violations[0].facts).toMatchObject({
      restMinutes: 360,
      otherShift: 'N',
      otherDay: -1,
    });
  });

  it('counts the night shift of the week before as on duty in the first hours', async () => {
    const night = {
      agentId: 'x',
      day: -1,
      shiftTypeId: 'N',
      startMinutes: 23 * 60,
      lengthMinutes: 540,
      skill: 'chat',
      breaks: [{ startMinutes: 27 * 60, minutes: 60 }],
    };
    const requiredAgents = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 48 }, (_, k) => (d === 0 && k < 16 ? 1 : 0)),
    );
    const p: RosterProblem = {
      ...problem(7, [EARLY], [agent('a', { skills: ['chat'] })], []),
      slotDemand: [{ skill: 'chat', requiredAgents, underWeight: 10, overWeight: 1 }],
      neighbourShifts: [night],
    };
    const e = evaluateRoster(p, []);
    const monday = e.coverage.filter((c) => c.day === 0 && c.slot < 16);
    // 00:00–03:00 and 04:00–08:00 covered; 03:00–04:00 is the break.
    expect(monday.filter((c) => c.scheduled === 1).map((c) => c.slot)).toEqual([
      0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(e.objective.terms.underCover).toBe(2 * 10);
    // Another skill's demand is not covered by it.
    const other = evaluateRoster(
      { ...p, slotDemand: [{ skill: 'phone', requiredAgents, underWeight: 10, overWeight: 1 }] },
      [],
    );
    expect(other.coverage.filter((c) => c.day === 0 && c.slot < 16).every((c) => c.scheduled === 0)).toBe(true);
  });
});

describe('booked training', () => {
  it('keeps breaks out of it: the solver picks another break time, and an edit with a break inside is refused', async () => {
    const E: ShiftType = { id: 'E', startMinutes: 8 * 60, lengthMinutes: 540, breaks: [MEAL] };
    // Training 12:00–13:30 on day 2: the meal (11:00–13:00 start window) must start at 13:30 or later… or end by 12:00.
    const a = agent('a', {
      activities: [{ day: 2, fromMinutes: 12 * 60, toMinutes: 13 * 60 + 30, title: 'Returns policy' }],
    });
    const p = problem(7, [E], [a], cover(7, 'E', 1, HUNGRY), {
      horizon: { startDate: '2026-11-30', days: 7, timeZone: 'Asia/Shanghai', slotMinutes: 30 },
    });
    const s = await solveValid(p);
    const tuesday = s.assignments.find((x) => x.day === 2)!;
    expect(tuesday).toBeDefined();
    for (const b of tuesday.breaks)
      expect(b.startMinutes + b.minutes <= 12 * 60 || b.startMinutes >= 13 * 60 + 30).toBe(true);
    const inside = { ...tuesday, breaks: [{ name: 'meal', startMinutes: 12 * 60, minutes: 60 }] };
    const refused = evaluateRoster(p, [inside]).violations;
    expect(refused.map((v) => v.rule)).toEqual(['training']);
    expect(refused[0].facts).toMatchObject({ activity: 'Returns policy' });
  });
});
