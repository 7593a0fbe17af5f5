import { evaluateRoster, solveRoster, type RosterProblem, type RosterSolution } from '.';
import { EARLY, EXACT, LATE, agent, cover, longestRun, problem, workedDays } from './small-rosters.fixture';

/** Demand far above the staff: every rule below is under pressure to be broken. */
const HUNGRY = 1000;

async function solveValid(p: RosterProblem): Promise<RosterSolution> {
  const s = await solveRoster(p, EXACT);
  expect(s.violations).toEqual([]);
  expect(s.infeasibilities).toEqual([]);
  expect(evaluateRoster(p, s.assignments).violations).toEqual([]);
  return s;
}

describe('solveRoster never breaks a hard rule, even when demand pushes it to', () => {
  it('max and min contract minutes', async () => {
    const p = problem(
      7,
      [EARLY],
      [agent('a', {}, { maxMinutes: 3 * 480 }), agent('b', {}, { minMinutes: 2 * 480 })],
      [...cover(3, 'E', 2, HUNGRY, 50), ...cover(7, 'E', 0, 1, 50).slice(3)],
    );
    const s = await solveValid(p);
    expect(workedDays(s.assignments, 'a').length).toBeLessThanOrEqual(3);
    expect(workedDays(s.assignments, 'b').length).toBeGreaterThanOrEqual(2);
  });

  it('most days worked, whatever the length of the shifts (six 4-hour shifts fit the minutes, not the days)', async () => {
    const short = { id: 'S', startMinutes: 10 * 60, lengthMinutes: 240 };
    const p = problem(7, [short], [agent('a', {}, { maxMinutes: 5 * 480, maxWorkDays: 5 })], cover(7, 'S', 1, HUNGRY));
    const s = await solveValid(p);
    expect(workedDays(s.assignments, 'a')).toHaveLength(5);
    expect(s.objective.terms.underCover).toBe(2 * HUNGRY);
    const six = [0, 1, 2, 3, 4, 5].map((day) => ({
      agentId: 'a',
      day,
      shiftTypeId: 'S',
      startMinutes: 600,
      lengthMinutes: 240,
      breaks: [],
    }));
    expect(evaluateRoster(p, six).violations.map((v) => v.rule)).toEqual(['max-work-days']);
  });

  it('max consecutive working days and min consecutive days off', async () => {
    const p = problem(
      10,
      [EARLY],
      [agent('a', {}, { maxConsecutiveWorkDays: 3, minConsecutiveDaysOff: 2 })],
      cover(10, 'E', 1, HUNGRY),
    );
    const s = await solveValid(p);
    const days = workedDays(s.assignments, 'a');
    expect(longestRun(days)).toBeLessThanOrEqual(3);
    for (let k = 1; k < days.length; k++)
      if (days[k] - days[k - 1] > 1) expect(days[k] - days[k - 1] - 1).toBeGreaterThanOrEqual(2);
    expect(days.length).toBe(6);
  });

  it('min consecutive working days', async () => {
    const p = problem(
      7,
      [EARLY],
      [agent('a', {}, { minConsecutiveWorkDays: 3 })],
      cover(7, 'E', [0, 0, 1, 0, 0, 0, 0], HUNGRY, 10),
    );
    const s = await solveValid(p);
    const days = workedDays(s.assignments, 'a');
    expect(days).toContain(2);
    expect(days.length).toBeGreaterThanOrEqual(3);
    expect(longestRun(days)).toBe(days.length);
  });

  it('weekends worked', async () => {
    const p = problem(14, [EARLY], [agent('a', {}, { maxWeekends: 1 })], cover(14, 'E', 1, HUNGRY));
    const s = await solveValid(p);
    const days = workedDays(s.assignments, 'a');
    const weekends = [
      [5, 6],
      [12, 13],
    ].filter((w) => w.some((d) => days.includes(d)));
    expect(weekends).toHaveLength(1);
  });

  it('fixed days off, leave and unavailability', async () => {
    const p = problem(
      4,
      [EARLY, LATE],
      [
        agent('a', {
          fixedDaysOff: [0],
          leaveDays: [1],
          unavailable: [{ day: 2 }, { day: 3, fromMinutes: 15 * 60, toMinutes: 17 * 60 }],
        }),
      ],
      [...cover(4, 'E', 1, HUNGRY), ...cover(4, 'L', 1, 2 * HUNGRY)],
    );
    const s = await solveValid(p);
    expect(s.assignments.map((a) => [a.day, a.shiftTypeId])).toEqual([[3, 'E']]);
  });

  it('minimum rest between shifts and shifts that may not follow', async () => {
    const rest = problem(
      4,
      [EARLY, LATE],
      [agent('a')],
      [...cover(4, 'E', [0, 1, 0, 1], HUNGRY), ...cover(4, 'L', [1, 0, 1, 0], HUNGRY)],
      { rules: { minRestMinutes: 11 * 60 } },
    );
    const s = await solveValid(rest);
    const line = [0, 1, 2, 3].map((d) => s.assignments.find((a) => a.day === d)?.shiftTypeId ?? null);
    for (let d = 0; d < 3; d++) expect(line[d] === 'L' && line[d + 1] === 'E').toBe(false);
    const banned = problem(
      2,
      [{ ...EARLY, notFollowedBy: ['L'] }, LATE],
      [agent('a')],
      [...cover(2, 'E', [1, 0], HUNGRY), ...cover(2, 'L', [0, 1], HUNGRY)],
    );
    const t = await solveValid(banned);
    expect(t.assignments).toHaveLength(1);
  });

  it('locked shifts and locked days off', async () => {
    const p = problem(3, [EARLY, LATE], [agent('a')], cover(3, 'E', 1, HUNGRY), {
      locked: [
        { agentId: 'a', day: 0, shiftTypeId: 'L' },
        { agentId: 'a', day: 1, shiftTypeId: null },
      ],
    });
    const s = await solveValid(p);
    expect(s.assignments.map((a) => [a.day, a.shiftTypeId])).toEqual([
      [0, 'L'],
      [2, 'E'],
    ]);
  });

  it('a supervisor on every worked shift', async () => {
    const agents = [agent('s', { supervisor: true }), agent('a'), agent('b'), agent('c')];
    const p = problem(3, [EARLY, LATE], agents, [...cover(3, 'E', 2, HUNGRY), ...cover(3, 'L', 2, HUNGRY)], {
      rules: { supervisorOnEveryShift: true },
    });
    const s = await solveValid(p);
    for (let d = 0; d < 3; d++) {
      for (const t of ['E', 'L']) {
        const on = s.assignments.filter((a) => a.day === d && a.shiftTypeId === t).map((a) => a.agentId);
        if (on.length > 0) expect(on).toContain('s');
      }
    }
    expect(s.assignments.length).toBe(6);
  });

  it('skills: only agents with the skill serve its demand', async () => {
    const agents = [
      agent('v', { skills: ['voice', 'chat'] }),
      agent('c1', { skills: ['chat'] }),
      agent('c2', { skills: ['chat'] }),
    ];
    const p = problem(2, [EARLY], agents, [
      ...cover(2, 'E', 3, HUNGRY, 1, 'voice'),
      ...cover(2, 'E', 1, 10, 1, 'chat'),
    ]);
    const s = await solveValid(p);
    for (const a of s.assignments) if (a.skill === 'voice') expect(a.agentId).toBe('v');
    expect(s.assignments.filter((a) => a.skill === 'voice')).toHaveLength(2);
    expect(s.dayCoverage.find((c) => c.skill === 'chat' && c.day === 0)?.scheduled).toBe(1);
  });
});

describe('solveRoster explains rules no roster can keep', () => {
  it('a contract minimum that leave makes impossible: which rule, which agent, which days', async () => {
    const p = problem(
      7,
      [EARLY],
      [agent('a', { leaveDays: [0, 1, 2, 3] }, { minMinutes: 4 * 480 }), agent('b')],
      cover(7, 'E', 1),
    );
    const s = await solveRoster(p, EXACT);
    expect(s.infeasibilities).toEqual([
      expect.objectContaining({ rule: 'min-minutes', agentIds: ['a'], days: [0, 1, 2, 3] }),
    ]);
    expect(s.violations.map((v) => v.rule)).toEqual(['min-minutes']);
    expect(workedDays(s.assignments, 'a')).toEqual([4, 5, 6]);
  });

  it('a contract minimum that part-day leave makes impossible names the part-day too (12:00–16:00 bars the 06:00–14:00 early shift)', async () => {
    const p = problem(
      7,
      [EARLY],
      [
        agent(
          'a',
          { leaveDays: [0, 1, 2], leaveParts: [{ day: 3, fromMinutes: 12 * 60, toMinutes: 16 * 60 }] },
          { minMinutes: 4 * 480 },
        ),
        agent('b'),
      ],
      cover(7, 'E', 1),
    );
    const s = await solveRoster(p, EXACT);
    expect(s.assignments.some((x) => x.agentId === 'a' && x.day === 3)).toBe(false);
    expect(s.infeasibilities).toEqual([
      expect.objectContaining({ rule: 'min-minutes', agentIds: ['a'], days: [0, 1, 2, 3] }),
    ]);
  });

  it('a shift locked on a leave day', async () => {
    const p = problem(3, [EARLY], [agent('a', { leaveDays: [1] })], cover(3, 'E', 1), {
      locked: [{ agentId: 'a', day: 1, shiftTypeId: 'E' }],
    });
    const s = await solveRoster(p, EXACT);
    expect(s.infeasibilities).toEqual([
      expect.objectContaining({ rule: 'locked-assignment', agentIds: ['a'], days: [1] }),
    ]);
    expect(workedDays(s.assignments, 'a')).toEqual([0, 2]);
  });

  it('demand for a skill nobody has, and shifts no supervisor may work', async () => {
    const agents = [
      agent('s', { supervisor: true, skills: ['chat'], leaveDays: [1] }),
      agent('a', { skills: ['chat'] }),
    ];
    const p = problem(2, [EARLY], agents, [...cover(2, 'E', 1, 10, 1, 'chat'), ...cover(2, 'E', 1, 10, 1, 'french')], {
      rules: { supervisorOnEveryShift: true },
    });
    const s = await solveRoster(p, EXACT);
    expect(s.infeasibilities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'no-qualified-agent', days: [0, 1] }),
        expect.objectContaining({ rule: 'supervisor-on-shift', days: [1] }),
      ]),
    );
    expect(s.violations).toEqual([]);
    expect(workedDays(s.assignments, 'a')).not.toContain(1);
  });

  it('templates that cannot hand over: which shift types fall short of the overlap', async () => {
    const overlapping = { ...LATE, startMinutes: 13 * 60 + 30 };
    const fine = await solveRoster(
      problem(1, [EARLY, overlapping], [agent('a')], cover(1, 'E', 1), { rules: { handoverMinutes: 30 } }),
      EXACT,
    );
    expect(fine.infeasibilities).toEqual([]);
    const short = await solveRoster(
      problem(1, [EARLY, LATE], [agent('a')], cover(1, 'E', 1), { rules: { handoverMinutes: 30 } }),
      EXACT,
    );
    expect(short.infeasibilities).toEqual([
      expect.objectContaining({
        rule: 'handover',
        days: [0],
        detail: expect.stringContaining('E overlaps L by 0 min'),
      }),
    ]);
    expect(short.violations).toEqual([]);
  });
});
