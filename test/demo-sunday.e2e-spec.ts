import { DateTime } from 'luxon';
import { DemoSetup } from 'src/demo/demo-setup.service';
import { bearer, startTestApp, TestApp } from './support/test-app';

const ZONE = 'Asia/Shanghai';

type Session = { start: { local: string }; attendees: unknown[] };

/**
 * The demo seeded on a Sunday in the shop's zone: its published roster is this week's, so none of
 * the coming days is rostered. The trainer's first day still finds a booked session with attendees
 * (every Sunday it found none: the session was planned on the next seven days alone, where nobody
 * can be placed, and test/first-day-trainer failed).
 */
describe('the demo seeded on a Sunday (e2e)', () => {
  let t: TestApp;
  // Last week's Sunday at 10:00 local: behind the real clock whatever day the test runs (the demo's
  // complaints may not be received in the future).
  const sunday = DateTime.now().setZone(ZONE).startOf('week').minus({ days: 1 }).plus({ hours: 10 });

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSetup).seed(sunday.toJSDate());
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('books the trainer a session with attendees on the Sunday’s shifts', async () => {
    const trainer = await t.tokenFor('trainer');
    const week = sunday.startOf('week');
    const from = week.toUTC().toISO();
    const to = week.plus({ weeks: 2 }).toUTC().toISO();
    const sessions = (await t.http().get(`/training/sessions?from=${from}&to=${to}`).set(bearer(trainer)).expect(200))
      .body.items as Session[];
    expect(sessions.length).toBeGreaterThanOrEqual(1);
    expect(sessions[0].attendees.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.start.local.slice(0, 10))).toEqual(sessions.map(() => sunday.toISODate()));
  });
});
