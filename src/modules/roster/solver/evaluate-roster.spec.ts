import { compileRoster, evaluateRoster, type RosterAssignment, type RosterProblem } from '.';
import { EARLY, LATE, MEAL, NIGHT, agent, cover, problem, shiftOn } from './small-rosters.fixture';

function rulesOf(p: RosterProblem, assignments: RosterAssignment[]) {
  return evaluateRoster(p, assignments).violations.map((v) => ({ rule: v.rule, agentIds: v.agentIds, days: v.days }));
}

const week = (
  types = [EARLY, LATE],
  agents = [agent('a'), agent('s', { supervisor: true })],
  extra: Partial<RosterProblem> = {},
) => problem(7, types, agents, cover(7, 'E', 1), extra);

describe('evaluateRoster reports every hard rule a hand-made roster breaks', () => {
  it('accepts a roster that keeps every rule and scores it term by term', () => {
    const p = problem(
      2,
      [EARLY, LATE],
      [agent('a', { requests: [{ day: 1, kind: 'off', weight: 4 }] }), agent('b')],
      [...cover(2, 'E', 1, 10, 2), ...cover(2, 'L', 1, 10, 2)],
      {
        weights: { lateFairness: 3 },
      },
    );
    const e = evaluateRoster(p, [shiftOn('a', 0, EARLY), shiftOn('b', 0, EARLY), shiftOn('a', 1, LATE)]);
    expect(e.violations).toEqual([]);
    // Day 0: E over by 1 (2), L short by 1 (10); day 1: E short (10); a's off request broken (4); late spread 1 − 0 (3).
    expect(e.objective.terms).toEqual({
      underCover: 20,
      overCover: 2,
      requests: 4,
      lateFairness: 3,
      weekendFairness: 0,
    });
    expect(e.objective.total).toBe(29);
  });

  it('scores many rosters against one compiled week exactly as each alone (the edit checker compiles once)', () => {
    const p = week(undefined, [agent('a', {}, { minMinutes: 3 * 480, maxMinutes: 4 * 480 }), agent('b')]);
    const compiled = compileRoster(p);
    const rosters = [
      [0, 1, 2, 3, 4].map((d) => shiftOn('a', d, EARLY)),
      [shiftOn('a', 0, EARLY), shiftOn('b', 0, LATE), shiftOn('b', 1, EARLY)],
      [0, 1, 2].map((d) => shiftOn('a', d, LATE)),
    ];
    const alone = rosters.map((r) => evaluateRoster(p, r));
    expect(alone.some((e) => e.violations.length > 0)).toBe(true);
    expect(rosters.map((r) => evaluateRoster(p, r, compiled))).toEqual(alone);
  });

  it('max and min contract minutes', () => {
    const p = week(undefined, [agent('a', {}, { minMinutes: 3 * 480, maxMinutes: 4 * 480 })]);
    const five = [0, 1, 2, 3, 4].map((d) => shiftOn('a', d, EARLY));
    expect(rulesOf(p, five)).toEqual([{ rule: 'max-minutes', agentIds: ['a'], days: [] }]);
    expect(rulesOf(p, five.slice(0, 2))).toEqual([{ rule: 'min-minutes', agentIds: ['a'], days: [] }]);
  });

  it('consecutive working days and days off', () => {
    const p = week(undefined, [
      agent('a', {}, { maxConsecutiveWorkDays: 3, minConsecutiveWorkDays: 2, minConsecutiveDaysOff: 2 }),
    ]);
    expect(
      rulesOf(
        p,
        [0, 1, 2, 3].map((d) => shiftOn('a', d, EARLY)),
      ),
    ).toEqual([{ rule: 'max-consecutive-work', agentIds: ['a'], days: [0, 1, 2, 3] }]);
    expect(
      rulesOf(
        p,
        [0, 1, 3, 5, 6].map((d) => shiftOn('a', d, EARLY)),
      ),
    ).toEqual([
      { rule: 'min-consecutive-off', agentIds: ['a'], days: [2] },
      { rule: 'min-consecutive-work', agentIds: ['a'], days: [3] },
      { rule: 'min-consecutive-off', agentIds: ['a'], days: [4] },
    ]);
  });

  it('weekends worked', () => {
    const p = problem(14, [EARLY], [agent('a', {}, { maxWeekends: 1 })], cover(14, 'E', 1));
    expect(
      rulesOf(
        p,
        [5, 13].map((d) => shiftOn('a', d, EARLY)),
      ),
    ).toEqual([{ rule: 'max-weekends', agentIds: ['a'], days: [5, 6, 12, 13] }]);
  });

  it('fixed days off, leave and unavailability', () => {
    const p = week(undefined, [
      agent('a', {
        fixedDaysOff: [0],
        leaveDays: [1],
        unavailable: [{ day: 2 }, { day: 3, fromMinutes: 13 * 60, toMinutes: 15 * 60 }],
      }),
    ]);
    expect(
      rulesOf(p, [
        shiftOn('a', 0, EARLY),
        shiftOn('a', 1, EARLY),
        shiftOn('a', 2, EARLY),
        shiftOn('a', 3, EARLY),
        shiftOn('a', 4, LATE),
      ]),
    ).toEqual([
      { rule: 'fixed-day-off', agentIds: ['a'], days: [0] },
      { rule: 'leave', agentIds: ['a'], days: [1] },
      { rule: 'unavailability', agentIds: ['a'], days: [2] },
      { rule: 'unavailability', agentIds: ['a'], days: [3] },
    ]);
  });

  it('minimum rest and shifts that may not follow each other', () => {
    const rest = week([EARLY, LATE, NIGHT], [agent('a')], { rules: { minRestMinutes: 11 * 60 } });
    expect(rulesOf(rest, [shiftOn('a', 0, LATE), shiftOn('a', 1, EARLY)])).toEqual([
      { rule: 'forbidden-succession', agentIds: ['a'], days: [0, 1] },
    ]);
    expect(rulesOf(rest, [shiftOn('a', 0, EARLY), shiftOn('a', 1, LATE)])).toEqual([]);
    const banned = week([{ ...NIGHT, notFollowedBy: ['L'] }, LATE], [agent('a')]);
    expect(rulesOf(banned, [shiftOn('a', 2, NIGHT), shiftOn('a', 3, LATE)])).toEqual([
      { rule: 'forbidden-succession', agentIds: ['a'], days: [2, 3] },
    ]);
  });

  it('locked assignments and locked days off', () => {
    const p = week(undefined, [agent('a')], {
      locked: [
        { agentId: 'a', day: 0, shiftTypeId: 'L' },
        { agentId: 'a', day: 1, shiftTypeId: null },
      ],
    });
    expect(rulesOf(p, [shiftOn('a', 0, EARLY), shiftOn('a', 1, EARLY)])).toEqual([
      { rule: 'locked-assignment', agentIds: ['a'], days: [0] },
      { rule: 'locked-assignment', agentIds: ['a'], days: [1] },
    ]);
    expect(rulesOf(p, [shiftOn('a', 2, EARLY)])).toEqual([{ rule: 'locked-assignment', agentIds: ['a'], days: [0] }]);
  });

  it('a supervisor on every worked shift', () => {
    const p = week(undefined, undefined, { rules: { supervisorOnEveryShift: true } });
    expect(rulesOf(p, [shiftOn('a', 0, EARLY), shiftOn('s', 0, LATE)])).toEqual([
      { rule: 'supervisor-on-shift', agentIds: ['a'], days: [0] },
    ]);
    expect(rulesOf(p, [shiftOn('a', 0, EARLY), shiftOn('s', 0, EARLY)])).toEqual([]);
  });

  it('skills and shift-type caps', () => {
    const p = problem(
      2,
      [EARLY, LATE],
      [agent('a', { skills: ['chat'] }, { maxShiftsByType: { L: 0, E: 1 } })],
      [...cover(2, 'E', 1, 10, 1, 'voice'), ...cover(2, 'E', 1, 10, 1, 'chat')],
    );
    expect(rulesOf(p, [shiftOn('a', 0, EARLY, 'voice')])).toEqual([{ rule: 'skill', agentIds: ['a'], days: [0] }]);
    expect(rulesOf(p, [shiftOn('a', 0, EARLY, 'chat'), shiftOn('a', 1, EARLY, 'chat')])).toEqual([
      { rule: 'max-shifts-of-type', agentIds: ['a'], days: [] },
    ]);
    expect(rulesOf(p, [shiftOn('a', 0, LATE, 'chat')])).toEqual([
      { rule: 'max-shifts-of-type', agentIds: ['a'], days: [] },
    ]);
  });

  it('two shifts on a day, unknown ids and shifts off their template', () => {
    const meal = { ...EARLY, lengthMinutes: 540, breaks: [MEAL] };
    const p = problem(2, [meal], [agent('a')], cover(2, 'E', 1));
    const ok = { ...shiftOn('a', 0, meal), breaks: [{ name: 'meal', startMinutes: 6 * 60 + 240, minutes: 60 }] };
    expect(rulesOf(p, [ok])).toEqual([]);
    expect(rulesOf(p, [ok, { ...ok }])).toEqual([{ rule: 'one-shift-per-day', agentIds: ['a'], days: [0] }]);
    expect(rulesOf(p, [{ ...ok, agentId: 'ghost' }])).toEqual([
      { rule: 'unknown-assignment', agentIds: ['ghost'], days: [0] },
    ]);
    expect(rulesOf(p, [{ ...ok, breaks: [{ name: 'meal', startMinutes: 6 * 60 + 60, minutes: 60 }] }])).toEqual([
      { rule: 'shift-template', agentIds: ['a'], days: [0] },
    ]);
    expect(rulesOf(p, [{ ...ok, startMinutes: 7 * 60 }])).toEqual([
      { rule: 'shift-template', agentIds: ['a'], days: [0] },
    ]);
  });

  it('scores a hand-moved break by where it actually is', () => {
    const meal = { ...EARLY, lengthMinutes: 540, breaks: [MEAL] };
    const p: RosterProblem = {
      ...problem(1, [meal], [agent('a')], []),
      horizon: { startDate: '2026-11-30', days: 1, timeZone: 'UTC', slotMinutes: 60 },
      dayCover: undefined,
      slotDemand: [
        {
          requiredAgents: [Array.from({ length: 24 }, (_, h) => (h >= 6 && h < 15 ? 1 : 0))],
          underWeight: 1,
          overWeight: 1,
        },
      ],
    };
    const at = (hour: number) =>
      evaluateRoster(p, [
        { ...shiftOn('a', 0, meal), breaks: [{ name: 'meal', startMinutes: hour * 60, minutes: 60 }] },
      ]);
    expect(
      at(10)
        .coverage.filter((c) => c.gap < 0)
        .map((c) => c.slot),
    ).toEqual([10]);
    expect(
      at(11)
        .coverage.filter((c) => c.gap < 0)
        .map((c) => c.slot),
    ).toEqual([11]);
    expect(at(11).objective.terms.underCover).toBe(1);
  });
});
