import { say, withLocale } from 'src/platform/i18n/request-locale';
import { RosterRefusals } from './roster-refusals';
import type { RosterShift } from './roster.repository';
import { shiftOf } from './roster-view';
import { RosterWeek } from './roster-week';
import type { ShiftTemplate } from './shift-template.repository';

const WEEK = new RosterWeek('2027-01-18', 'Asia/Shanghai');
const template = (id: string, name: string) => ({ id, name, code: id }) as ShiftTemplate;
const shift = (day: number, type: string, start: number): RosterShift =>
  shiftOf(WEEK, {
    agentId: 'a1',
    day,
    shiftTypeId: type,
    startMinutes: start,
    lengthMinutes: 540,
    skill: 'pre_sales',
    breaks: [],
  });

const words = new RosterRefusals({
  week: WEEK,
  agents: [{ id: 'a1', employeeNo: 'CS0002', name: '王芳', teamId: null }],
  templates: [template('tE', '早班'), template('tN', '夜班')],
  shifts: [shift(0, 'tE', 480), shift(2, 'tN', 1380)],
  skillNames: new Map([['pre_sales', '售前']]),
});
const both = (v: Parameters<RosterRefusals['describe']>[0]) => [
  withLocale('en', () => say(words.describe(v))),
  withLocale('zh', () => say(words.describe(v))),
];

describe('refusals as a manager words them', () => {
  it('names the agent and number, date, shift and times, and the rest with its hours and the other shift', () => {
    const rest = {
      rule: 'min-rest',
      agentIds: ['a1'],
      days: [0],
      detail: '',
      facts: {
        restMinutes: 0,
        minRestMinutes: 660,
        otherShift: 'tN',
        otherDay: -1,
        otherStartMinutes: 1380,
        otherLengthMinutes: 540,
      },
    };
    expect(both(rest)).toEqual([
      '王芳 (CS0002), 2027-01-18 早班 08:00–17:00: rest 0 h < 11 h after 2027-01-17 夜班 23:00–08:00',
      '王芳（CS0002），2027-01-18 早班 08:00–17:00：2027-01-17 夜班 23:00–08:00 之后仅休息 0 小时，少于 11 小时',
    ]);
    const before = {
      ...rest,
      days: [2],
      facts: { ...rest.facts, restMinutes: 540, otherShift: 'tE', otherDay: 3, otherStartMinutes: 480 },
    };
    expect(both(before)[0]).toBe(
      '王芳 (CS0002), 2027-01-20 夜班 23:00–08:00: rest 9 h < 11 h before 2027-01-21 早班 08:00–17:00',
    );
  });

  it('names leave the night runs into, runs and hours with their limits, and the week when no day is named', () => {
    expect(both({ rule: 'leave', agentIds: ['a1'], days: [2], detail: '', facts: { closedDay: 3 } })[0]).toBe(
      '王芳 (CS0002), 2027-01-20 夜班 23:00–08:00: the shift runs into 2027-01-21, a day of approved leave',
    );
    expect(
      both({
        rule: 'max-consecutive-work',
        agentIds: ['a1'],
        days: [0, 1, 2, 3, 4, 5],
        detail: '',
        facts: { count: 6, limit: 5 },
      })[1],
    ).toBe('王芳（CS0002），2027-01-18 早班 08:00–17:00：连续上班 6 天，超过上限 5 天');
    expect(
      both({ rule: 'min-minutes', agentIds: ['a1'], days: [], detail: '', facts: { count: 1920, limit: 2400 } }),
    ).toEqual([
      '王芳 (CS0002): 32 h < 40 h the contract asks for in the week',
      '王芳（CS0002）：本周工时 32 小时，少于合同要求的 40 小时',
    ]);
    expect(both({ rule: 'skill', agentIds: ['a1'], days: [0], detail: '' })[0]).toBe(
      '王芳 (CS0002), 2027-01-18 早班 08:00–17:00: lacks the skill 售前',
    );
  });

  it('never shows an id, also for a rule stored without its numbers', () => {
    const old = both({ rule: 'min-minutes', agentIds: ['a1'], days: [], detail: 'a1 needs 2400 min' });
    expect(old[0]).toBe('王芳 (CS0002): the rule min-minutes is broken');
    expect(both({ rule: 'supervisor-on-shift', agentIds: [], days: [2], detail: '', facts: { shift: 'tN' } })[1]).toBe(
      '2027-01-20：夜班没有主管在岗',
    );
    for (const line of [
      ...old,
      ...both({ rule: 'locked-assignment', agentIds: ['a1'], days: [0], detail: '', facts: { lockedShift: 'tN' } }),
    ])
      expect(line).not.toMatch(/\bt[EN]\b|\ba1\b/);
  });

  it('names a break outside its window by its clock time and the minutes lived since the start', () => {
    const meal = {
      rule: 'shift-template',
      agentIds: ['a1'],
      days: [2],
      detail: '',
      facts: {
        breakName: 'meal',
        offsetMinutes: 360,
        clockMinutes: 1680,
        earliest: 180,
        latest: 300,
        minutes: 60,
        ruleMinutes: 60,
      },
    };
    expect(both(meal)).toEqual([
      '王芳 (CS0002), 2027-01-20 夜班 23:00–08:00: the meal break at 04:00 starts 360 min after the start of 夜班 (time lived, also on the night the clocks change); it must start 180–300 min after',
      '王芳（CS0002），2027-01-20 夜班 23:00–08:00：夜班的“meal”休息于 04:00 开始，实际距上班 360 分钟（按实际经过的时间计，时钟调整之夜亦然）；须在上班后 180–300 分钟内开始',
    ]);
    // A break missing or of another length keeps the template's wording.
    expect(both({ ...meal, facts: { breakName: 'meal' } })[0]).toBe(
      '王芳 (CS0002), 2027-01-20 夜班 23:00–08:00: the shift does not fit its template 夜班 (start, length or breaks)',
    );
  });
});
