import { DateTime } from 'luxon';
import { evaluateRoster, solveRoster, type BreakRule, type RosterProblem, type ShiftType } from '.';
import type { RosterAssignment } from './roster-result';
import { EXACT, MEAL, agent, cover } from './small-rosters.fixture';

/** Berlin: clocks go forward on Sunday 2027-03-28 at 02:00 and back on Sunday 2027-10-31 at 03:00. */
const SPRING_WEEK = '2027-03-22';
const AUTUMN_WEEK = '2027-10-25';
const SATURDAY = 5;
const REST: BreakRule = {
  name: 'rest',
  minutes: 15,
  minShiftMinutes: 360,
  earliestStartAfterMinutes: 360,
  latestStartAfterMinutes: 450,
  paid: true,
};
const NIGHT: ShiftType = { id: 'N', startMinutes: 23 * 60, lengthMinutes: 540, breaks: [MEAL, REST] };

function week(startDate: string): RosterProblem {
  return {
    horizon: { startDate, days: 7, timeZone: 'Europe/Berlin' },
    shiftTypes: [NIGHT],
    agents: [agent('a')],
    dayCover: cover(7, 'N', [0, 0, 0, 0, 0, 1, 0], 100),
  };
}

const night = (breaks: RosterAssignment['breaks']): RosterAssignment => ({
  agentId: 'a',
  day: SATURDAY,
  shiftTypeId: 'N',
  startMinutes: 23 * 60,
  lengthMinutes: 540,
  breaks,
});
const rules = (p: RosterProblem, a: RosterAssignment) => evaluateRoster(p, [a]).violations.map((v) => v.rule);

describe('breaks on the night the clocks change', () => {
  it.each([
    ['spring', SPRING_WEEK],
    ['autumn', AUTUMN_WEEK],
  ])('are placed at real minutes after the start in the %s (meal 3–5 h, rest 6–7.5 h lived)', async (_, startDate) => {
    const solved = await solveRoster(week(startDate), EXACT);
    expect(solved.violations).toEqual([]);
    const [shift] = solved.assignments;
    expect(shift).toMatchObject({ day: SATURDAY, shiftTypeId: 'N' });
    const offsets = Object.fromEntries(shift.breaks.map((b) => [b.name, b.offsetMinutes!]));
    expect(offsets.meal).toBeGreaterThanOrEqual(180);
    expect(offsets.meal).toBeLessThanOrEqual(300);
    expect(offsets.rest).toBeGreaterThanOrEqual(360);
    expect(offsets.rest).toBeLessThanOrEqual(450);
    // The clock time written is that real instant on the shop's clock.
    const start = DateTime.fromISO(startDate, { zone: 'Europe/Berlin' })
      .plus({ days: SATURDAY })
      .set({ hour: 23, minute: 0 });
    for (const b of shift.breaks) {
      const at = start.plus({ minutes: b.offsetMinutes! });
      const dayAfter = Math.round(at.startOf('day').diff(start.startOf('day'), 'days').days);
      // The clock text of the break is the real instant's, so readers place it where it is lived.
      expect(b.startMinutes).toBe(dayAfter * 1440 + at.hour * 60 + at.minute);
    }
    expect(evaluateRoster(week(startDate), solved.assignments).violations).toEqual([]);
  });

  it('judges hand-set breaks by the hours lived: 04:00 is 5 h after 23:00 in the spring but 6 h in the autumn', () => {
    // Clock 04:00 and 05:00 on Sunday for the meal; the rest at 06:00 (clock).
    const at = (meal: number, rest: number) =>
      night([
        { name: 'meal', startMinutes: 1440 + meal * 60, minutes: 60 },
        { name: 'rest', startMinutes: 1440 + rest * 60, minutes: 15 },
      ]);
    // Spring: 23:00 → 04:00 is 240 real minutes, 05:00 is 300, rest at 06:00 is 360: all inside.
    expect(rules(week(SPRING_WEEK), at(4, 6))).toEqual([]);
    expect(rules(week(SPRING_WEEK), at(5, 6))).toEqual([]);
    // Autumn: 23:00 → 04:00 is 360 real minutes, past the meal's latest (300); rest at 06:00 is 480, past 450.
    expect(rules(week(AUTUMN_WEEK), at(4, 5))).toEqual(['shift-template']);
    expect(rules(week(AUTUMN_WEEK), at(3, 5))).toEqual([]);
    expect(rules(week(AUTUMN_WEEK), at(3, 6))).toEqual(['shift-template']);
  });

  it('tells the two passes of the repeated hour apart by the real offset', () => {
    // Autumn: 02:30 happens twice; 210 real minutes after 23:00 is the first, 270 the second; both are valid meals.
    for (const offset of [210, 270]) {
      const a = night([
        { name: 'meal', startMinutes: 1440 + 150, minutes: 60, offsetMinutes: offset },
        { name: 'rest', startMinutes: 1440 + 300, minutes: 15, offsetMinutes: 420 },
      ]);
      expect(rules(week(AUTUMN_WEEK), a)).toEqual([]);
    }
  });
});
