import { say, withLocale } from 'src/platform/i18n/request-locale';
import type { RosterShift } from './roster.repository';
import { CoverRow, underCover } from './roster-under-cover';
import { RosterWeek } from './roster-week';
import type { RosterAgent, RosterProblem } from './solver';

const WEEK = new RosterWeek('2026-11-30', 'Asia/Shanghai');
const agent = (id: string, extra: Partial<RosterAgent> = {}): RosterAgent => ({
  id,
  skills: ['pre_sales'],
  contract: { minMinutes: 0, maxMinutes: 2400 },
  ...extra,
});
const NIGHT = { id: 'N', startMinutes: 23 * 60, lengthMinutes: 540 };
const EARLY = { id: 'E', startMinutes: 8 * 60, lengthMinutes: 540 };

/** One day's slots (30 min) of pre-sales: `required` and `scheduled` per local hour. */
function day(date: string, perHour: (hour: number) => [number, number]): CoverRow[] {
  return Array.from({ length: 48 }, (_, k) => {
    const [required, scheduled] = perHour(Math.floor(k / 2));
    const local = `${date}T${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}:00+08:00`;
    return { skill: 'pre_sales', date, local, required, scheduled, gap: scheduled - required };
  });
}

const shift = (agentId: string, d: number, type: string): RosterShift =>
  ({ agentId, day: d, shiftTemplateId: type }) as RosterShift;

describe('under-cover warnings', () => {
  const names = new Map([['pre_sales', '售前']]);

  it('sums the agent-hours short per day, daypart and skill, and names who may work nights as what binds', () => {
    // Six agents; two may not work the night into Tuesday (leave on Monday, unavailable Tuesday 00–06).
    const agents = [
      agent('a'),
      agent('b'),
      agent('c'),
      agent('d'),
      agent('e', { leaveDays: [0] }),
      agent('f', { unavailable: [{ day: 1, fromMinutes: 0, toMinutes: 360 }] }),
    ];
    const problem: RosterProblem = {
      horizon: { startDate: '2026-11-30', days: 7, timeZone: 'Asia/Shanghai' },
      shiftTypes: [NIGHT, EARLY],
      agents,
    };
    // Tuesday: 5 wanted 00–06, 3 on duty; mornings short by one from 10 to 12.
    const coverage = day('2026-12-01', (h) => (h < 6 ? [5, 3] : h >= 10 && h < 12 ? [4, 3] : [2, 2]));
    // Everyone works Tuesday: the morning's gap has nobody left who may work then.
    const found = underCover(
      problem,
      WEEK,
      coverage,
      agents.map((a) => shift(a.id, 1, 'E')),
      names,
      30,
    );
    expect(found.map((u) => [u.date, u.daypart, u.skill, u.missingAgentHours, u.peakShort, u.reasonCode])).toEqual([
      ['2026-12-01', 'night', 'pre_sales', 12, 2, 'only-few-may-work'],
      ['2026-12-01', 'morning', 'pre_sales', 2, 1, 'all-on-shift'],
    ]);
    expect(withLocale('en', () => say(found[0].message))).toBe(
      '2026-12-01 night (00:00–06:00): 12 agent-hours of 售前 missing',
    );
    expect(withLocale('en', () => say(found[0].reason!))).toBe(
      'only 4 agents with 售前 may work then (leave, days off, unavailability, shift templates); up to 5 are needed',
    );
    expect(withLocale('zh', () => say(found[0].reason!))).toBe(
      '当时只有 4 名具备售前的客服可以上班（受休假、休息日、不可排班时段、班次模板所限），而最多需要 5 名',
    );
  });

  it('names contracts too short for the week when enough agents may work but not for that long', () => {
    const agents = [
      agent('a', { contract: { minMinutes: 0, maxMinutes: 480 } }),
      agent('b', { contract: { minMinutes: 0, maxMinutes: 480 } }),
    ];
    const problem: RosterProblem = {
      horizon: { startDate: '2026-11-30', days: 7, timeZone: 'Asia/Shanghai' },
      shiftTypes: [EARLY],
      agents,
    };
    const coverage = day('2026-11-30', (h) => (h >= 8 && h < 17 ? [2, 1] : [0, 0]));
    const [found] = underCover(problem, WEEK, coverage, [shift('a', 0, 'E')], names, 30);
    expect(found).toMatchObject({ daypart: 'morning', reasonCode: 'contracts-short', missingAgentHours: 4 });
    expect(withLocale('en', () => say(found.reason!))).toBe(
      'by contract, agents with 售前 may work at most 16 h this week; the demand is 18 agent-hours',
    );
  });

  it('counts an agent on leave for part of the day as unable to work a shift that overlaps it, as the rule engine does', () => {
    // b is off Monday 14:00–18:00: the early shift (08:00–17:00) overlaps it, so only a may work the afternoon.
    const problem: RosterProblem = {
      horizon: { startDate: '2026-11-30', days: 7, timeZone: 'Asia/Shanghai' },
      shiftTypes: [EARLY],
      agents: [agent('a'), agent('b', { leaveParts: [{ day: 0, fromMinutes: 840, toMinutes: 1080 }] })],
    };
    const coverage = day('2026-11-30', (h) => (h >= 12 && h < 17 ? [2, 1] : [0, 0]));
    const [found] = underCover(problem, WEEK, coverage, [shift('a', 0, 'E')], names, 30);
    expect(found).toMatchObject({ daypart: 'afternoon', reasonCode: 'only-few-may-work' });
    expect(withLocale('en', () => say(found.reason!))).toContain('only 1 agents with 售前 may work then');
    // Leave that ends before the shift would start leaves b able (08:00 on Tuesday is clear of Monday's leave).
    const tuesday = day('2026-12-01', (h) => (h >= 12 && h < 17 ? [2, 1] : [0, 0]));
    const [clear] = underCover(problem, WEEK, tuesday, [shift('a', 1, 'E')], names, 30);
    expect(clear).toMatchObject({ daypart: 'afternoon', reasonCode: null });
  });

  it('gives no reason when nothing binds (the solver traded the gap for other costs) and nothing when covered', () => {
    const problem: RosterProblem = {
      horizon: { startDate: '2026-11-30', days: 7, timeZone: 'Asia/Shanghai' },
      shiftTypes: [EARLY],
      agents: [agent('a'), agent('b'), agent('c')],
    };
    const coverage = day('2026-11-30', (h) => (h === 14 ? [2, 1] : [1, 1]));
    const found = underCover(problem, WEEK, coverage, [], names, 30);
    expect(found).toMatchObject([{ daypart: 'afternoon', missingAgentHours: 1, reasonCode: null, reason: null }]);
    expect(
      underCover(
        problem,
        WEEK,
        day('2026-11-30', () => [1, 1]),
        [],
        names,
        30,
      ),
    ).toEqual([]);
  });
});
