import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

/** PATCH /scorecards/:id: new weights for the next run; what it leaves out stays; roles, other shops, bad input. */
describe('scorecards: editing weights and rules (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let other: SecondShop;
  let scorecardId: string;

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    const created = await t
      .http()
      .post('/scorecards')
      .set(bearer(manager))
      .send({
        name: '售后月度考核（测试）',
        roleGroup: 'after_sales',
        metrics: [
          { metric: 'satisfaction', weight: 50 },
          { metric: 'firstResponseSeconds', weight: 50 },
        ],
        minDaysWorked: 10,
        topN: 2,
      })
      .expect(201);
    scorecardId = created.body.id;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  }, 300_000);

  it('changes the weights and keeps every rule it does not name (no creation default creeps in)', async () => {
    const hr = await t.tokenFor('hr');
    const updated = await t
      .http()
      .patch(`/scorecards/${scorecardId}`)
      .set(bearer(hr))
      .send({
        metrics: [
          { metric: 'satisfaction', weight: 70 },
          { metric: 'firstResponseSeconds', weight: 30 },
        ],
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: '售后月度考核（测试）',
      roleGroup: 'after_sales',
      metrics: [
        { metric: 'satisfaction', weight: 70 },
        { metric: 'firstResponseSeconds', weight: 30 },
      ],
      minDaysWorked: 10,
      topN: 2,
      minInquiries: 300,
    });
    const read = await t.http().get(`/scorecards/${scorecardId}`).set(bearer(manager)).expect(200);
    expect(read.body.metrics[0].weight).toBe(70);
    const renamed = await t
      .http()
      .patch(`/scorecards/${scorecardId}`)
      .set(bearer(manager))
      .send({ name: '售后考核 2027', topN: 5 })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '售后考核 2027', topN: 5, minDaysWorked: 10 });
  });

  it('refuses unknown metrics, repeated metrics, an empty change and a taken name, naming the field', async () => {
    const send = (body: Record<string, unknown>) =>
      t.http().patch(`/scorecards/${scorecardId}`).set(bearer(manager)).set('Accept-Language', 'en').send(body);
    const unknown = await send({ metrics: [{ metric: 'happiness', weight: 1 }] }).expect(400);
    expect(unknown.body.errors[0].field).toBe('metrics.0.metric');
    const repeated = await send({
      metrics: [
        { metric: 'satisfaction', weight: 1 },
        { metric: 'satisfaction', weight: 2 },
      ],
    }).expect(400);
    expect(repeated.body.errors[0].field).toBe('metrics');
    const weight = await send({ metrics: [{ metric: 'satisfaction', weight: 0 }] }).expect(400);
    expect(weight.body.errors[0].field).toBe('metrics.0.weight');
    const nothing = await send({}).expect(400);
    expect(nothing.body.errors[0].message).toBe('nothing to change');
    await t
      .http()
      .post('/scorecards')
      .set(bearer(manager))
      .send({ name: '另一个方案', roleGroup: 'pre_sales', metrics: [{ metric: 'satisfaction', weight: 1 }] })
      .expect(201);
    const taken = await send({ name: '另一个方案' }).expect(409);
    expect(taken.body.code).toBe('ranking.scorecard-name-taken');
  });

  it('is for managers, HR and admins of the shop: 403 for other roles, 404 from another shop', async () => {
    for (const role of ['supervisor', 'agent', 'qc', 'trainer'])
      await t
        .http()
        .patch(`/scorecards/${scorecardId}`)
        .set(bearer(await t.tokenFor(role)))
        .send({ topN: 1 })
        .expect(403);
    await t.http().patch(`/scorecards/${scorecardId}`).set(bearer(other.managerToken)).send({ topN: 1 }).expect(404);
    const unchanged = await t.http().get(`/scorecards/${scorecardId}`).set(bearer(manager)).expect(200);
    expect(unchanged.body.topN).toBe(5);
  });
});
