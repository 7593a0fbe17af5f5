import type { Roster, RosterVersion } from './roster.repository';
import { assignmentOf, rosterView, shiftOf } from './roster-view';
import { rosterDiff } from './roster-diff';
import { RosterWeek } from './roster-week';
import type { ShiftTemplate } from './shift-template.repository';

const week = new RosterWeek('2026-10-19', 'Europe/Berlin');
const template = (id: string, code: string): ShiftTemplate => ({
  id,
  shopId: 's',
  code,
  name: code,
  startMinutes: 480,
  startEarliest: null,
  startLatest: null,
  lengthMinutes: 540,
  breaks: [],
  late: false,
  colour: '#000000',
  archivedAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});
const templates = [template('t-e', 'E'), template('t-l', 'L')];
const agents = [
  { id: 'a1', employeeNo: 'CS1', name: 'A', teamId: null },
  { id: 'a2', employeeNo: 'CS2', name: 'B', teamId: null },
];
const shift = (agentId: string, day: number, shiftTypeId: string, startMinutes: number) =>
  shiftOf(week, {
    agentId,
    day,
    shiftTypeId,
    startMinutes,
    lengthMinutes: 540,
    skill: 'pre_sales',
    breaks: [{ name: 'meal', startMinutes: startMinutes + 240, minutes: 60 }],
  });

describe('roster view', () => {
  it('stores a solver assignment with its UTC span on both sides of the DST change and reads it back unchanged', () => {
    const monday = shift('a1', 0, 't-e', 480);
    const sunday = shift('a1', 6, 't-e', 480);
    expect(monday).toMatchObject({
      localDate: '2026-10-19',
      startsAt: new Date('2026-10-19T06:00:00Z'),
      endsAt: new Date('2026-10-19T15:00:00Z'),
    });
    expect(sunday).toMatchObject({
      localDate: '2026-10-25',
      startsAt: new Date('2026-10-25T07:00:00Z'),
      endsAt: new Date('2026-10-25T16:00:00Z'),
    });
    expect(assignmentOf(sunday)).toEqual({
      agentId: 'a1',
      day: 6,
      shiftTypeId: 't-e',
      startMinutes: 480,
      lengthMinutes: 540,
      skill: 'pre_sales',
      breaks: [{ name: 'meal', startMinutes: 720, minutes: 60 }],
    });
  });

  it('lists exactly the agent-days that were added, removed or changed', () => {
    const from = [shift('a1', 0, 't-e', 480), shift('a1', 1, 't-e', 480), shift('a2', 0, 't-e', 480)];
    const to = [shift('a1', 0, 't-e', 480), shift('a1', 1, 't-l', 840), shift('a2', 2, 't-e', 480)];
    const diff = rosterDiff(week, from, to, templates, agents);
    expect(diff.map((c) => [c.employeeNo, c.date, c.change, c.from?.code ?? null, c.to?.code ?? null])).toEqual([
      ['CS2', '2026-10-19', 'removed', 'E', null],
      ['CS1', '2026-10-20', 'changed', 'E', 'L'],
      ['CS2', '2026-10-21', 'added', null, 'E'],
    ]);
    expect(diff[1].to!.start).toEqual({ utc: '2026-10-20T12:00:00.000Z', local: '2026-10-20T14:00:00+02:00' });
    expect(rosterDiff(week, from, to, templates, agents, new Set(['a1'])).map((c) => c.agentId)).toEqual(['a1']);
    expect(rosterDiff(week, from, from, templates, agents)).toEqual([]);
  });

  it('shows booked training inside the shift and takes the trainee off the slots it covers', () => {
    const monday = [shift('a1', 0, 't-e', 480), shift('a2', 0, 't-e', 480)];
    const roster = {
      id: 'r',
      shopId: 's',
      weekStart: '2026-10-19',
      teamIds: [],
      demand: 'forecast',
      timeLimitSeconds: 5,
      status: 'completed',
      error: null,
      warnings: [],
      revision: 1,
      jobRunId: null,
      createdBy: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      solve: {},
      problem: {
        horizon: { startDate: '2026-10-19', days: 7, timeZone: 'Europe/Berlin', slotMinutes: 30 },
        shiftTypes: [],
        agents: [
          { id: 'a1', skills: ['pre_sales'], contract: { minMinutes: 0, maxMinutes: 2400 } },
          { id: 'a2', skills: ['pre_sales'], contract: { minMinutes: 0, maxMinutes: 2400 } },
        ],
      },
    } as unknown as Roster;
    // Slots 26 and 27 of Monday are 13:00–14:00 Berlin (11:00–12:00Z); both agents are on shift.
    const coverage = [26, 27, 28].map((slot) => ({
      skill: 'pre_sales',
      day: 0,
      slot,
      required: 2,
      scheduled: 2,
      gap: 0,
    }));
    const version = {
      id: 'v',
      shopId: 's',
      rosterId: 'r',
      version: 1,
      status: 'published',
      evaluation: { objective: null, violations: [], coverage, dayCoverage: [] },
      publishedAt: null,
      publishedBy: null,
      createdAt: new Date(0),
    } as unknown as RosterVersion;
    const training = {
      agentId: 'a1',
      kind: 'training' as const,
      sessionId: 'ts',
      title: '退款政策',
      startsAt: new Date('2026-10-19T11:00:00Z'),
      endsAt: new Date('2026-10-19T12:00:00Z'),
    };
    const view = rosterView({
      roster,
      versions: [version],
      version,
      shifts: monday,
      templates,
      agents,
      week,
      activities: [training],
    });
    const a1 = view.agents.find((a) => a.agentId === 'a1')!.days[0].shift!;
    expect(a1.activities).toEqual([
      {
        kind: 'training',
        sessionId: 'ts',
        title: '退款政策',
        start: { utc: '2026-10-19T11:00:00.000Z', local: '2026-10-19T13:00:00+02:00' },
        end: { utc: '2026-10-19T12:00:00.000Z', local: '2026-10-19T14:00:00+02:00' },
      },
    ]);
    expect(view.agents.find((a) => a.agentId === 'a2')!.days[0].shift!.activities).toEqual([]);
    expect(view.coverage.map((c) => [c.slot, c.scheduled, c.away, c.gap])).toEqual([
      [26, 1, 1, -1],
      [27, 1, 1, -1],
      [28, 2, 0, 0],
    ]);
    expect(view.agents.find((a) => a.agentId === 'a1')!.days[1]).toMatchObject({ shift: null, absence: 'day-off' });
  });

  it('takes an agent away for two reasons off the slot once: in training during a break is already off the floor', () => {
    const monday = [shift('a1', 0, 't-e', 480), shift('a2', 0, 't-e', 480)];
    const roster = {
      id: 'r',
      shopId: 's',
      weekStart: '2026-10-19',
      teamIds: [],
      demand: 'forecast',
      timeLimitSeconds: 5,
      status: 'completed',
      error: null,
      warnings: [],
      revision: 1,
      jobRunId: null,
      createdBy: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      solve: {},
      problem: {
        horizon: { startDate: '2026-10-19', days: 7, timeZone: 'Europe/Berlin', slotMinutes: 30 },
        shiftTypes: [],
        agents: [
          { id: 'a1', skills: ['pre_sales'], contract: { minMinutes: 0, maxMinutes: 2400 } },
          { id: 'a2', skills: ['pre_sales'], contract: { minMinutes: 0, maxMinutes: 2400 } },
        ],
      },
    } as unknown as Roster;
    // a1's meal is 12:00–13:00 Berlin (slots 24, 25): the evaluation already counts only a2 there.
    const coverage = [23, 24, 25].map((slot) => ({
      skill: 'pre_sales',
      day: 0,
      slot,
      required: 2,
      scheduled: slot === 23 ? 2 : 1,
      gap: slot === 23 ? 0 : -1,
    }));
    const version = {
      id: 'v',
      shopId: 's',
      rosterId: 'r',
      version: 1,
      status: 'published',
      evaluation: { objective: null, violations: [], coverage, dayCoverage: [] },
      publishedAt: null,
      publishedBy: null,
      createdAt: new Date(0),
    } as unknown as RosterVersion;
    const training = {
      agentId: 'a1',
      kind: 'training' as const,
      sessionId: 'ts',
      title: 'x',
      startsAt: new Date('2026-10-19T09:30:00Z'),
      endsAt: new Date('2026-10-19T11:00:00Z'),
    };
    const view = rosterView({
      roster,
      versions: [version],
      version,
      shifts: monday,
      templates,
      agents,
      week,
      activities: [training],
    });
    expect(view.coverage.map((c) => [c.slot, c.scheduled, c.away])).toEqual([
      [23, 1, 1],
      [24, 1, 0],
      [25, 1, 0],
    ]);
  });
});
