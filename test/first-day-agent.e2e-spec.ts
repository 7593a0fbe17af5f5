import { demoCalendar } from './support/demo-calendar';
import { demoAppPerFile } from './support/demo-database';
import { bearer } from './support/test-app';

/** An agent on a fresh demo: this week's published shifts and their own KPIs. */
describe('first day: agent (e2e, seeded demo)', () => {
  const demo = demoAppPerFile();
  const day = demoCalendar();

  it('sees their published shifts of this week (and asks for this and next week in one go)', async () => {
    const agent = await demo.t.tokenFor('agent');
    const mine = (
      await demo.t.http().get(`/me/shifts?from=${day.thisMonday}&to=${day.nextSunday}`).set(bearer(agent)).expect(200)
    ).body;
    expect(mine.items.length).toBeGreaterThan(0);
    for (const shift of mine.items) expect(shift.date >= day.thisMonday && shift.date <= day.thisSunday).toBe(true);
  });

  it('sees their own KPIs of last month and nobody else’s', async () => {
    const agent = await demo.t.tokenFor('agent');
    const me = (await demo.t.http().get('/auth/me').set(bearer(agent)).expect(200)).body;
    const kpis = (
      await demo.t
        .http()
        .get(`/kpis?level=agent&from=${day.lastMonthFrom}&to=${day.lastMonthTo}&metrics=sessions,satisfaction`)
        .set(bearer(agent))
        .expect(200)
    ).body;
    expect(kpis.items).toHaveLength(1);
    expect(kpis.items[0].agentId).toBe(me.agentId);
    expect(kpis.items[0].values.sessions).toBeGreaterThan(0);
  });
});
