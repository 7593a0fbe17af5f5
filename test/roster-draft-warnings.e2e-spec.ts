import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import {
  draftShiftReplacedByLeave,
  PublishedTeamWeek,
  publishTeamWeek,
  readRoster,
  TeamMate,
} from './support/self-service-week';
import { shopMonday } from './support/coming-weeks';

type Warning = { id: string; kind: string; agentId: string; date: string; message: string };
type Read = Awaited<ReturnType<typeof readRoster>> & { version: { warnings: Warning[] } };

/**
 * A warning that leave approved beside a draft left on it (the draft's own shift replaced) is
 * dismissed by a manager: stored with who and when, and no longer shown on the roster.
 */
describe('dismissing draft warnings (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let week: PublishedTeamWeek;
  let partTimer: TeamMate;
  const mon = shopMonday(3);

  const read = async (lang = 'en'): Promise<Read> =>
    (await t.http().get(`/rosters/${week.rosterId}`).set(bearer(manager)).set('Accept-Language', lang).expect(200))
      .body;
  const dismiss = (token: string, warningId: string, lang = 'en') =>
    t
      .http()
      .post(`/rosters/${week.rosterId}/warnings/${warningId}/dismiss`)
      .set(bearer(token))
      .set('Accept-Language', lang);

  beforeAll(async () => {
    ({ t, other, manager } = await startTestAppWithSecondShop());
    const me = (
      await t
        .http()
        .get('/agents/me')
        .set(bearer(await t.tokenFor('agent')))
        .expect(200)
    ).body.id;
    week = await publishTeamWeek(t, mon);
    partTimer = week.mates.find((m) => m.shifts === 3 && m.id !== me && !m.isSupervisor)!;
    // v2 draft: the part-timer's Monday moved to the middle shift; then leave over that Monday is approved.
    await draftShiftReplacedByLeave(t, week, partTimer.id, mon);
  }, 180_000);
  afterAll(() => t.close(), 300_000);

  it('dismisses a warning for good: stored with who and when, gone from the roster in both languages', async () => {
    const shown = await read();
    expect(shown.version).toMatchObject({ version: 3, status: 'draft' });
    expect(shown.version.warnings).toEqual([
      expect.objectContaining({
        kind: 'replaced',
        agentId: partTimer.id,
        date: mon,
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
      }),
    ]);
    const [warning] = shown.version.warnings;
    const res = await dismiss(manager, warning.id).expect(200);
    expect(res.body).toMatchObject({
      id: warning.id,
      version: 3,
      kind: 'replaced',
      message: warning.message,
      dismissedAt: expect.any(String),
      dismissedBy: expect.any(String),
    });
    expect((await read()).version.warnings).toEqual([]);
    expect((await read('zh')).version.warnings).toEqual([]);
    // Dismissing again answers the first dismissal.
    expect((await dismiss(manager, warning.id).expect(200)).body.dismissedAt).toBe(res.body.dismissedAt);
  });

  it('refuses agents and supervisors (403), another shop (404), an unknown warning (404, zh/en) and a bad id (400)', async () => {
    const id = '0123456789abcdef';
    await dismiss(await t.tokenFor('agent'), id).expect(403);
    await dismiss(await t.tokenFor('supervisor'), id).expect(403);
    expect((await dismiss(other.managerToken, id).expect(404)).body.code).toBe('roster.not-found');
    const unknown = await dismiss(manager, id, 'zh').expect(404);
    expect(unknown.body.code).toBe('roster.warning-not-found');
    expect(unknown.body.detail).toContain('没有可忽略的提醒');
    expect((await dismiss(manager, id).expect(404)).body.detail).toContain('no warning');
    await dismiss(manager, 'not-a-warning').expect(400);
  });
});
