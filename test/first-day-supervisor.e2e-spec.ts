import { demoCalendar } from './support/demo-calendar';
import { demoAppPerFile } from './support/demo-database';
import { bearer } from './support/test-app';

/** The supervisor on a fresh demo, alone: the team's roster, KPIs and complaints, and a coaching task closed. */
describe('first day: supervisor (e2e, seeded demo)', () => {
  const demo = demoAppPerFile();
  const day = demoCalendar();

  it('sees this week’s published roster of the team and the team’s KPIs of last month', async () => {
    const supervisor = await demo.t.tokenFor('supervisor');
    const rosters = (await demo.t.http().get(`/rosters?week=${day.thisMonday}`).set(bearer(supervisor)).expect(200))
      .body;
    expect(rosters.total).toBe(1);
    const roster = (await demo.t.http().get(`/rosters/${rosters.items[0].id}`).set(bearer(supervisor)).expect(200))
      .body;
    expect(roster.version.status).toBe('published');
    const kpis = (
      await demo.t
        .http()
        .get(`/kpis?level=team&from=${day.lastMonthFrom}&to=${day.lastMonthTo}&metrics=sessions`)
        .set(bearer(supervisor))
        .expect(200)
    ).body;
    expect(kpis.items).toHaveLength(1);
    expect(kpis.items[0].values.sessions).toBeGreaterThan(0);
  });

  it('coaches an agent of the team after a weak QC review and closes the task', async () => {
    const supervisor = await demo.t.tokenFor('supervisor');
    const tasks = (await demo.t.http().get('/qc/coaching-tasks?status=open').set(bearer(supervisor)).expect(200)).body;
    expect(tasks.total).toBeGreaterThan(0);
    const closed = await demo.t
      .http()
      .post(`/qc/coaching-tasks/${tasks.items[0].id}/close`)
      .set(bearer(supervisor))
      .send({ note: '已与客服复盘话术，明确退款政策' })
      .expect(200);
    expect(closed.body.status).toBe('done');
  });

  it('sees the complaints about the team', async () => {
    const supervisor = await demo.t.tokenFor('supervisor');
    const agent = (
      await demo.t
        .http()
        .get('/auth/me')
        .set(bearer(await demo.t.tokenFor('agent')))
        .expect(200)
    ).body;
    const complaints = (await demo.t.http().get('/complaints').set(bearer(supervisor)).expect(200)).body;
    // The demo's first complaint is about the demo agent, of the supervisor's team.
    expect(complaints.items.some((c: { agentId: string | null }) => c.agentId === agent.agentId)).toBe(true);
  });
});
