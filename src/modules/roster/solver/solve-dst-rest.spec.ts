import { evaluateRoster, solveRoster, type RosterProblem, type ShiftType } from '.';
import type { RosterAssignment } from './roster-result';
import { EXACT, LATE, agent, cover, shiftOn } from './small-rosters.fixture';

/** Berlin: clocks go forward on Sunday 2027-03-28 at 02:00 and back on Sunday 2027-10-31 at 03:00. */
const SPRING_WEEK = '2027-03-22';
const AUTUMN_WEEK = '2027-10-25';
const NORMAL_WEEK = '2027-03-15';
const nineToFive: ShiftType = { id: 'E9', startMinutes: 9 * 60, lengthMinutes: 480 };
const eightToFour: ShiftType = { id: 'E8', startMinutes: 8 * 60, lengthMinutes: 480 };

/** One agent, late 14:00–22:00, an early, 11 h minimum rest. */
function week(
  startDate: string,
  early: ShiftType,
  demand: { late: number[]; early: number[] } = { late: [0, 0, 0, 0, 0, 0, 0], early: [0, 0, 0, 0, 0, 0, 0] },
): RosterProblem {
  return {
    horizon: { startDate, days: 7, timeZone: 'Europe/Berlin' },
    shiftTypes: [early, LATE],
    agents: [agent('a')],
    dayCover: [...cover(7, 'L', demand.late, 10), ...cover(7, early.id, demand.early, 10)],
    rules: { minRestMinutes: 11 * 60 },
  };
}

const rules = (p: RosterProblem, shifts: RosterAssignment[]) =>
  evaluateRoster(p, shifts).violations.map((v) => ({ rule: v.rule, days: v.days }));

describe('minimum rest across a clock change', () => {
  it('measures rest in real hours: 22:00 to 09:00 is 11 h on other nights but 10 h when clocks go forward', () => {
    const p = week(SPRING_WEEK, nineToFive);
    expect(rules(p, [shiftOn('a', 4, LATE), shiftOn('a', 5, nineToFive)])).toEqual([]);
    expect(rules(p, [shiftOn('a', 5, LATE), shiftOn('a', 6, nineToFive)])).toEqual([
      { rule: 'forbidden-succession', days: [5, 6] },
    ]);
  });

  it('allows 22:00 to 08:00 only on the night the clocks go back (10 h on the clock, 11 h lived)', () => {
    const p = week(AUTUMN_WEEK, eightToFour);
    expect(rules(p, [shiftOn('a', 5, LATE), shiftOn('a', 6, eightToFour)])).toEqual([]);
    expect(rules(p, [shiftOn('a', 4, LATE), shiftOn('a', 5, eightToFour)])).toEqual([
      { rule: 'forbidden-succession', days: [4, 5] },
    ]);
  });

  it('never rosters the short night, and does roster the same pair in a week without a clock change', async () => {
    const demand = { late: [0, 0, 0, 0, 0, 1, 0], early: [0, 0, 0, 0, 0, 0, 1] };
    const spring = await solveRoster(week(SPRING_WEEK, nineToFive, demand), EXACT);
    expect(spring.violations).toEqual([]);
    expect(spring.assignments).toHaveLength(1);
    expect(spring.objective.terms.underCover).toBe(10);
    const normal = await solveRoster(week(NORMAL_WEEK, nineToFive, demand), EXACT);
    expect(normal.assignments.map((s) => [s.day, s.shiftTypeId])).toEqual([
      [5, 'L'],
      [6, 'E9'],
    ]);
    expect(normal.objective.total).toBe(0);
  });
});
