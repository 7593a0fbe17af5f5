import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';

describe('queues (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let other: SecondShop;
  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const email = {
    code: 'email',
    name: '邮件',
    channel: 'email',
    kind: 'deferred',
    defaultHandleSeconds: 300,
    deadlineMinutes: 720,
    requiredSkill: 'after_sales',
  };

  it('creates, reads and updates queues with the same rules as queue files', async () => {
    const created = await t.http().post('/queues').set(bearer(manager)).send(email).expect(201);
    expect(created.body).toMatchObject({
      code: 'email',
      kind: 'deferred',
      deadlineMinutes: 720,
      chatConcurrency: 1,
      requiredSkillId: expect.any(String),
    });
    const taken = await t
      .http()
      .post('/queues')
      .set(bearer(manager))
      .set('Accept-Language', 'en')
      .send(email)
      .expect(409);
    expect({ code: taken.body.code, detail: taken.body.detail }).toEqual({
      code: 'queues.code-taken',
      detail: 'A queue with code email already exists in this shop',
    });
    const noDeadline = await t
      .http()
      .post('/queues')
      .set(bearer(manager))
      .send({ ...email, code: 'mail2', deadlineMinutes: undefined })
      .expect(400);
    expect(noDeadline.body.errors[0].field).toBe('deadlineMinutes');
    const concurrentPhone = await t
      .http()
      .post('/queues')
      .set(bearer(manager))
      .send({
        code: 'tel',
        name: 'tel',
        channel: 'phone',
        kind: 'realtime',
        defaultHandleSeconds: 200,
        chatConcurrency: 3,
      })
      .expect(400);
    expect(concurrentPhone.body.errors[0].field).toBe('chatConcurrency');
    const badSkill = await t
      .http()
      .post('/queues')
      .set(bearer(manager))
      .send({ ...email, code: 'mail3', requiredSkill: 'juggling' })
      .expect(400);
    expect(badSkill.body.errors[0]).toMatchObject({ field: 'requiredSkill', code: 'queues.skill-unknown' });
    const patched = await t
      .http()
      .patch(`/queues/${created.body.id}`)
      .set(bearer(manager))
      .send({ deadlineMinutes: 480, active: false })
      .expect(200);
    expect(patched.body).toMatchObject({ deadlineMinutes: 480, active: false });
    const deadline = await t
      .http()
      .patch(`/queues/${created.body.id}`)
      .set(bearer(manager))
      .set('Accept-Language', 'zh')
      .send({ deadlineMinutes: null })
      .expect(400);
    expect({ code: deadline.body.code, detail: deadline.body.detail, field: deadline.body.errors[0].field }).toEqual({
      code: 'queues.deadline-required',
      detail: '队列“邮件”为延迟处理队列，必须设置处理时限',
      field: 'deadlineMinutes',
    });
    const list = await t
      .http()
      .get('/queues')
      .set(bearer(await t.tokenFor('trainer')))
      .expect(200);
    expect(list.body.map((q: { code: string }) => q.code)).toEqual(expect.arrayContaining(['presales_chat', 'email']));
  });

  it('keeps queues inside their shop and writing to managers', async () => {
    const theirs = await t
      .http()
      .post('/queues')
      .set(bearer(other.managerToken))
      .send({ ...email, requiredSkill: 'pre_sales' })
      .expect(201);
    expect((await t.http().get(`/queues/${theirs.body.id}`).set(bearer(manager)).expect(404)).body.code).toBe(
      'queues.not-found',
    );
    await t.http().patch(`/queues/${theirs.body.id}`).set(bearer(manager)).send({ name: 'x' }).expect(404);
    await t
      .http()
      .get(`/queues/${theirs.body.id}/volume?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`)
      .set(bearer(manager))
      .expect(404);
    await t
      .http()
      .post('/queues')
      .set(bearer(await t.tokenFor('supervisor')))
      .send({ ...email, code: 'x' })
      .expect(403);
    await t
      .http()
      .get('/queues')
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
    const range = await t
      .http()
      .get(`/queues/${theirs.body.id}/volume?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`)
      .set(bearer(other.managerToken))
      .expect(400);
    expect(range.body.errors[0].field).toBe('to');
  });
});
