import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { bearer, TestApp } from './support/test-app';

type Call = { method: 'get' | 'post' | 'patch' | 'put'; path: string; body?: Record<string, unknown> };

/** Who may see and change which complaints: roles, the supervisor's teams, the agent's own, other shops, bad input. */
describe('complaints: access matrix and input checks (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let other: SecondShop;
  const ids: Record<'own' | 'teammate' | 'otherTeam' | 'unattributed', string> = {
    own: '',
    teammate: '',
    otherTeam: '',
    unattributed: '',
  };
  const agentIds: Record<string, string> = {};
  let team1: string;
  let team2: string;

  const base = {
    channel: 'chat',
    customerKey: 'buyer_x',
    category: 'service_attitude',
    severity: 'medium',
    receivedAt: '2026-11-25T02:00:00Z',
  };
  const call = (c: Call, headers: Record<string, string> = {}) => {
    const req = t.http()[c.method](c.path).set(headers);
    return c.body ? req.send(c.body) : req;
  };
  const as = async (role: string) => bearer(await t.tokenFor(role));
  const listIds = async (role: string, query = '') =>
    (
      (
        await t
          .http()
          .get(`/complaints${query}`)
          .set(await as(role))
          .expect(200)
      ).body.items as { id: string }[]
    )
      .map((c) => c.id)
      .sort();

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    for (const no of ['CS0002', 'CS0003', 'CS0017'])
      agentIds[no] = (await t.http().get(`/agents?q=${no}`).set(bearer(manager)).expect(200)).body.items[0].id;
    const teams = (await t.http().get('/teams').set(bearer(manager)).expect(200)).body.items as {
      id: string;
      name: string;
    }[];
    team1 = teams.find((x) => x.name === '售前一组')!.id;
    team2 = teams.find((x) => x.name === '售前二组')!.id;
    const make = async (body: Record<string, unknown>) =>
      (
        await t
          .http()
          .post('/complaints')
          .set(bearer(manager))
          .send({ ...base, ...body })
          .expect(201)
      ).body.id as string;
    ids.own = await make({ agentEmployeeNo: 'CS0002', agentAtFault: true });
    ids.teammate = await make({ agentEmployeeNo: 'CS0003' });
    ids.otherTeam = await make({ agentEmployeeNo: 'CS0017', agentAtFault: true });
    ids.unattributed = await make({ category: 'logistics' });
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const reads = (id: string): Call[] => [
    { method: 'get', path: '/complaints' },
    { method: 'get', path: `/complaints/${id}` },
  ];
  const writes = (id: string): Call[] => [
    { method: 'post', path: '/complaints', body: base },
    { method: 'post', path: '/complaints/import', body: { rows: [base] } },
    { method: 'post', path: `/complaints/${id}/transitions`, body: { to: 'in_progress' } },
    { method: 'post', path: `/complaints/${id}/reassign`, body: { department: 'warehouse', note: 'x' } },
    { method: 'patch', path: `/complaints/${id}/attribution`, body: { agentAtFault: false, note: 'x' } },
  ];
  const rules: Call[] = [
    { method: 'get', path: '/complaint-rules' },
    { method: 'put', path: '/complaint-rules/routing/other', body: { department: 'service' } },
    { method: 'put', path: '/complaint-rules/deadlines/other/low', body: { firstResponseMinutes: 60, resolveDays: 3 } },
  ];

  it('refuses every route without a token (401)', async () => {
    for (const c of [...reads(ids.own), ...writes(ids.own), ...rules]) await call(c).expect(401);
  });

  it('refuses HR and trainers on every route (403), agents on every write and on the rules', async () => {
    for (const role of ['hr', 'trainer'])
      for (const c of [...reads(ids.own), ...writes(ids.own), ...rules]) await call(c, await as(role)).expect(403);
    for (const c of [...writes(ids.own), ...rules]) await call(c, await as('agent')).expect(403);
    for (const role of ['supervisor', 'qc']) for (const c of rules.slice(1)) await call(c, await as(role)).expect(403);
  });

  it('shows agents only the complaints attributed to them (others are 404)', async () => {
    expect(await listIds('agent')).toEqual([ids.own]);
    expect(await listIds('agent', '?agentAtFault=true')).toEqual([ids.own]);
    await t
      .http()
      .get(`/complaints/${ids.own}`)
      .set(await as('agent'))
      .expect(200);
    for (const id of [ids.teammate, ids.otherTeam, ids.unattributed])
      await t
        .http()
        .get(`/complaints/${id}`)
        .set(await as('agent'))
        .expect(404);
  });

  it('gives supervisors their teams’ complaints plus unattributed ones, and nothing of other teams', async () => {
    const supervisor = await as('supervisor');
    expect(await listIds('supervisor')).toEqual([ids.own, ids.teammate, ids.unattributed].sort());
    expect(await listIds('supervisor', `?team=${team1}`)).toEqual([ids.own, ids.teammate].sort());
    expect(await listIds('supervisor', `?team=${team2}`)).toEqual([]);
    expect(await listIds('supervisor', `?agent=${agentIds.CS0003}`)).toEqual([ids.teammate]);
    for (const c of [...reads(ids.otherTeam).slice(1), ...writes(ids.otherTeam).slice(2)])
      await call(c, supervisor).expect(404);
    await t
      .http()
      .post(`/complaints/${ids.unattributed}/transitions`)
      .set(supervisor)
      .send({ to: 'in_progress' })
      .expect(200);
    // Attributing to an agent outside their teams is refused as if the agent did not exist.
    await t
      .http()
      .patch(`/complaints/${ids.unattributed}/attribution`)
      .set(supervisor)
      .send({ agentId: agentIds.CS0017, note: 'x' })
      .expect(404);
    await t
      .http()
      .post('/complaints')
      .set(supervisor)
      .send({ ...base, agentEmployeeNo: 'CS0017' })
      .expect(404);
    const imported = await t
      .http()
      .post('/complaints/import')
      .set(supervisor)
      .send({ rows: [{ ...base, agentEmployeeNo: 'CS0017' }] })
      .expect(422);
    expect(imported.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'agentEmployeeNo' })]);
    const mine = await t
      .http()
      .post('/complaints')
      .set(supervisor)
      .send({ ...base, agentEmployeeNo: 'CS0003' })
      .expect(201);
    expect(mine.body.agentId).toBe(agentIds.CS0003);
    await t.http().get('/complaint-rules').set(supervisor).expect(200);
  });

  it('gives managers, QC and admins (with X-Shop-Id) the whole shop', async () => {
    const all = Object.values(ids);
    for (const role of ['manager', 'qc'])
      expect((await listIds(role)).filter((id) => all.includes(id))).toEqual([...all].sort());
    const admin = { ...(await as('admin')), 'X-Shop-Id': t.demoShopId };
    await t.http().get(`/complaints/${ids.otherTeam}`).set(admin).expect(200);
    await t
      .http()
      .post(`/complaints/${ids.otherTeam}/reassign`)
      .set(await as('qc'))
      .send({ department: 'after_sales', note: '售后跟进' })
      .expect(200);
    await t
      .http()
      .patch(`/complaints/${ids.otherTeam}/attribution`)
      .set(admin)
      .send({ agentAtFault: false, note: '复核' })
      .expect(200);
  });

  it('answers 404 for another shop’s complaints and agents, and lists none of them', async () => {
    const theirs = bearer(other.managerToken);
    for (const c of [...reads(ids.own).slice(1), ...writes(ids.own).slice(2)]) await call(c, theirs).expect(404);
    expect((await t.http().get('/complaints').set(theirs).expect(200)).body.total).toBe(0);
    await t
      .http()
      .post('/complaints')
      .set(theirs)
      .send({ ...base, agentId: agentIds.CS0002 })
      .expect(404);
    await t
      .http()
      .post('/complaints')
      .set(bearer(manager))
      .send({ ...base, agentId: other.agentId })
      .expect(404);
    const adminThere = { ...(await as('admin')), 'X-Shop-Id': other.shopId };
    await t.http().get(`/complaints/${ids.own}`).set(adminThere).expect(404);
    await t.http().get(`/complaints/${ids.own}`).set(bearer(other.agentToken)).expect(404);
  });

  it('names the field of bad input (400 problem+json)', async () => {
    const { customerKey: _omit, ...noCustomer } = base;
    const bad: [Call, string][] = [
      [{ method: 'post', path: '/complaints', body: noCustomer }, 'customerKey'],
      [{ method: 'post', path: '/complaints', body: { ...base, channel: 'pigeon' } }, 'channel'],
      [{ method: 'post', path: '/complaints', body: { ...base, category: 'weather' } }, 'category'],
      [{ method: 'post', path: '/complaints', body: { ...base, severity: 'apocalyptic' } }, 'severity'],
      [{ method: 'post', path: '/complaints', body: { ...base, agentAtFault: true } }, 'agentAtFault'],
      [
        { method: 'post', path: '/complaints', body: { ...base, agentId: agentIds.CS0002, agentEmployeeNo: 'CS0002' } },
        'agentEmployeeNo',
      ],
      [{ method: 'post', path: '/complaints', body: { ...base, receivedAt: '2026-11-25 10:00' } }, 'receivedAt'],
      [{ method: 'post', path: '/complaints', body: { ...base, receivedAt: '2099-01-01T00:00:00Z' } }, 'receivedAt'],
      [{ method: 'post', path: '/complaints', body: { ...base, negativeReview: 'yes' } }, 'negativeReview'],
      [{ method: 'get', path: '/complaints?status=done' }, 'status'],
      [{ method: 'get', path: '/complaints?overdue=maybe' }, 'overdue'],
      [{ method: 'get', path: '/complaints?team=team-1' }, 'team'],
      [{ method: 'get', path: '/complaints/not-a-uuid' }, 'id'],
      [{ method: 'post', path: `/complaints/${ids.own}/transitions`, body: { to: 'done' } }, 'to'],
      [
        { method: 'post', path: `/complaints/${ids.own}/reassign`, body: { department: 'finance', note: 'x' } },
        'department',
      ],
      [{ method: 'patch', path: `/complaints/${ids.own}/attribution`, body: { note: 'x' } }, 'agentAtFault'],
      [
        {
          method: 'put',
          path: '/complaint-rules/deadlines/other/low',
          body: { firstResponseMinutes: 0, resolveDays: 3 },
        },
        'firstResponseMinutes',
      ],
      [{ method: 'put', path: '/complaint-rules/routing/weather', body: { department: 'service' } }, 'category'],
    ];
    for (const [c, field] of bad) {
      const res = await call(c, bearer(manager)).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect([c.path, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([
        c.path,
        expect.arrayContaining([field]),
      ]);
    }
  });
});
