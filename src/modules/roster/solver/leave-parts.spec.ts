import { compileRoster, evaluateRoster, type RosterAssignment, type RosterProblem } from '.';
import { EARLY, LATE, NIGHT, agent, cover, problem, shiftOn } from './small-rosters.fixture';

const rulesOf = (p: RosterProblem, assignments: RosterAssignment[]) =>
  evaluateRoster(p, assignments).violations.map((v) => ({ rule: v.rule, days: v.days, facts: v.facts }));

/** Leave over part of a day: instants, so a shift of any day that overlaps it breaks it, and only such a shift. */
describe('leave over part of a day (leaveParts)', () => {
  // Day 1 from 14:00 to 18:00 (a part-day request); day 3 from 06:00 to 24:00 (a whole day after a night).
  const p = problem(
    7,
    [EARLY, LATE, NIGHT],
    [
      agent('a', {
        leaveParts: [
          { day: 1, fromMinutes: 14 * 60, toMinutes: 18 * 60 },
          { day: 3, fromMinutes: 6 * 60, toMinutes: 1440 },
        ],
      }),
    ],
    cover(7, 'E', 0),
  );

  it('refuses a shift overlapping the part, naming the leave with its times', () => {
    expect(rulesOf(p, [shiftOn('a', 1, LATE)])).toEqual([
      { rule: 'leave', days: [1], facts: { shift: 'L', leaveDay: 1, fromMinutes: 840, toMinutes: 1080 } },
    ]);
  });

  it('accepts shifts clear of it: the early shift of that day, and the night running into a day whose leave starts at its end', () => {
    // E 06:00–14:00 ends when the leave starts; N of day 2 (22:00–06:00) ends when day 3's leave starts.
    expect(rulesOf(p, [shiftOn('a', 1, EARLY), shiftOn('a', 2, NIGHT)])).toEqual([]);
  });

  it('refuses a night of the day before that runs into the part, and a shift starting inside it', () => {
    // Night of day 0 (22:00 → 06:00 on day 1) is clear of 14:00–18:00 on day 1; E of day 3 starts inside its leave.
    const rules = rulesOf(p, [shiftOn('a', 0, NIGHT), shiftOn('a', 3, EARLY)]);
    expect(rules.map((r) => [r.rule, r.days])).toEqual([['leave', [3]]]);
    const night = rulesOf(
      problem(7, [NIGHT], [agent('b', { leaveParts: [{ day: 1, fromMinutes: 0, toMinutes: 360 }] })], cover(7, 'N', 0)),
      [shiftOn('b', 0, NIGHT)],
    );
    expect(night).toEqual([
      { rule: 'leave', days: [0], facts: { shift: 'N', leaveDay: 1, fromMinutes: 0, toMinutes: 360 } },
    ]);
  });

  it('the solver never offers a shift overlapping the part (compiled permissions)', () => {
    const compiled = compileRoster(p);
    const a = compiled.agents[0];
    const offered = (day: number, type: string) =>
      compiled.duties.some(
        (duty, u) => duty.type === compiled.typeIds.indexOf(type) && a.allowed[day * compiled.duties.length + u] === 1,
      );
    expect([offered(1, 'E'), offered(1, 'L'), offered(2, 'N'), offered(3, 'E'), offered(3, 'N')]).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('leave past midnight reaches the solver as a part of each day and bars every shift overlapping either', () => {
    // 22:00 on day 2 to 02:00 on day 3, as leaveOfWeek splits it at the local midnight.
    const crossing = problem(
      7,
      [EARLY, LATE, NIGHT],
      [
        agent('c', {
          leaveParts: [
            { day: 2, fromMinutes: 22 * 60, toMinutes: 1440 },
            { day: 3, fromMinutes: 0, toMinutes: 2 * 60 },
          ],
        }),
      ],
      cover(7, 'E', 0),
    );
    // The late shift ends at 22:00 as the leave starts; the early shift of day 3 starts at 06:00, after it.
    expect(rulesOf(crossing, [shiftOn('c', 2, LATE), shiftOn('c', 3, EARLY)])).toEqual([]);
    expect(rulesOf(crossing, [shiftOn('c', 2, NIGHT)])).toEqual([
      { rule: 'leave', days: [2], facts: { shift: 'N', leaveDay: 2, fromMinutes: 1320, toMinutes: 1440 } },
    ]);
    const compiled = compileRoster(crossing);
    const c = compiled.agents[0];
    const offered = (day: number, type: string) =>
      compiled.duties.some(
        (duty, u) => duty.type === compiled.typeIds.indexOf(type) && c.allowed[day * compiled.duties.length + u] === 1,
      );
    expect([offered(2, 'L'), offered(2, 'N'), offered(3, 'E'), offered(1, 'N')]).toEqual([true, false, true, true]);
  });
});
