import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import { CustomerKeyHasher } from 'src/modules/ingest/customer-key';
import { COMPLAINT_STATUSES, ComplaintStatus } from 'src/modules/complaints/engine/complaint-status';
import { createSecondShop } from './support/second-shop';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { ComplaintStatusLabels } from 'src/modules/complaints/complaints.labels';

const HOUR = 3_600_000;
const LEGAL: Record<ComplaintStatus, ComplaintStatus[]> = {
  open: ['in_progress'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};
/** A body that passes validation for any target, so only the state machine can refuse it. */
const moveTo = (to: ComplaintStatus) => ({
  to,
  note: '处理中',
  ...(to === 'resolved' ? { outcome: 'refund', customerFeedback: '顾客接受退款' } : {}),
});
const PATH_TO: Record<ComplaintStatus, ComplaintStatus[]> = {
  open: [],
  in_progress: ['in_progress'],
  waiting_customer: ['in_progress', 'waiting_customer'],
  resolved: ['in_progress', 'resolved'],
  closed: ['in_progress', 'resolved', 'closed'],
};

/** Intake, routing, deadlines, the life cycle with its audit trail, import and the nightly overdue flags. */
describe('complaints: life cycle, illegal transitions, import, rules, nightly overdue (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agentId: string;

  const base = { channel: 'platform', customerKey: 'tb_buyer_8842', category: 'service_attitude', severity: 'high' };
  const create = async (body: Record<string, unknown>, token = manager) =>
    (
      await t
        .http()
        .post('/complaints')
        .set(bearer(token))
        .send({ ...base, ...body })
        .expect(201)
    ).body;
  const move = (id: string, body: Record<string, unknown>, token = manager) =>
    t.http().post(`/complaints/${id}/transitions`).set(bearer(token)).send(body);
  const inState = async (status: ComplaintStatus) => {
    const c = await create({ receivedAt: '2026-11-24T02:00:00Z' });
    for (const step of PATH_TO[status]) await move(c.id, moveTo(step)).expect(200);
    return c.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    const agents = await t.http().get('/agents?q=CS0002').set(bearer(manager)).expect(200);
    agentId = agents.body.items[0].id;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('records a complaint: routed by the shop rule, due times in the shop zone, customer kept only as a keyed hash', async () => {
    const c = await create({
      externalId: 'TS-1',
      orderExternalId: 'TB2026112200017',
      agentEmployeeNo: 'CS0002',
      agentAtFault: true,
      negativeReview: true,
      description: '顾客称客服回复态度差',
      receivedAt: '2026-11-20T02:00:00Z',
    });
    expect(c).toMatchObject({
      status: 'open',
      department: 'service',
      agentId,
      agentAtFault: true,
      category: 'service_attitude',
      severity: 'high',
      negativeReview: true,
      receivedAt: '2026-11-20T02:00:00.000Z',
      firstResponseDueAt: '2026-11-20T03:00:00.000Z',
      resolveDueAt: '2026-11-22T02:00:00.000Z',
      firstRespondedAt: null,
      overdue: false,
      allowedTransitions: ['in_progress'],
    });
    expect(c).not.toHaveProperty('customerKey');
    expect(c).not.toHaveProperty('customerHash');
    expect(c.events.map((e: { kind: string; toValue: string }) => [e.kind, e.toValue])).toEqual([
      ['created', 'open'],
      ['routed', 'service'],
    ]);
    const [row] = await t.app.get(Db).client`SELECT customer_hash FROM complaints WHERE id = ${c.id}`;
    expect(row.customer_hash).not.toContain('8842');
    // The same hash as sessions and orders use, so a complaint links to the buyer's chats.
    expect(row.customer_hash).toBe(t.app.get(CustomerKeyHasher).forShop(t.demoShopId)('tb_buyer_8842'));
    await t
      .http()
      .post('/complaints')
      .set(bearer(manager))
      .send({ ...base, externalId: 'TS-1' })
      .expect(409);
  });

  it('walks the full life cycle and keeps every change in the audit trail (who, when, from, to, note)', async () => {
    const supervisor = await t.tokenFor('supervisor');
    const qc = await t.tokenFor('qc');
    const c = await create({ agentEmployeeNo: 'CS0002', receivedAt: '2026-11-25T02:00:00Z' });
    const started = Date.now();
    const inProgress = (await move(c.id, { to: 'in_progress', note: '已联系顾客' }, supervisor).expect(200)).body;
    expect(inProgress).toMatchObject({ status: 'in_progress', allowedTransitions: ['waiting_customer', 'resolved'] });
    expect(new Date(inProgress.firstRespondedAt).getTime()).toBeGreaterThanOrEqual(started - 1000);
    await move(c.id, { to: 'waiting_customer', note: '等待顾客提供照片' }, supervisor).expect(200);
    await move(c.id, { to: 'in_progress' }, supervisor).expect(200);
    const noOutcome = await move(c.id, { to: 'resolved', customerFeedback: '满意' }).expect(400);
    expect(noOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
    const noFeedback = await move(c.id, { to: 'resolved', outcome: 'refund' }).expect(400);
    expect(noFeedback.body.errors).toEqual([expect.objectContaining({ field: 'customerFeedback' })]);
    const resolved = (
      await move(c.id, { to: 'resolved', outcome: 'refund', customerFeedback: '顾客接受退款, 表示满意' }, qc).expect(
        200,
      )
    ).body;
    expect(resolved).toMatchObject({
      status: 'resolved',
      outcome: 'refund',
      customerFeedback: '顾客接受退款, 表示满意',
      allowedTransitions: ['closed', 'open'],
    });
    expect(resolved.resolvedAt).not.toBeNull();
    const closed = (await move(c.id, { to: 'closed' }).expect(200)).body;
    expect(closed.closedAt).not.toBeNull();
    const noReason = await move(c.id, { to: 'open' }).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const reopened = (await move(c.id, { to: 'open', note: '顾客再次投诉: 退款未到账' }).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });
    await move(c.id, { to: 'in_progress' }).expect(200);
    await move(c.id, { to: 'resolved', outcome: 'compensation', customerFeedback: '补偿优惠券, 顾客满意' }).expect(200);
    await move(c.id, { to: 'open', note: '从已解决直接重开' }).expect(200);

    const trail = (await t.http().get(`/complaints/${c.id}`).set(bearer(manager)).expect(200)).body.events as Record<
      string,
      unknown
    >[];
    expect(trail.map((e) => [e.kind, e.fromValue, e.toValue, e.actorRole])).toEqual([
      ['created', null, 'open', 'manager'],
      ['routed', null, 'service', 'manager'],
      ['status', 'open', 'in_progress', 'supervisor'],
      ['status', 'in_progress', 'waiting_customer', 'supervisor'],
      ['status', 'waiting_customer', 'in_progress', 'supervisor'],
      ['status', 'in_progress', 'resolved', 'qc'],
      ['status', 'resolved', 'closed', 'manager'],
      ['reopened', 'closed', 'open', 'manager'],
      ['status', 'open', 'in_progress', 'manager'],
      ['status', 'in_progress', 'resolved', 'manager'],
      ['reopened', 'resolved', 'open', 'manager'],
    ]);
    // Who, by name: the person behind the token, as the users table knows them.
    const [{ display_name: supervisorName }] = await t.app.get(Db)
      .client`SELECT display_name FROM users WHERE username = 'supervisor'`;
    expect(trail[2]).toMatchObject({
      note: '已联系顾客',
      actorUserId: expect.any(String),
      actorName: supervisorName,
      at: expect.any(String),
    });
    expect(trail[5]).toMatchObject({
      note: '处理结果：退款 | 顾客反馈：顾客接受退款, 表示满意',
      kindLabel: '状态变更',
      fromLabel: '处理中',
      toLabel: '已解决',
    });
    expect(trail[0].note).toBe('经“平台”渠道收到');
    const english = (
      await t.http().get(`/complaints/${c.id}`).set(bearer(manager)).set('Accept-Language', 'en').expect(200)
    ).body;
    expect(english.events[5].note).toBe('outcome: refund | customer: 顾客接受退款, 表示满意');
    expect(english).toMatchObject({
      statusLabel: 'open',
      channelLabel: 'platform',
      departmentLabel: 'customer service',
    });
    expect(trail[7].note).toBe('顾客再次投诉: 退款未到账');
  });

  it('refuses every illegal transition with 409 naming the allowed ones, and changes nothing', async () => {
    let refused = 0;
    for (const from of COMPLAINT_STATUSES) {
      const id = await inState(from);
      for (const to of COMPLAINT_STATUSES.filter((s) => !LEGAL[from].includes(s))) {
        const res = await move(id, moveTo(to)).expect(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body).toMatchObject({
          type: '/problems/conflict',
          currentStatus: from,
          allowedTransitions: LEGAL[from],
        });
        expect(res.body.code).toBe('complaints.illegal-transition');
        const zh = (s: string) => ComplaintStatusLabels[s as keyof typeof ComplaintStatusLabels].zh;
        expect(res.body.detail).toBe(
          `“${zh(from)}”的投诉不能改为“${zh(to)}”，可改为：${LEGAL[from].map(zh).join('、')}`,
        );
        refused++;
      }
      const after = (await t.http().get(`/complaints/${id}`).set(bearer(manager)).expect(200)).body;
      expect(after.status).toBe(from);
      expect(after.events.filter((e: { kind: string }) => e.kind === 'status' || e.kind === 'reopened')).toHaveLength(
        PATH_TO[from].length,
      );
    }
    expect(refused).toBe(25 - 8);
  });

  it('records reassignment to another department and fault decisions; closed complaints are not reassigned', async () => {
    const c = await create({ category: 'logistics', agentEmployeeNo: 'CS0002' });
    expect(c.department).toBe('logistics');
    const moved = (
      await t
        .http()
        .post(`/complaints/${c.id}/reassign`)
        .set(bearer(manager))
        .send({ department: 'warehouse', note: '发错货, 转仓库' })
        .expect(200)
    ).body;
    expect(moved.department).toBe('warehouse');
    expect(moved.events.at(-1)).toMatchObject({
      kind: 'reassigned',
      fromValue: 'logistics',
      toValue: 'warehouse',
      note: '发错货, 转仓库',
      actorRole: 'manager',
    });
    await t
      .http()
      .post(`/complaints/${c.id}/reassign`)
      .set(bearer(manager))
      .send({ department: 'warehouse', note: 'again' })
      .expect(409);
    const missingNote = await t
      .http()
      .post(`/complaints/${c.id}/reassign`)
      .set(bearer(manager))
      .send({ department: 'product' })
      .expect(400);
    expect(missingNote.body.errors[0].field).toBe('note');
    const fault = (
      await t
        .http()
        .patch(`/complaints/${c.id}/attribution`)
        .set(bearer(await t.tokenFor('qc')))
        .send({ agentAtFault: true, note: '质检复核: 未按话术' })
        .expect(200)
    ).body;
    expect(fault).toMatchObject({ agentAtFault: true, agentId });
    expect(fault.events.at(-1)).toMatchObject({ kind: 'fault', fromValue: 'false', toValue: 'true', actorRole: 'qc' });
    const unattributed = (
      await t
        .http()
        .patch(`/complaints/${c.id}/attribution`)
        .set(bearer(manager))
        .send({ agentId: null, note: '非客服责任' })
        .expect(200)
    ).body;
    expect(unattributed).toMatchObject({ agentId: null, agentAtFault: false });
    expect(unattributed.events.slice(-2).map((e: { kind: string }) => e.kind)).toEqual(['attribution', 'fault']);
    const closedId = await inState('closed');
    await t
      .http()
      .post(`/complaints/${closedId}/reassign`)
      .set(bearer(manager))
      .send({ department: 'product', note: 'x' })
      .expect(409);
  });

  it('routes and times new complaints by the shop’s changed rules', async () => {
    const rules = (
      await t
        .http()
        .get('/complaint-rules')
        .set(bearer(await t.tokenFor('qc')))
        .expect(200)
    ).body;
    expect(rules.routing).toHaveLength(6);
    expect(rules.deadlines).toHaveLength(24);
    expect(rules).toMatchObject({ timeZone: 'Asia/Shanghai', negativeReviewMaxDays: 7 });
    await t
      .http()
      .put('/complaint-rules/routing/logistics')
      .set(bearer(manager))
      .send({ department: 'warehouse' })
      .expect(200);
    await t
      .http()
      .put('/complaint-rules/deadlines/logistics/low')
      .set(bearer(manager))
      .send({ firstResponseMinutes: 15, resolveDays: 10 })
      .expect(200);
    const c = await create({ category: 'logistics', severity: 'low', receivedAt: '2026-11-01T04:00:00Z' });
    expect(c).toMatchObject({
      department: 'warehouse',
      firstResponseDueAt: '2026-11-01T04:15:00.000Z',
      resolveDueAt: '2026-11-11T04:00:00.000Z',
    });
    const review = await create({
      category: 'logistics',
      severity: 'low',
      negativeReview: true,
      receivedAt: '2026-11-01T04:00:00Z',
    });
    expect(review.resolveDueAt).toBe('2026-11-08T04:00:00.000Z');
    const bad = await t
      .http()
      .put('/complaint-rules/deadlines/logistics/urgent')
      .set(bearer(manager))
      .send({ firstResponseMinutes: 15, resolveDays: 1 })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('severity');
    await t
      .http()
      .put('/complaint-rules/routing/logistics')
      .set(bearer(await t.tokenFor('supervisor')))
      .send({ department: 'logistics' })
      .expect(403);
    await t
      .http()
      .put('/complaint-rules/routing/logistics')
      .set(bearer(manager))
      .send({ department: 'logistics' })
      .expect(200);
  });

  it('computes due times in the shop’s own zone: a critical complaint over the Berlin fall-back night gets 25 hours', async () => {
    const other = await createSecondShop(t);
    const res = await t
      .http()
      .post('/complaints')
      .set(bearer(other.managerToken))
      .send({ ...base, severity: 'critical', receivedAt: '2026-10-24T08:00:00Z' })
      .expect(201);
    expect(res.body.resolveDueAt).toBe('2026-10-25T09:00:00.000Z'); // 10:00 CEST → 10:00 CET
    expect(new Date(res.body.resolveDueAt).getTime() - new Date(res.body.receivedAt).getTime()).toBe(25 * HOUR);
    expect(res.body.firstResponseDueAt).toBe('2026-10-24T08:30:00.000Z');
  });

  it('imports JSON rows all-or-nothing (422 naming every bad row) or partially, with the intake schema', async () => {
    const good = { ...base, externalId: 'IMP-1', agentEmployeeNo: 'CS0002', receivedAt: '2026-11-24T01:00:00Z' };
    const rows = [
      good,
      { ...base, externalId: 'IMP-2', category: 'weather' },
      { ...base, externalId: 'IMP-3', agentEmployeeNo: 'CS9999' },
      { ...good, customerKey: 'dup' },
      { ...base, externalId: 'IMP-5', colour: 'red' },
    ];
    const count = async () =>
      (await t.app.get(Db).client`SELECT count(*)::int AS n FROM complaints WHERE external_id LIKE 'IMP-%'`)[0].n;
    const rejected = await t.http().post('/complaints/import').set(bearer(manager)).send({ rows }).expect(422);
    expect(rejected.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'category' }),
      expect.objectContaining({ row: 3, field: 'agentEmployeeNo', message: expect.stringContaining('CS9999') }),
      expect.objectContaining({ row: 4, field: 'externalId', message: 'IMP-1 已出现在本文件第 1 行' }),
      expect.objectContaining({ row: 5, field: 'colour', code: 'unknown_field' }),
    ]);
    expect(rejected.body.report).toMatchObject({ mode: 'all', rows: 5, inserted: 0, rejected: 4 });
    expect(await count()).toBe(0);
    const partial = await t
      .http()
      .post('/complaints/import?mode=partial')
      .set(bearer(manager))
      .send({ rows })
      .expect(200);
    expect(partial.body).toMatchObject({ mode: 'partial', rows: 5, inserted: 1, skipped: 0, rejected: 4 });
    expect(await count()).toBe(1);
    const again = await t
      .http()
      .post('/complaints/import')
      .set(bearer(manager))
      .send({ rows: [good] })
      .expect(200);
    expect(again.body).toMatchObject({ inserted: 0, skipped: 1, rejected: 0 });
    const empty = await t.http().post('/complaints/import').set(bearer(manager)).send({ rows: [] }).expect(400);
    expect(empty.body.errors[0].field).toBe('rows');
  });

  it('imports a CSV file (是/否 flags, shop rules applied) and refuses other file types', async () => {
    const csv =
      'externalId,channel,customerKey,category,severity,negativeReview,agentEmployeeNo,agentAtFault,receivedAt\n' +
      'CSV-1,review,buyer_a,wrong_description,medium,是,CS0002,是,2026-11-24T01:00:00Z\n' +
      'CSV-2,phone,buyer_b,returns_refunds,low,否,,,2026-11-24T02:00:00+08:00\n';
    const res = await t
      .http()
      .post('/complaints/import')
      .set(bearer(manager))
      .attach('file', Buffer.from(csv), 'complaints.csv')
      .expect(200);
    expect(res.body).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    const list = await t.http().get('/complaints?category=wrong_description').set(bearer(manager)).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        externalId: 'CSV-1',
        department: 'product',
        negativeReview: true,
        agentAtFault: true,
        agentId,
      }),
    ]);
    const bad = await t
      .http()
      .post('/complaints/import')
      .set(bearer(manager))
      .attach('file', Buffer.from(csv.replace('medium', 'huge')), 'complaints.csv')
      .expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'severity' })]);
    await t
      .http()
      .post('/complaints/import')
      .set(bearer(manager))
      .attach('file', Buffer.from('x'), 'complaints.txt')
      .expect(415);
  });

  it('flags overdue complaints nightly (idempotent), lists them for supervisors, and unflags what gets resolved', async () => {
    const db = t.app.get(Db).client;
    await db`DELETE FROM complaints WHERE shop_id = ${t.demoShopId}`;
    const a = await create({ severity: 'medium', agentEmployeeNo: 'CS0002', receivedAt: '2026-11-15T02:00:00Z' }); // resolve due 11-18
    const b = await create({ severity: 'medium', receivedAt: '2026-11-20T10:00:00Z' }); // first response due 12:00Z, resolve 11-23 10:00Z
    const c = await create({ severity: 'medium', receivedAt: '2026-11-20T10:00:00Z' });
    await move(c.id, { to: 'in_progress' }).expect(200);
    const d = await create({ severity: 'medium', receivedAt: '2026-11-10T02:00:00Z' });
    await move(d.id, { to: 'in_progress' }).expect(200);
    await move(d.id, { to: 'resolved', outcome: 'apology', customerFeedback: 'ok' }).expect(200);
    const e = await create({ severity: 'medium', receivedAt: '2026-11-20T17:00:00Z' }); // first response due 19:00Z
    expect(t.app.get(NightlyPipeline).registered()).toContain('complaints.flag-overdue');

    const runNight = async (date: string) => {
      const accepted = await t
        .http()
        .post('/jobs/complaints.flag-overdue/run')
        .set(bearer(manager))
        .send({ date })
        .expect(202);
      await t.app.get(JobQueue).settled(accepted.body.jobId);
      const run = await t.http().get(`/jobs/${accepted.body.jobId}`).set(bearer(manager)).expect(200);
      expect([run.body.status, run.body.error]).toEqual(['completed', null]);
      return run.body.result;
    };
    const overdue = async () =>
      (
        await t
          .http()
          .get('/complaints?overdue=true')
          .set(bearer(await t.tokenFor('supervisor')))
          .expect(200)
      ).body.items as { id: string; overdueReason: string }[];

    // The night of 11-20 is computed as of 02:00 on 11-21 in Shanghai (2026-11-20T18:00Z).
    expect(await runNight('2026-11-20')).toMatchObject({
      asOf: '2026-11-20T18:00:00.000Z',
      flagged: 2,
      cleared: 0,
      overdue: 2,
    });
    expect((await overdue()).map((x) => [x.id, x.overdueReason])).toEqual([
      [a.id, 'resolution'],
      [b.id, 'first_response'],
    ]);
    expect(await runNight('2026-11-20')).toMatchObject({ flagged: 0, cleared: 0, overdue: 2 });
    const events =
      await db`SELECT complaint_id, from_value, to_value FROM complaint_events WHERE kind = 'overdue' ORDER BY complaint_id`;
    expect(events).toHaveLength(2);

    // Three nights later b, c and e have missed their resolution too.
    expect(await runNight('2026-11-23')).toMatchObject({ flagged: 3, cleared: 0, overdue: 4 });
    expect((await overdue()).map((x) => x.overdueReason)).toEqual([
      'resolution',
      'resolution',
      'resolution',
      'resolution',
    ]);
    expect((await overdue()).map((x) => x.id).sort()).toEqual([a.id, b.id, c.id, e.id].sort());
    const resolvedA = (await move(a.id, moveTo('in_progress')).expect(200),
    await move(a.id, moveTo('resolved')).expect(200)).body;
    expect(resolvedA).toMatchObject({ overdue: false, overdueReason: null });
    expect(await runNight('2026-11-23')).toMatchObject({ flagged: 0, cleared: 0, overdue: 3 });
    const agentView = await t
      .http()
      .get('/complaints?overdue=true')
      .set(bearer(await t.tokenFor('agent')))
      .expect(200);
    expect(agentView.body.total).toBe(0);

    // The whole night runs the step too.
    const night = await t
      .http()
      .post('/jobs/nightly.run/run')
      .set(bearer(manager))
      .send({ date: '2026-11-23' })
      .expect(202);
    await t.app.get(JobQueue).settled(night.body.jobId);
    const steps = await t
      .http()
      .get(`/jobs?parentRunId=${night.body.jobId}&name=complaints.flag-overdue`)
      .set(bearer(manager))
      .expect(200);
    expect(steps.body.items[0]).toMatchObject({ status: 'completed', result: { overdue: 3, flagged: 0 } });
  });
});
