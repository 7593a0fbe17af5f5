import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { exportWorkbook } from './support/export-file';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { approvedLeave } from './support/approved-leave';

const WEEK = '2026-11-30';
const LEAVE_DAY = '2026-12-02';
type Shift = {
  code: string;
  name: string;
  colour: string;
  lengthMinutes: number;
  start: { local: string };
  end: { local: string };
  breaks: { name: string; minutes: number; paid: boolean; start: { local: string } }[];
} | null;
type AgentRow = {
  agentId: string;
  employeeNo: string;
  name: string;
  days: { date: string; shift: Shift; absence: string | null }[];
};

/** The weekly roster export read back against GET /rosters/:id. */
describe('roster export (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let rosterId: string;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    const me = (
      await t
        .http()
        .get('/agents/me')
        .set(bearer(await t.tokenFor('agent')))
        .expect(200)
    ).body;
    agentId = me.id;
    await approvedLeave(t, manager, { agentId, startDate: LEAVE_DAY, endDate: LEAVE_DAY });
    const res = await t
      .http()
      .post('/rosters')
      .set(bearer(manager))
      .send({
        weekStart: WEEK,
        teamIds: [me.teamId],
        timeLimitSeconds: 2,
        demand: 'day-cover',
        dayCover: [
          { shiftTemplate: 'E', required: 4 },
          { shiftTemplate: 'L', required: 3 },
        ],
      })
      .expect(202);
    await t.app.get(JobQueue).settled(res.body.jobId, 60_000);
    rosterId = res.body.rosterId;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const exportRoster = (token: string, lang: 'zh' | 'en') =>
    exportWorkbook(t, token, { kind: 'roster', lang, params: { rosterId } });

  it('writes agents × days with shift codes in their colours, leave and days off marked, and week minutes', async () => {
    const roster = (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
    const { book, headers } = await exportRoster(manager, 'zh');
    expect(headers['content-disposition']).toContain(`demo_roster_${WEEK}_v1.xlsx`);
    const grid = book.getWorksheet('排班表')!;
    const [shop] = await t.app.get(Db).client<{ name: string }[]>`select name from shops where id = ${t.demoShopId}`;
    expect(grid.getCell('A1').value).toBe(`${shop.name} 周排班表`);
    expect(String(grid.getCell('A2').value)).toMatch(
      new RegExp(`^${WEEK} – 2026-12-06 · v1 草稿 · 生成于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`),
    );
    expect(grid.model.merges).toEqual(expect.arrayContaining(['A1:K1', 'A2:K2']));
    // Day headers are dates shown as "11/30 周一".
    expect(grid.getCell('C3').value).toEqual(new Date(`${WEEK}T00:00:00Z`));
    expect(grid.getCell('C3').numFmt).toBe('mm/dd "周一"');
    expect(grid.getCell('I3').numFmt).toBe('mm/dd "周日"');
    expect(grid.getCell('K3').value).toBe('周工时(分钟，含带薪休息)');
    const agents = roster.agents as AgentRow[];
    expect(grid.rowCount).toBe(3 + agents.length);
    agents.forEach((agent, i) => {
      const row = grid.getRow(4 + i);
      expect(row.getCell(1).value).toBe(agent.employeeNo);
      agent.days.forEach((day, d) => {
        const cell = row.getCell(3 + d);
        if (day.shift) {
          expect(String(cell.value).split('\n')).toEqual([
            `${day.shift.code} ${day.shift.start.local.slice(11, 16)}–${day.shift.end.local.slice(11, 16)}`,
            ...day.shift.breaks.map((b) => `${b.name === 'meal' ? '餐' : '休息'} ${b.start.local.slice(11, 16)}`),
          ]);
          expect(cell.alignment).toMatchObject({ wrapText: true });
          expect(cell.fill).toMatchObject({ fgColor: { argb: `FF${day.shift.colour.slice(1).toUpperCase()}` } });
        } else {
          expect(cell.value).toBe(day.absence === 'leave' ? '假' : '休');
        }
      });
      // As contracts count: the paid rest is worked time, the unpaid meal is not.
      const minutes = agent.days.reduce(
        (sum, d) =>
          sum +
          (d.shift
            ? d.shift.lengthMinutes - d.shift.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0)
            : 0),
        0,
      );
      expect(row.getCell(10).value).toBe(agent.days.filter((d) => d.shift).length);
      expect(row.getCell(11).value).toBe(minutes);
    });
    const mine = agents.findIndex((a) => a.agentId === agentId);
    expect(grid.getRow(4 + mine).getCell(3 + 2).value).toBe('假');
    // One row per shift, with real date and time cells.
    const list = book.getWorksheet('班次明细')!;
    const shifts = agents.flatMap((a) =>
      a.days.filter((d) => d.shift).map((d) => ({ agent: a, day: d, shift: d.shift! })),
    );
    expect(list.rowCount).toBe(3 + shifts.length);
    const { agent, day, shift } = shifts[0];
    const first = list.getRow(4);
    expect(first.getCell(1).value).toBe(agent.employeeNo);
    expect(first.getCell(4).value).toEqual(new Date(`${day.date}T00:00:00Z`));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(5).value).toBe(`${shift.code} ${shift.name}`);
    const time = (local: string) =>
      new Date(Date.UTC(1899, 11, 30, Number(local.slice(11, 13)), Number(local.slice(14, 16))));
    expect(first.getCell(6).value).toEqual(time(shift.start.local));
    expect(first.getCell(6).numFmt).toBe('hh:mm');
    expect(first.getCell(7).value).toEqual(time(shift.end.local));
    expect(first.getCell(8).value).toBe(
      shift.lengthMinutes - shift.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0),
    );
    expect(first.getCell(9).value).toEqual(time(shift.breaks.find((b) => b.name === 'meal')!.start.local));
    expect(first.getCell(10).value).toEqual(time(shift.breaks.find((b) => b.name !== 'meal')!.start.local));
    const coverage = book.getWorksheet('覆盖')!;
    expect(coverage.rowCount).toBe(3 + roster.dayCoverage.length);
    const cover = roster.dayCoverage[0];
    expect(coverage.getRow(4).getCell(1).value).toEqual(new Date(`${cover.date}T00:00:00Z`));
    expect(coverage.getRow(4).getCell(4).value).toBe(cover.required);
    expect(coverage.getRow(4).getCell(6).value).toBe(cover.gap);
    const under = roster.dayCoverage.findIndex((c: { gap: number }) => c.gap < 0);
    if (under >= 0) expect(coverage.getRow(4 + under).getCell(6).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(book.getWorksheet('规则提示')).toBeDefined();
  });

  it('shows booked training inside the shift, in the API and in the grid', async () => {
    const before = (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
    const index = (before.agents as AgentRow[]).findIndex((a) => a.days[0].shift);
    const agent = (before.agents as AgentRow[])[index];
    const start = new Date(
      Date.parse((agent.days[0].shift as unknown as { start: { utc: string } }).start.utc) + 2 * 3_600_000,
    );
    const sql = t.app.get(Db).client;
    const [{ id: trainer }] = await sql<{ id: string }[]>`select id from users where username = 'trainer'`;
    const [{ id: sessionId }] = await sql<{ id: string }[]>`
      insert into training_sessions (shop_id, category, title, status, starts_at, ends_at, capacity, trainer_user_id, impact, lost_contacts_within_target)
      values (${t.demoShopId}, '平台政策', '退款政策', 'booked', ${start.toISOString()}, ${new Date(start.getTime() + 3_600_000).toISOString()}, 5, ${trainer}, '{}'::jsonb, 0) returning id`;
    await sql`insert into training_attendees (shop_id, session_id, agent_id) values (${t.demoShopId}, ${sessionId}, ${agent.agentId})`;
    const after = (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
    const shift = (after.agents as AgentRow[])[index].days[0].shift as unknown as {
      activities: { title: string; start: { utc: string } }[];
    };
    expect(shift.activities).toEqual([
      expect.objectContaining({
        kind: 'training',
        sessionId,
        title: '退款政策',
        start: expect.objectContaining({ utc: start.toISOString() }),
      }),
    ]);
    const { book } = await exportRoster(manager, 'en');
    expect(
      String(
        book
          .getWorksheet('Roster')!
          .getRow(4 + index)
          .getCell(3).value,
      ),
    ).toMatch(/\ntraining \d\d:\d\d$/);
    const list = book.getWorksheet('Shifts')!;
    const listed = [...Array(list.rowCount - 3).keys()]
      .map((k) => list.getRow(4 + k))
      .find((r) => r.getCell(1).value === agent.employeeNo && r.getCell(11).value)!;
    expect(listed.getCell(11).value).toMatch(/^退款政策 \d\d:\d\d–\d\d:\d\d$/);
  });

  it('is for planners of this shop only', async () => {
    await t
      .http()
      .post('/exports')
      .set(bearer(await t.tokenFor('hr')))
      .send({ kind: 'roster', params: { rosterId } })
      .expect(403);
    const missing = await t
      .http()
      .post('/exports')
      .set(bearer(manager))
      .send({ kind: 'roster', params: { rosterId, version: 99 } })
      .expect(404);
    expect(missing.body.code).toBe('roster.version-not-found');
    const other = await createSecondShop(t);
    await t
      .http()
      .post('/exports')
      .set(bearer(other.managerToken))
      .send({ kind: 'roster', params: { rosterId } })
      .expect(404);
    expect((await t.http().get('/exports').set(bearer(other.managerToken)).expect(200)).body.total).toBe(0);
  });
});
