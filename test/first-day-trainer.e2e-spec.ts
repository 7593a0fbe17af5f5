import { DateTime } from 'luxon';
import { demoCalendar } from './support/demo-calendar';
import { demoAppPerFile } from './support/demo-database';
import { bearer } from './support/test-app';

/** The trainer on a fresh demo, alone: the booked session, training needs, and times proposed for a new one. */
describe('first day: trainer (e2e, seeded demo)', () => {
  const demo = demoAppPerFile();
  const day = demoCalendar();

  it('sees the demo’s booked session with its attendees', async () => {
    const trainer = await demo.t.tokenFor('trainer');
    const from = DateTime.fromISO(day.thisMonday, { zone: 'Asia/Shanghai' }).minus({ days: 7 }).toUTC().toISO();
    const to = DateTime.fromISO(day.nextSunday, { zone: 'Asia/Shanghai' }).plus({ days: 7 }).toUTC().toISO();
    const sessions = (
      await demo.t.http().get(`/training/sessions?from=${from}&to=${to}`).set(bearer(trainer)).expect(200)
    ).body;
    expect(sessions.items.length).toBeGreaterThanOrEqual(1);
    expect(sessions.items[0].attendees.length).toBeGreaterThan(0);
  });

  it('reads training needs and gets proposed times for a new session this week', async () => {
    const trainer = await demo.t.tokenFor('trainer');
    const me = (await demo.t.http().get('/auth/me').set(bearer(trainer)).expect(200)).body;
    const needs = (await demo.t.http().get('/training/needs?days=30').set(bearer(trainer)).expect(200)).body;
    expect(needs).toBeDefined();
    const from = DateTime.fromISO(day.thisMonday, { zone: 'Asia/Shanghai' }).minus({ days: 7 }).toUTC().toISO();
    const to = DateTime.fromISO(day.nextSunday, { zone: 'Asia/Shanghai' }).plus({ days: 7 }).toUTC().toISO();
    const booked = (
      await demo.t.http().get(`/training/sessions?from=${from}&to=${to}`).set(bearer(trainer)).expect(200)
    ).body.items[0];
    const agentIds = booked.attendees.map((a: { agentId: string }) => a.agentId);
    const proposal = await demo.t
      .http()
      .post('/training/sessions/proposals')
      .set(bearer(trainer))
      .send({
        category: '沟通技巧',
        lengthMinutes: 60,
        capacity: 10,
        trainerUserId: me.id,
        invitees: { agentIds },
        from: day.thisMonday,
        to: day.thisSunday,
        allowBelowMinimum: true,
      })
      .expect(200);
    expect(proposal.body.invitees).toBe(agentIds.length);
    expect(Array.isArray(proposal.body.options)).toBe(true);
  });
});
