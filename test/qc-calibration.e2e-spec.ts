import { Db } from 'src/platform/db/db';
import { intraclassCorrelation, ratingGroup } from 'src/modules/qc/engine/rater-agreement';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Row = { panels: number; meanDeviation: number; sd: number | null; leaning: string; leaningText: string };
type Inspector = Row & {
  userId: string;
  name: string;
  periods: (Row & { start: string })[];
  items: (Row & { code: string; name: string })[];
};
type Agreement = {
  panels: number;
  icc: number | null;
  withinSd: number | null;
  agreement: string | null;
  agreementText: string | null;
};

/**
 * Seven sessions over two weeks (Tuesdays 2026-11-17 and 2026-11-24, shop time) reviewed by up to
 * three inspectors on the default rubric. Only `policy` (15 points) and `slow_reply` (a deduction)
 * are scored, so a total is 100 − (15 − policy) − slow reply. Session 4 has one review: no panel.
 */
const REVIEWS: { session: number; by: 'qc' | 'qc2' | 'qc3'; policy: number; slowReply?: number }[] = [
  { session: 1, by: 'qc', policy: 9 },
  { session: 1, by: 'qc2', policy: 13 },
  { session: 2, by: 'qc', policy: 10 },
  { session: 2, by: 'qc2', policy: 14 },
  { session: 3, by: 'qc', policy: 8 },
  { session: 3, by: 'qc2', policy: 12 },
  { session: 3, by: 'qc3', policy: 13 },
  { session: 4, by: 'qc', policy: 5 },
  { session: 5, by: 'qc', policy: 11 },
  { session: 5, by: 'qc3', policy: 15 },
  { session: 6, by: 'qc2', policy: 14 },
  { session: 6, by: 'qc3', policy: 15 },
  { session: 7, by: 'qc', policy: 12 },
  { session: 7, by: 'qc2', policy: 14 },
  { session: 7, by: 'qc3', policy: 14, slowReply: 5 },
];
const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

describe('QC calibration report: inspector agreement over time (e2e)', () => {
  let t: TestApp;
  let tokens: Record<string, string>;
  let manager: string;
  const userIds: Record<string, string> = {};
  const report = (query: string, token = tokens.qc, lang = 'zh') =>
    t.http().get(`/qc/calibration?${query}`).set(bearer(token)).set('Accept-Language', lang);

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    for (const [username, displayName] of [
      ['qc2', '质检二'],
      ['qc3', '质检三'],
    ]) {
      const user = await t
        .http()
        .post('/users')
        .set(bearer(manager))
        .send({ username, displayName, password: `password-${username}`, role: 'qc' })
        .expect(201);
      userIds[username] = user.body.id;
    }
    tokens = {
      qc: await t.tokenFor('qc'),
      qc2: await t.tokenFor('qc2', 'password-qc2'),
      qc3: await t.tokenFor('qc3', 'password-qc3'),
    };
    const sql = t.app.get(Db).client;
    const [{ id: userId }] = await sql<{ id: string }[]>`select id from users where username = 'qc'`;
    userIds.qc = userId;
    const [{ id: agentId }] = await sql<
      { id: string }[]
    >`select id from agents where shop_id = ${t.demoShopId} and not is_supervisor order by employee_no limit 1`;
    const [{ id: queueId }] = await sql<
      { id: string }[]
    >`select id from queues where shop_id = ${t.demoShopId} and code = 'presales_chat'`;
    const sessions: Record<number, string> = {};
    for (let s = 1; s <= 7; s++) {
      const started = new Date(Date.parse(s <= 4 ? '2026-11-17T02:00:00Z' : '2026-11-24T02:00:00Z') + s * 600_000);
      const [{ id }] = await sql<{ id: string }[]>`
        insert into chat_sessions (shop_id, external_id, queue_id, agent_id, customer_hash, started_at, ended_at, customer_messages, agent_messages, pre_sale, resolved)
        values (${t.demoShopId}, ${`CAL-${s}`}, ${queueId}, ${agentId}, ${`cal-${s}`}, ${started.toISOString()}, ${new Date(started.getTime() + 300_000).toISOString()}, 3, 3, true, true)
        returning id`;
      sessions[s] = id;
    }
    const rubric = (await t.http().get('/qc/rubrics').set(bearer(tokens.qc)).expect(200)).body[0] as {
      items: { id: string; code: string }[];
    };
    const item = (code: string) => rubric.items.find((i) => i.code === code)!.id;
    for (const r of REVIEWS) {
      const scores = [
        { itemId: item('policy'), points: r.policy },
        ...(r.slowReply ? [{ itemId: item('slow_reply'), points: r.slowReply }] : []),
      ];
      const res = await t
        .http()
        .post('/qc/reviews')
        .set(bearer(tokens[r.by]))
        .send({ sessionId: sessions[r.session], scores })
        .expect(201);
      expect(res.body.totalScore).toBe(100 - (15 - r.policy) - (r.slowReply ?? 0));
    }
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('finds who is harsher or softer than the panels, by name, over the range and per week', async () => {
    const res = await report('from=2026-11-16&to=2026-11-29').expect(200);
    expect(res.body).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-29',
      period: 'week',
      method: 'ICC(1,1)',
      panels: 6,
      reviews: 14,
    });
    const byName = new Map((res.body.inspectors as Inspector[]).map((i) => [i.userId, i]));
    const qc = byName.get(userIds.qc)!;
    // Totals minus the panel's mean: −2, −2, −3 (week of 16 Nov), −2, +1/3 (week of 23 Nov).
    expect(qc).toMatchObject({
      panels: 5,
      meanDeviation: round(-26 / 15, 2),
      leaning: 'harsher',
      leaningText: '比评审组偏严',
    });
    expect(qc.periods).toEqual([
      expect.objectContaining({ start: '2026-11-16', panels: 3, meanDeviation: round(-7 / 3, 2), leaning: 'harsher' }),
      expect.objectContaining({ start: '2026-11-23', panels: 2, meanDeviation: round(-5 / 6, 2), leaning: 'in-line' }),
    ]);
    // +2, +2, +1, −½, +7/3: softer; qc3's +2, +2, +½, −8/3 average below half a point: in line.
    expect(byName.get(userIds.qc2)).toMatchObject({
      name: '质检二',
      panels: 5,
      meanDeviation: round(41 / 30, 2),
      leaning: 'softer',
    });
    expect(byName.get(userIds.qc3)).toMatchObject({
      name: '质检三',
      panels: 4,
      meanDeviation: round(11 / 24, 2),
      leaning: 'in-line',
      leaningText: '与评审组一致',
    });
    // Per item, deductions count against the total: qc3's lone 5-point deduction is −10/3 off the panel's −5/3.
    const policy = qc.items.find((i) => i.code === 'policy')!;
    expect(policy).toMatchObject({
      name: '平台规则与售后政策解释准确',
      panels: 5,
      meanDeviation: round(-31 / 15, 2),
      leaning: 'harsher',
    });
    const slow = byName.get(userIds.qc3)!.items.find((i) => i.code === 'slow_reply')!;
    expect(slow).toMatchObject({ panels: 4, meanDeviation: round(-10 / 12, 2) });
    expect(qc.items.find((i) => i.code === 'greeting')).toMatchObject({ meanDeviation: 0, leaning: 'in-line' });
  });

  it('gives ICC(1,1) per item, for the total and per week, from the panels’ scores', async () => {
    const res = await report('from=2026-11-16&to=2026-11-29', manager, 'en').expect(200);
    const icc = (groups: number[][]) => round(intraclassCorrelation(groups.map(ratingGroup)).icc, 3);
    const items = new Map(
      (res.body.items as (Agreement & { code: string; name: string; categoryName: string })[]).map((i) => [i.code, i]),
    );
    expect(items.get('policy')).toMatchObject({
      name: 'Platform rules and after-sales policy explained correctly',
      categoryName: 'Platform policy',
      panels: 6,
      icc: icc([
        [9, 13],
        [10, 14],
        [8, 12, 13],
        [11, 15],
        [14, 15],
        [12, 14, 14],
      ]),
    });
    // The sessions hardly differ and qc's bias dominates: below zero, poor agreement.
    expect(items.get('policy')).toMatchObject({ agreement: 'poor', agreementText: 'poor agreement' });
    // Everyone left greeting at its full 10: no disagreement, and nothing to tell an ICC from.
    expect(items.get('greeting')).toMatchObject({ icc: null, withinSd: 0, agreement: null, agreementText: null });
    const totals = [
      [94, 98],
      [95, 99],
      [93, 97, 98],
      [96, 100],
      [99, 100],
      [97, 99, 94],
    ];
    expect(res.body.total).toMatchObject({ panels: 6, icc: icc(totals) });
    expect(res.body.periods).toEqual([
      expect.objectContaining({ start: '2026-11-16', panels: 3, icc: icc(totals.slice(0, 3)) }),
      expect.objectContaining({ start: '2026-11-23', panels: 3, icc: icc(totals.slice(3)) }),
    ]);
    const band = res.body.total.agreement as string;
    expect(res.body.total.agreementText).toBe(`${band} agreement`);
    const qc = (res.body.inspectors as Inspector[]).find((i) => i.userId === userIds.qc)!;
    expect(qc.leaningText).toBe('harsher than the panel');
  });

  it('narrows to one inspector and to a range, by month', async () => {
    const one = await report(`from=2026-11-16&to=2026-11-29&period=month&inspector=${userIds.qc3}`).expect(200);
    expect((one.body.inspectors as Inspector[]).map((i) => i.userId)).toEqual([userIds.qc3]);
    expect(one.body.inspectors[0].periods).toEqual([expect.objectContaining({ start: '2026-11-01', panels: 4 })]);
    expect(one.body.panels).toBe(6);
    const firstWeek = await report('from=2026-11-16&to=2026-11-22').expect(200);
    expect(firstWeek.body).toMatchObject({ panels: 3, reviews: 7 });
    const empty = await report('from=2026-10-01&to=2026-10-31').expect(200);
    expect(empty.body).toMatchObject({
      panels: 0,
      reviews: 0,
      inspectors: [],
      items: [],
      periods: [],
      total: { icc: null },
    });
  });

  it('is for QC and managers of the shop only, and names bad ranges', async () => {
    for (const role of ['agent', 'supervisor', 'hr', 'trainer'])
      await report('from=2026-11-16&to=2026-11-29', await t.tokenFor(role)).expect(403);
    const other = await createSecondShop(t);
    await report(`from=2026-11-16&to=2026-11-29&inspector=${userIds.qc2}`, other.managerToken).expect(404);
    const theirs = await report('from=2026-11-16&to=2026-11-29', other.managerToken).expect(200);
    expect(theirs.body).toMatchObject({ panels: 0, inspectors: [] });
    await report(`from=2026-11-16&to=2026-11-29&inspector=${other.agentId}`).expect(404);
    const backwards = await report('from=2026-11-29&to=2026-11-16', tokens.qc, 'en').expect(400);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ field: 'to', message: 'must not be before from' }),
    ]);
    const long = await report('from=2025-01-01&to=2026-11-29').expect(400);
    expect(long.body.errors[0].field).toBe('to');
    await report('to=2026-11-29').expect(400);
  });
});
