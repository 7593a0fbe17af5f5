import { Db } from 'src/platform/db/db';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Level = {
  concurrency: number;
  sessions: number;
  meanHandleSeconds: number;
  ratio: number | null;
  fitted: number | null;
};

/**
 * Sessions whose concurrency is known by construction, on 2026-06-02 (shop time): agent A alone
 * back to back (a chat ending as the next begins is not concurrent), B in pairs, C in threes, D in
 * fours, and E beside chats of another chat queue: fully (2), for the last two thirds (110 s at 1,
 * 220 s at 2: mean 1.67 → 2) and for the last third (200 s at 1, 100 s at 2: 1.33 → 1).
 */
async function seedSessions(t: TestApp, queues: Record<string, string>) {
  const sql = t.app.get(Db).client;
  const agents = (
    await sql<{ id: string }[]>`select id from agents where shop_id = ${t.demoShopId} order by employee_no limit 5`
  ).map((a) => a.id);
  const [a, b, c, d, e] = agents;
  const rows: { queue: string; agent: string; start: number; seconds: number }[] = [];
  const t0 = Date.parse('2026-06-02T01:00:00Z');
  for (let i = 0; i < 40; i++) rows.push({ queue: 'presales_chat', agent: a, start: t0 + i * 300_000, seconds: 300 });
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 2; j++) rows.push({ queue: 'presales_chat', agent: b, start: t0 + i * 400_000, seconds: 330 });
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 3; j++) rows.push({ queue: 'presales_chat', agent: c, start: t0 + i * 400_000, seconds: 390 });
  for (let i = 0; i < 10; i++)
    for (let j = 0; j < 4; j++) rows.push({ queue: 'presales_chat', agent: d, start: t0 + i * 400_000, seconds: 372 });
  rows.push(
    { queue: 'presales_chat', agent: e, start: t0, seconds: 330 },
    { queue: 'aftersales_chat', agent: e, start: t0, seconds: 330 },
  );
  rows.push(
    { queue: 'presales_chat', agent: e, start: t0 + 1_000_000, seconds: 330 },
    { queue: 'aftersales_chat', agent: e, start: t0 + 1_110_000, seconds: 220 },
  );
  rows.push(
    { queue: 'presales_chat', agent: e, start: t0 + 2_000_000, seconds: 300 },
    { queue: 'aftersales_chat', agent: e, start: t0 + 2_200_000, seconds: 100 },
  );
  // Not chats, or outside the range: a phone call beside A's first chat, a long chat in May.
  rows.push(
    { queue: 'hotline', agent: a, start: t0, seconds: 300 },
    { queue: 'presales_chat', agent: a, start: Date.parse('2026-05-20T02:00:00Z'), seconds: 5000 },
  );
  const values = rows.map((r, i) => ({
    shop_id: t.demoShopId,
    external_id: `SLOW-${i}`,
    queue_id: queues[r.queue],
    agent_id: r.agent,
    customer_hash: `h${i}`,
    started_at: new Date(r.start).toISOString(),
    ended_at: new Date(r.start + r.seconds * 1000).toISOString(),
    customer_messages: 3,
    agent_messages: 3,
    pre_sale: true,
    resolved: true,
  }));
  await sql`insert into chat_sessions ${sql(values)}`;
}

describe('chat slowdown per queue, measured from sessions (e2e)', () => {
  let t: TestApp;
  let manager: string;
  const queueIds: Record<string, string> = {};
  const query = (extra = '') =>
    `/staffing/chat-slowdown?queue=${queueIds.presales_chat}&from=2026-06-01&to=2026-06-07${extra}`;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    for (const q of (await t.http().get('/queues').set(bearer(manager)).expect(200)).body as {
      id: string;
      code: string;
    }[])
      queueIds[q.code] = q.id;
    await seedSessions(t, queueIds);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('measures handle time by the chats the agent had open, and fits a table that never falls', async () => {
    const res = await t
      .http()
      .get(query())
      .set(bearer(await t.tokenFor('supervisor')))
      .expect(200);
    expect(res.body).toMatchObject({
      queueId: queueIds.presales_chat,
      concurrency: 4,
      current: null,
      sessions: 283,
      baselineHandleSeconds: 300,
      coversConcurrency: true,
      note: null,
    });
    expect(res.body.levels.map((l: Level) => [l.concurrency, l.sessions, l.meanHandleSeconds])).toEqual([
      [1, 41, 300],
      [2, 82, 330],
      [3, 120, 390],
      [4, 40, 372],
    ]);
    expect(res.body.levels.map((l: Level) => l.ratio)).toEqual([1, 1.1, 1.3, 1.24]);
    // Levels 3 and 4 fall (1.3 then 1.24), so they are pooled by sessions: (1.3·120 + 1.24·40) / 160 = 1.285.
    expect(res.body.table).toEqual([1, 1.1, 1.285, 1.285]);
    // Nothing stored by GET.
    expect(
      (await t.http().get(`/queues/${queueIds.presales_chat}`).set(bearer(manager)).expect(200)).body.chatSlowdown,
    ).toBeNull();
  });

  it('says when the sessions cannot give a table for the queue, and stores nothing then', async () => {
    const noBase = await t
      .http()
      .get(query('&minSessions=50'))
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .expect(200);
    expect(noBase.body).toMatchObject({
      table: null,
      coversConcurrency: false,
      note: 'fewer than 50 of its sessions were handled at one chat, which every factor is compared with',
    });
    const short = await t
      .http()
      .get(query('&minSessions=41'))
      .set(bearer(manager))
      .set('Accept-Language', 'zh')
      .expect(200);
    expect(short.body).toMatchObject({
      table: [1, 1.1, 1.3],
      coversConcurrency: false,
      note: '只有最多 3 个并发会话的级别有不少于 41 个会话，而该队列同时接待 4 个',
    });
    const refused = await t
      .http()
      .post('/staffing/chat-slowdown')
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ queue: queueIds.presales_chat, from: '2026-06-01', to: '2026-06-07', minSessions: 41 })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'staffing.slowdown-not-measurable',
      errors: [expect.objectContaining({ field: 'queue' })],
    });
    expect(refused.body.detail).toContain('only up to 3 chats at once have 41 sessions or more');
    expect(
      (await t.http().get(`/queues/${queueIds.presales_chat}`).set(bearer(manager)).expect(200)).body.chatSlowdown,
    ).toBeNull();
  });

  it('stores the measured table on the queue', async () => {
    const stored = await t
      .http()
      .post('/staffing/chat-slowdown')
      .set(bearer(manager))
      .send({ queue: queueIds.presales_chat, from: '2026-06-01', to: '2026-06-07' })
      .expect(200);
    expect(stored.body).toMatchObject({ table: [1, 1.1, 1.285, 1.285], current: [1, 1.1, 1.285, 1.285] });
    expect(
      (await t.http().get(`/queues/${queueIds.presales_chat}`).set(bearer(manager)).expect(200)).body.chatSlowdown,
    ).toEqual([1, 1.1, 1.285, 1.285]);
    const whatIf = await t
      .http()
      .post('/staffing/what-if')
      .set(bearer(manager))
      .send({
        contacts: [300],
        handleSeconds: 420,
        target: { answerWithinSeconds: 30, serviceLevel: 0.8 },
        chat: { concurrency: 4, queue: queueIds.presales_chat },
      })
      .expect(200);
    expect(whatIf.body.chat).toMatchObject({ slowdownFactor: 1.285, source: 'queue' });
    expect(whatIf.body.items[0].offeredLoad).toBeCloseTo((300 * 420 * 1.285) / 1800, 3);
  });

  it('validates a table set by hand, naming the field', async () => {
    const patch = (body: object) =>
      t.http().patch(`/queues/${queueIds.presales_chat}`).set(bearer(manager)).set('Accept-Language', 'en').send(body);
    const falling = await patch({ chatSlowdown: [1, 1.4, 1.3, 1.5] }).expect(400);
    expect(falling.body.errors).toEqual([
      expect.objectContaining({ field: 'chatSlowdown.2', message: 'must not be below the factor at 2 chats (1.4)' }),
    ]);
    const notOne = await patch({ chatSlowdown: [1.1, 1.2, 1.3, 1.4] }).expect(400);
    expect(notOne.body.errors[0].field).toBe('chatSlowdown.0');
    const below = await patch({ chatSlowdown: [1, 0.9, 1.3, 1.4] }).expect(400);
    expect(below.body.errors.map((e: { field: string }) => e.field)).toContain('chatSlowdown.1');
    const huge = await patch({ chatSlowdown: [1, 2, 3, 40] }).expect(400);
    expect(huge.body.errors[0].field).toBe('chatSlowdown.3');
    const tooLong = await patch({ chatSlowdown: Array.from({ length: 11 }, (_, i) => 1 + i / 10) }).expect(400);
    expect(tooLong.body.errors[0].field).toBe('chatSlowdown');
    const short = await patch({ chatSlowdown: [1, 1.2] }).expect(400);
    expect(short.body.errors).toEqual([
      expect.objectContaining({
        field: 'chatSlowdown',
        message: 'gives factors up to 2 chats at once, but the queue serves 4',
      }),
    ]);
    expect({ code: short.body.code, detail: short.body.detail }).toEqual({
      code: 'queues.slowdown-too-short',
      detail: expect.stringMatching(
        /^The slowdown table of .+ gives factors up to 2 chats at once, but the queue serves 4$/,
      ),
    });
    const zh = await t
      .http()
      .patch(`/queues/${queueIds.presales_chat}`)
      .set(bearer(manager))
      .set('Accept-Language', 'zh')
      .send({ chatSlowdown: [1, 1.2] })
      .expect(400);
    expect(zh.body.errors[0].message).toBe('只给出了最多 2 个并发会话的系数，但该队列同时接待 4 个');
    // Raising the concurrency past the stored table is refused on the concurrency.
    const raise = await patch({ chatConcurrency: 5 }).expect(400);
    expect(raise.body.errors[0].field).toBe('chatConcurrency');
    const phone = await t
      .http()
      .patch(`/queues/${queueIds.hotline}`)
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send({ chatSlowdown: [1] })
      .expect(400);
    expect(phone.body.errors[0]).toMatchObject({
      field: 'chatSlowdown',
      message: 'only chat queues carry a slowdown table',
    });
    expect(phone.body.code).toBe('queues.slowdown-chat-only');
    const created = await t
      .http()
      .post('/queues')
      .set(bearer(manager))
      .send({
        code: 'vip_chat',
        name: 'VIP',
        channel: 'chat',
        kind: 'realtime',
        chatConcurrency: 3,
        defaultHandleSeconds: 300,
        chatSlowdown: [1, 1.1],
      })
      .expect(400);
    expect(created.body.errors[0].field).toBe('chatSlowdown');
    const ok = await t
      .http()
      .post('/queues')
      .set(bearer(manager))
      .send({
        code: 'vip_chat',
        name: 'VIP',
        channel: 'chat',
        kind: 'realtime',
        chatConcurrency: 3,
        defaultHandleSeconds: 300,
        chatSlowdown: [1, 1.1, 1.25],
      })
      .expect(201);
    expect(ok.body.chatSlowdown).toEqual([1, 1.1, 1.25]);
    // Nothing of the refused edits was stored.
    expect(
      (await t.http().get(`/queues/${queueIds.presales_chat}`).set(bearer(manager)).expect(200)).body,
    ).toMatchObject({ chatConcurrency: 4, chatSlowdown: [1, 1.1, 1.285, 1.285] });
  });

  it('keeps measuring to planners, storing to managers, and both to the own shop', async () => {
    for (const role of ['agent', 'hr', 'qc'])
      await t
        .http()
        .get(query())
        .set(bearer(await t.tokenFor(role)))
        .expect(403);
    for (const role of ['supervisor', 'trainer', 'agent']) {
      await t
        .http()
        .post('/staffing/chat-slowdown')
        .set(bearer(await t.tokenFor(role)))
        .send({ queue: queueIds.presales_chat, from: '2026-06-01', to: '2026-06-07' })
        .expect(403);
    }
    const other = await createSecondShop(t);
    await t.http().get(query()).set(bearer(other.managerToken)).expect(404);
    await t
      .http()
      .post('/staffing/chat-slowdown')
      .set(bearer(other.managerToken))
      .send({ queue: queueIds.presales_chat, from: '2026-06-01', to: '2026-06-07' })
      .expect(404);
    const phone = await t
      .http()
      .get(`/staffing/chat-slowdown?queue=${queueIds.hotline}&from=2026-06-01&to=2026-06-07`)
      .set(bearer(manager))
      .expect(400);
    expect(phone.body.errors[0].field).toBe('queue');
    const range = await t
      .http()
      .get(`/staffing/chat-slowdown?queue=${queueIds.presales_chat}&from=2026-01-01&to=2026-06-07`)
      .set(bearer(manager))
      .expect(400);
    expect(range.body.errors[0].field).toBe('to');
  });
});
