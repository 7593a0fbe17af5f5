import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { exportWorkbook } from './support/export-file';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';

const WEEK = '2026-11-30';
const LEAVE_DAY = '2026-12-02';
type Shift = { code: string; colour: string; lengthMinutes: number; start: { local: string }; end: { local: string }; breaks: { minutes: number }[] } | null;
type AgentRow = { agentId: string; employeeNo: string; name: string; days: { date: string; shift: Shift; absence: string | null }[] };

/** The weekly roster export read back against GET /rosters/:id. */
describe('roster export (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let rosterId: string;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    const me = (await t.http().get('/agents/me').set(bearer(await t.tokenFor('agent'))).expect(200)).body;
    agentId = me.id;
    const leave = await t.http().post('/leave').set(bearer(manager)).send({ agentId, kind: 'annual', startDate: LEAVE_DAY, endDate: LEAVE_DAY }).expect(201);
    await t.http().post(`/leave/${leave.body.id}/decision`).set(bearer(manager)).send({ decision: 'approved' }).expect(200);
    const res = await t.http().post('/rosters').set(bearer(manager)).send({
      weekStart: WEEK, teamIds: [me.teamId], timeLimitSeconds: 2, demand: 'day-cover',
      dayCover: [{ shiftTemplate: 'E', required: 4 }, { shiftTemplate: 'L', required: 3 }],
    }).expect(202);
    await t.app.get(JobQueue).settled(res.body.jobId, 60_000);
    rosterId = res.body.rosterId;
  });
  afterAll(() => t.close());

  const exportRoster = (token: string, lang: 'zh' | 'en') => exportWorkbook(t, token, { kind: 'roster', lang, params: { rosterId } });

  it('writes agents × days with shift codes in their colours, leave and days off marked, and week minutes', async () => {
    const roster = (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
    const { book, headers } = await exportRoster(manager, 'zh');
    expect(headers['content-disposition']).toContain(`demo_roster_${WEEK}_v1.xlsx`);
    const grid = book.getWorksheet('排班表')!;
    expect(grid.getRow(2).getCell(3).value).toBe('周一 11-30');
    const agents = roster.agents as AgentRow[];
    expect(grid.rowCount).toBe(2 + agents.length);
    agents.forEach((agent, i) => {
      const row = grid.getRow(3 + i);
      expect(row.getCell(1).value).toBe(agent.employeeNo);
      agent.days.forEach((day, d) => {
        const cell = row.getCell(3 + d);
        if (day.shift) {
          expect(String(cell.value)).toMatch(new RegExp(`^${day.shift.code} ${day.shift.start.local.slice(11, 16)}–${day.shift.end.local.slice(11, 16)}`));
          expect(cell.fill).toMatchObject({ fgColor: { argb: `FF${day.shift.colour.slice(1).toUpperCase()}` } });
        } else {
          expect(cell.value).toBe(day.absence === 'leave' ? '假' : '休');
        }
      });
      const minutes = agent.days.reduce((sum, d) => sum + (d.shift ? d.shift.lengthMinutes - d.shift.breaks.reduce((s, b) => s + b.minutes, 0) : 0), 0);
      expect(row.getCell(10).value).toBe(agent.days.filter((d) => d.shift).length);
      expect(row.getCell(11).value).toBe(minutes);
    });
    const mine = agents.findIndex((a) => a.agentId === agentId);
    expect(grid.getRow(3 + mine).getCell(3 + 2).value).toBe('假');
    const coverage = book.getWorksheet('覆盖')!;
    expect(coverage.rowCount).toBe(2 + roster.dayCoverage.length);
    const first = roster.dayCoverage[0];
    expect(coverage.getRow(3).getCell(1).value).toEqual(new Date(`${first.date}T00:00:00Z`));
    expect(coverage.getRow(3).getCell(4).value).toBe(first.required);
    expect(coverage.getRow(3).getCell(6).value).toBe(first.gap);
    const under = roster.dayCoverage.findIndex((c: { gap: number }) => c.gap < 0);
    if (under >= 0) expect(coverage.getRow(3 + under).getCell(6).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(book.getWorksheet('规则提示')).toBeDefined();
  });

  it('shows booked training inside the shift, in the API and in the grid', async () => {
    const before = (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
    const index = (before.agents as AgentRow[]).findIndex((a) => a.days[0].shift);
    const agent = (before.agents as AgentRow[])[index];
    const start = new Date(Date.parse((agent.days[0].shift as unknown as { start: { utc: string } }).start.utc) + 2 * 3_600_000);
    const sql = t.app.get(Db).client;
    const [{ id: trainer }] = await sql<{ id: string }[]>`select id from users where username = 'trainer'`;
    const [{ id: sessionId }] = await sql<{ id: string }[]>`
      insert into training_sessions (shop_id, category, title, status, starts_at, ends_at, capacity, trainer_user_id, impact, lost_contacts_within_target)
      values (${t.demoShopId}, '平台政策', '退款政策', 'booked', ${start.toISOString()}, ${new Date(start.getTime() + 3_600_000).toISOString()}, 5, ${trainer}, '{}'::jsonb, 0) returning id`;
    await sql`insert into training_attendees (shop_id, session_id, agent_id) values (${t.demoShopId}, ${sessionId}, ${agent.agentId})`;
    const after = (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
    const shift = (after.agents as AgentRow[])[index].days[0].shift as unknown as { activities: { title: string; start: { utc: string } }[] };
    expect(shift.activities).toEqual([expect.objectContaining({ kind: 'training', sessionId, title: '退款政策', start: expect.objectContaining({ utc: start.toISOString() }) })]);
    const { book } = await exportRoster(manager, 'en');
    expect(String(book.getWorksheet('Roster')!.getRow(3 + index).getCell(3).value)).toMatch(/ · training \d\d:\d\d$/);
  });

  it('is for planners of this shop only', async () => {
    await t.http().post('/exports').set(bearer(await t.tokenFor('hr'))).send({ kind: 'roster', params: { rosterId } }).expect(403);
    const other = await createSecondShop(t);
    await t.http().post('/exports').set(bearer(other.managerToken)).send({ kind: 'roster', params: { rosterId } }).expect(404);
    expect((await t.http().get('/exports').set(bearer(other.managerToken)).expect(200)).body.total).toBe(0);
  });
});
