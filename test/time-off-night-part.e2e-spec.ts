import { Db } from 'src/platform/db/db';
import { bearer, TestApp } from './support/test-app';
import {
  askTimeOff,
  PublishedTeamWeek,
  publishTeamWeek,
  readRoster,
  shiftOn,
  startAgentAndManager,
  weekDates,
} from './support/self-service-week';
import { shopInstant, shopMonday } from './support/coming-weeks';

type ShiftSpan = { code: string; start: { utc: string; local: string }; end: { utc: string; local: string } };
type Versions = { versions: { version: number; note: string | null }[] };

/**
 * Part of a night off (22:00–02:00 of a 23:00–08:00 night): the night is cut to what is left after
 * the leave, 02:00–08:00, which starts after midnight yet stays the night's shift on the night's date
 * (the next date has its own night). The shop's times are Shanghai's; the database keeps UTC.
 */
describe('part of a night off leaves the rest of the night on its date (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let me: string;
  let week: PublishedTeamWeek;
  const [mon, tue, wed, thu] = weekDates(shopMonday(3));

  beforeAll(async () => {
    ({ t, manager, agent, me } = await startAgentAndManager());
    // The starter templates, and the second half of a night (02:00, six hours, no meal) the shop may roster.
    await t.http().get('/shift-templates').set(bearer(manager)).expect(200);
    await t
      .http()
      .post('/shift-templates')
      .set(bearer(manager))
      .send({ code: 'R', name: '夜班后段', start: '02:00', lengthMinutes: 360, colour: '#4527A0', breaks: [] })
      .expect(201);
    week = await publishTeamWeek(t, mon, {}, 'N');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const spanOn = async (date: string, version?: number): Promise<ShiftSpan | null> => {
    const path = `/rosters/${week.rosterId}${version ? `?version=${version}` : ''}`;
    const roster = (await t.http().get(path).set(bearer(manager)).expect(200)).body;
    const day = roster.agents
      .find((a: { agentId: string }) => a.agentId === me)
      .days.find((d: { date: string }) => d.date === date);
    return day.shift;
  };

  it('asked by the agent and approved by the manager: the night keeps 02:00–08:00 on its date, with the version’s note', async () => {
    const asked = await askTimeOff(t, agent, {
      kind: 'comp',
      startDate: tue,
      endDate: wed,
      startTime: '22:00',
      endTime: '02:00',
    }).expect(201);
    expect(asked.body.status).toBe('pending');
    const approved = await t
      .http()
      .post(`/time-off-requests/${asked.body.id}/decision`)
      .set(bearer(manager))
      .send({ decision: 'approved' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      published: [{ rosterId: week.rosterId, from: 1, to: 2 }],
    });

    const roster = await readRoster(t, manager, week.rosterId);
    expect([mon, tue, wed].map((d) => shiftOn(roster, me, d))).toEqual(['N', 'R', 'N']);
    // Tuesday's night: Wednesday 02:00–08:00 in Shanghai, 18:00–24:00 UTC on Tuesday.
    expect(await spanOn(tue)).toMatchObject({
      code: 'R',
      start: { utc: shopInstant(wed, '02:00'), local: `${wed}T02:00:00+08:00` },
      end: { utc: shopInstant(wed, '08:00'), local: `${wed}T08:00:00+08:00` },
    });
    // Wednesday's own night is untouched: 23:00 Wednesday to 08:00 Thursday.
    expect(await spanOn(wed)).toMatchObject({
      code: 'N',
      start: { utc: shopInstant(wed, '23:00') },
      end: { utc: shopInstant(thu, '08:00') },
    });
    const sql = t.app.get(Db).client;
    const stored = await sql<{ local_date: string; start_minutes: number; starts_at: string; ends_at: string }[]>`
      select s.local_date, s.start_minutes, s.starts_at, s.ends_at
      from roster_shifts s join roster_versions v on v.id = s.version_id
      where v.roster_id = ${week.rosterId} and v.version = 2 and s.agent_id = ${me} and s.local_date = ${tue}`;
    expect(
      stored.map((s) => [
        s.local_date,
        s.start_minutes,
        new Date(s.starts_at).toISOString(),
        new Date(s.ends_at).toISOString(),
      ]),
    ).toEqual([[tue, 1440 + 120, shopInstant(wed, '02:00'), shopInstant(wed, '08:00')]]);
    // The leave: Tuesday 22:00 to Wednesday 02:00 local, the three paid hours of the night it took credited to Tuesday.
    const [leave] = await sql<{ starts_at: string; ends_at: string; credit: unknown }[]>`
      select starts_at, ends_at, credit from leaves where id = ${approved.body.leaveId}`;
    expect([new Date(leave.starts_at).toISOString(), new Date(leave.ends_at).toISOString(), leave.credit]).toEqual([
      shopInstant(tue, '22:00'),
      shopInstant(wed, '02:00'),
      [{ date: tue, minutes: 120 }],
    ]);
    const versions = (await t.http().get(`/rosters/${week.rosterId}`).set(bearer(manager)).expect(200))
      .body as Versions;
    const note = versions.versions.find((v) => v.version === 2)!.note;
    // Written in the shop's language (the decision asked for none).
    expect(note).toMatch(new RegExp(`（CS\\d+） ${tue}–${wed} 22:00–02:00 调休：与之重叠的班次已取消或缩短$`));
  });

  it('an edit naming the rest of the night without a start keeps it after midnight, and the week publishes with every rule checked', async () => {
    const { revision } = await readRoster(t, manager, week.rosterId);
    await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({ expectedRevision: revision, changes: [{ agentId: me, date: tue, shiftTemplate: 'R' }] })
      .expect(200);
    await t.http().post(`/rosters/${week.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
    expect((await readRoster(t, manager, week.rosterId)).version).toMatchObject({ version: 3, status: 'published' });
    expect(await spanOn(tue)).toMatchObject({ code: 'R', start: { local: `${wed}T02:00:00+08:00` } });
  });

  it('an edit cannot itself put a shift after the midnight of its date: the edit body knows no such field', async () => {
    const { revision } = await readRoster(t, manager, week.rosterId);
    const refused = await t
      .http()
      .patch(`/rosters/${week.rosterId}`)
      .set(bearer(manager))
      .send({
        expectedRevision: revision,
        changes: [{ agentId: me, date: wed, shiftTemplate: 'R', startsNextDay: true }],
      })
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'changes.0.startsNextDay', code: 'unknown_field' }),
    ]);
    const { revision: now } = await readRoster(t, manager, week.rosterId);
    expect(now).toBe(revision);
  });
});
