import { exportWorkbook } from './support/export-file';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { seedTrainingWeek, TrainingWeek } from './support/training-week';

/** The training plan export: one row per booked session, one per attendee, equal to the API’s JSON. */
describe('training plan export (e2e)', () => {
  let t: TestApp;
  let w: TrainingWeek;
  let trainer: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedTrainingWeek(t);
    trainer = await t.tokenFor('trainer');
    await t
      .http()
      .post('/training/sessions')
      .set(bearer(trainer))
      .send({
        category: '平台政策',
        title: '七天无理由退货政策',
        lengthMinutes: 60,
        capacity: 10,
        trainerUserId: w.trainerUserId,
        invitees: { agentIds: [w.a, w.b, w.c, w.d] },
        start: w.at(0, '15:00'),
      })
      .expect(201);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('writes the week’s sessions and attendance as real cells', async () => {
    const [session] = (
      await t
        .http()
        .get(`/training/sessions?from=${w.at(0, '00:00')}&to=${w.at(7, '00:00')}`)
        .set(bearer(trainer))
        .expect(200)
    ).body.items;
    await t
      .http()
      .put(`/training/sessions/${session.id}/attendance`)
      .set(bearer(trainer))
      .send({
        attendees: [
          { agentId: w.a, attendance: 'attended' },
          { agentId: w.b, attendance: 'absent' },
        ],
      })
      .expect(200);
    const to = new Date(Date.parse(w.weekStart) + 6 * 86_400_000).toISOString().slice(0, 10);
    const { book, headers } = await exportWorkbook(t, trainer, {
      kind: 'training-plan',
      lang: 'en',
      params: { from: w.weekStart, to },
    });
    expect(headers['content-disposition']).toContain(`demo_training_${w.weekStart}_${to}.xlsx`);
    const plan = book.getWorksheet('Training plan')!;
    const row = plan.getRow(4);
    expect(row.getCell(1).value).toEqual(new Date(`${session.start.local.slice(0, 16)}:00Z`));
    expect(row.getCell(3).value).toBe('七天无理由退货政策');
    expect(row.getCell(5).value).toBe(60);
    expect(row.getCell(7).value).toBe(session.attendees.length);
    expect(row.getCell(8).value).toBe(1);
    expect(row.getCell(9).value).toBe(1);
    expect(row.getCell(10).value).toBe(session.impact.lostContactsWithinTarget);
    expect(row.getCell(11).value).toBe(session.impact.worstServiceLevel);
    expect(row.getCell(11).numFmt).toBe('0.0%');
    expect(plan.getRow(5).getCell(1).value).toBeNull();
    const attendance = book.getWorksheet('Attendance')!;
    const rows = [4, 5, 6].map((r) => attendance.getRow(r).getCell(5).value).sort();
    expect(rows).toEqual(['absent', 'attended', 'not recorded']);
  });

  it('refuses a period backwards and a role that does not plan training', async () => {
    const bad = await t
      .http()
      .post('/exports')
      .set(bearer(trainer))
      .send({ kind: 'training-plan', params: { from: '2026-12-06', to: '2026-11-30' } })
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'params.to' });
    await t
      .http()
      .post('/exports')
      .set(bearer(await t.tokenFor('hr')))
      .send({ kind: 'training-plan', params: { from: '2026-11-30', to: '2026-12-06' } })
      .expect(403);
  });
});
