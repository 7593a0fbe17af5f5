import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';

const contract = { minWeekMinutes: 2400, maxWeekMinutes: 2880, maxDaysPerWeek: 5, minRestHours: 11 };
const newAgent = (employeeNo: string, extra: Record<string, unknown> = {}) => ({
  employeeNo,
  name: '测试员',
  roleGroup: 'pre_sales',
  hireDate: '2026-01-05',
  contract,
  skills: [{ skill: 'pre_sales', proficiency: 4 }],
  ...extra,
});

describe('organisation: shops, teams, skills, agents, users (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const countAgents = async () =>
    (await t.http().get('/agents?limit=1').set(bearer(manager)).expect(200)).body.total as number;

  describe('agents', () => {
    it('creates, reads, filters, pages and updates an agent', async () => {
      const team = await t.http().post('/teams').set(bearer(manager)).send({ name: '新人组' }).expect(201);
      const created = await t
        .http()
        .post('/agents')
        .set(bearer(manager))
        .send(newAgent('N001', { teamId: team.body.id }))
        .expect(201);
      expect(created.body).toMatchObject({
        employeeNo: 'N001',
        teamId: team.body.id,
        contract,
        skills: [{ skill: 'pre_sales', proficiency: 4 }],
      });
      const byTeam = await t.http().get(`/agents?teamId=${team.body.id}`).set(bearer(manager)).expect(200);
      expect(byTeam.body.items.map((a: { employeeNo: string }) => a.employeeNo)).toEqual(['N001']);
      const english = await t.http().get('/agents?skill=english&limit=5&offset=0').set(bearer(manager)).expect(200);
      expect(english.body.items.length).toBeLessThanOrEqual(5);
      expect(
        english.body.items.every((a: { skills: { skill: string }[] }) => a.skills.some((s) => s.skill === 'english')),
      ).toBe(true);
      const searched = await t.http().get('/agents?q=N00').set(bearer(manager)).expect(200);
      expect(searched.body.total).toBe(1);
      const updated = await t
        .http()
        .patch(`/agents/${created.body.id}`)
        .set(bearer(manager))
        .send({
          contract: { ...contract, maxDaysPerWeek: 4 },
          skills: [{ skill: 'phone', proficiency: 2 }],
          version: created.body.updatedAt,
        })
        .expect(200);
      expect(updated.body.contract.maxDaysPerWeek).toBe(4);
      expect(updated.body.skills).toEqual([{ skill: 'phone', proficiency: 2 }]);
      // A partial update changes only what it names: team, skills and flags stay as they were.
      const renamed = await t
        .http()
        .patch(`/agents/${created.body.id}`)
        .set(bearer(manager))
        .send({ name: '新名字' })
        .expect(200);
      expect(renamed.body).toMatchObject({
        name: '新名字',
        teamId: team.body.id,
        active: true,
        skills: [{ skill: 'phone', proficiency: 2 }],
        employmentType: updated.body.employmentType,
      });
      const stale = await t
        .http()
        .patch(`/agents/${created.body.id}`)
        .set(bearer(manager))
        .send({ name: 'X', version: created.body.updatedAt })
        .expect(409);
      expect(stale.body.currentVersion).toBe(renamed.body.updatedAt);
      const gone = await t.http().delete(`/agents/${created.body.id}`).set(bearer(manager)).expect(200);
      expect(gone.body.active).toBe(false);
      const inactive = await t.http().get('/agents?active=false').set(bearer(manager)).expect(200);
      expect(inactive.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id);
    });

    it('answers 409 for a duplicate employee number and stores nothing', async () => {
      const before = await countAgents();
      const res = await t.http().post('/agents').set(bearer(manager)).send(newAgent('CS0001')).expect(409);
      expect(res.body.type).toBe('/problems/conflict');
      expect(await countAgents()).toBe(before);
    });

    it('answers 400 naming each bad field, and stores nothing', async () => {
      const before = await countAgents();
      const bad = await t
        .http()
        .post('/agents')
        .set(bearer(manager))
        .send(
          newAgent('N002', {
            hireDate: '2026-02-30',
            contract: { ...contract, minWeekMinutes: 3000 },
            unknownField: 1,
          }),
        )
        .expect(400);
      const fields = bad.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['hireDate', 'contract.minWeekMinutes', 'unknownField']));
      const skill = await t
        .http()
        .post('/agents')
        .set(bearer(manager))
        .send(newAgent('N003', { skills: [{ skill: 'juggling', proficiency: 2 }] }))
        .expect(400);
      expect(skill.body.errors[0].field).toBe('skills.0.skill');
      await t
        .http()
        .post('/agents')
        .set(bearer(manager))
        .send(newAgent('N004', { teamId: other.teamId }))
        .expect(400);
      await t.http().get('/agents/not-a-uuid').set(bearer(manager)).expect(400);
      await t.http().get('/agents?limit=0').set(bearer(manager)).expect(400);
      expect(await countAgents()).toBe(before);
    });

    it("hides another shop's agents (404) and refuses the wrong role (403)", async () => {
      await t.http().get(`/agents/${other.agentId}`).set(bearer(manager)).expect(404);
      await t.http().patch(`/agents/${other.agentId}`).set(bearer(manager)).send({ name: 'hijack' }).expect(404);
      await t.http().delete(`/agents/${other.agentId}`).set(bearer(manager)).expect(404);
      await t
        .http()
        .get('/agents')
        .set({ ...bearer(manager), 'X-Shop-Id': other.shopId })
        .expect(404);
      const theirs = await t.http().get(`/agents/${other.agentId}`).set(bearer(other.managerToken)).expect(200);
      expect(theirs.body.name).toBe('Berta');
      for (const role of ['agent', 'trainer', 'qc', 'supervisor']) {
        await t
          .http()
          .post('/agents')
          .set(bearer(await t.tokenFor(role)))
          .send(newAgent('R001'))
          .expect(403);
      }
    });

    it('lets an agent see only itself', async () => {
      const agent = await t.tokenFor('agent');
      const me = await t.http().get('/agents/me').set(bearer(agent)).expect(200);
      const list = await t.http().get('/agents').set(bearer(agent)).expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([me.body.id]);
      const colleague = (await t.http().get('/agents?limit=3').set(bearer(manager)).expect(200)).body.items.find(
        (a: { id: string }) => a.id !== me.body.id,
      );
      await t.http().get(`/agents/${colleague.id}`).set(bearer(agent)).expect(404);
    });
  });

  describe('shops', () => {
    it('validates the time zone and slot length, and keeps tenants apart', async () => {
      const admin = await t.tokenFor('admin');
      const bad = await t
        .http()
        .post('/shops')
        .set(bearer(admin))
        .send({ code: 'x1', name: 'X', timeZone: 'Mars/Olympus', slotMinutes: 20 })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['slotMinutes', 'timeZone']);
      await t.http().post('/shops').set(bearer(admin)).send({ code: 'other', name: 'dup' }).expect(409);
      await t.http().post('/shops').set(bearer(manager)).send({ code: 'x2', name: 'X' }).expect(403);
      const mine = await t.http().get('/shops').set(bearer(manager)).expect(200);
      expect(mine.body.map((s: { id: string }) => s.id)).toEqual([t.demoShopId]);
      await t.http().get(`/shops/${other.shopId}`).set(bearer(manager)).expect(404);
      await t.http().patch(`/shops/${other.shopId}`).set(bearer(manager)).send({ name: 'mine now' }).expect(404);
      const all = await t.http().get('/shops').set(bearer(admin)).expect(200);
      expect(all.body.length).toBeGreaterThanOrEqual(2);
      const patched = await t
        .http()
        .patch(`/shops/${t.demoShopId}`)
        .set(bearer(manager))
        .send({ settings: { attributionWindowDays: 2 } })
        .expect(200);
      expect(patched.body.settings.attributionWindowDays).toBe(2);
      // Every module's settings can be set (training's included) and are merged into what is there.
      const training = {
        trainingNeedsDays: 30,
        trainingMinServiceLevel: 0.8,
        trainingSeverityWeights: { high: 8 },
        trainingDraft: { topNeeds: 2, capacity: 10 },
      };
      const trained = await t
        .http()
        .patch(`/shops/${t.demoShopId}`)
        .set(bearer(manager))
        .send({ settings: training })
        .expect(200);
      expect(trained.body.settings).toMatchObject({ attributionWindowDays: 2, ...training });
      const refused = await t
        .http()
        .patch(`/shops/${t.demoShopId}`)
        .set(bearer(manager))
        .send({ settings: { trainingDraft: { capacity: 0 }, trainingNeedDays: 3 } })
        .expect(400);
      expect(JSON.stringify(refused.body)).toContain('settings.trainingDraft.capacity');
      expect(JSON.stringify(refused.body)).toContain('trainingNeedDays');
      expect(
        (await t.http().get(`/shops/${t.demoShopId}`).set(bearer(manager)).expect(200)).body.settings,
      ).toMatchObject(training);
      // A partial update changes only what it names: zone, slot length, currency and language stay.
      const before = (await t.http().get(`/shops/${other.shopId}`).set(bearer(admin)).expect(200)).body;
      const renamed = await t
        .http()
        .patch(`/shops/${other.shopId}`)
        .set(bearer(admin))
        .send({ name: 'Renamed' })
        .expect(200);
      expect(renamed.body).toMatchObject({
        name: 'Renamed',
        timeZone: before.timeZone,
        slotMinutes: before.slotMinutes,
        currency: before.currency,
        language: before.language,
        settings: before.settings,
      });
    });
  });

  describe('teams and skills', () => {
    it('keeps team supervisors to supervisors of the same shop and refuses deleting a staffed team', async () => {
      const agents = (await t.http().get('/agents?limit=20').set(bearer(manager)).expect(200)).body.items;
      const plain = agents.find((a: { isSupervisor: boolean }) => !a.isSupervisor);
      const lead = agents.find((a: { isSupervisor: boolean }) => a.isSupervisor);
      await t.http().post('/teams').set(bearer(manager)).send({ name: 'T1', supervisorAgentId: plain.id }).expect(400);
      await t
        .http()
        .post('/teams')
        .set(bearer(manager))
        .send({ name: 'T2', supervisorAgentId: other.agentId })
        .expect(400);
      const team = await t
        .http()
        .post('/teams')
        .set(bearer(manager))
        .send({ name: 'T3', supervisorAgentId: lead.id })
        .expect(201);
      const renamed = await t
        .http()
        .patch(`/teams/${team.body.id}`)
        .set(bearer(manager))
        .send({ name: 'T3b' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: 'T3b', supervisorAgentId: lead.id });
      await t.http().delete(`/teams/${plain.teamId}`).set(bearer(manager)).expect(409);
      await t.http().delete(`/teams/${team.body.id}`).set(bearer(manager)).expect(204);
      await t.http().get(`/teams/${other.teamId}`).set(bearer(manager)).expect(404);
      await t
        .http()
        .get('/teams')
        .set(bearer(await t.tokenFor('agent')))
        .expect(403);
      const teams = await t.http().get('/teams').set(bearer(manager)).expect(200);
      expect(teams.body.items.find((x: { name: string }) => x.name === '售前一组').agentCount).toBe(15);
    });

    it('refuses removing a skill agents still have', async () => {
      const skills = (await t.http().get('/skills').set(bearer(manager)).expect(200)).body;
      await t
        .http()
        .delete(`/skills/${skills.find((s: { code: string }) => s.code === 'pre_sales').id}`)
        .set(bearer(manager))
        .expect(409);
      const extra = await t
        .http()
        .post('/skills')
        .set(bearer(manager))
        .send({ code: 'live_stream', name: '直播' })
        .expect(201);
      await t.http().post('/skills').set(bearer(manager)).send({ code: 'live_stream', name: 'again' }).expect(409);
      await t.http().delete(`/skills/${extra.body.id}`).set(bearer(manager)).expect(204);
    });
  });

  describe('users', () => {
    it('lets a manager add users to the own shop but never an admin', async () => {
      await t
        .http()
        .post('/users')
        .set(bearer(manager))
        .send({ username: 'boss', displayName: 'B', password: 'password-9', role: 'admin' })
        .expect(403);
      await t
        .http()
        .post('/users')
        .set(bearer(manager))
        .send({ username: 'manager', displayName: 'dup', password: 'password-9', role: 'hr' })
        .expect(409);
      await t
        .http()
        .post('/users')
        .set(bearer(manager))
        .send({ username: 'a2', displayName: 'A', password: 'password-9', role: 'agent' })
        .expect(400);
      await t
        .http()
        .post('/users')
        .set(bearer(manager))
        .send({ username: 'a3', displayName: 'A', password: 'password-9', role: 'agent', agentId: other.agentId })
        .expect(400);
      const list = await t.http().get('/users').set(bearer(manager)).expect(200);
      expect(list.body.every((u: Record<string, unknown>) => !('passwordHash' in u))).toBe(true);
      await t
        .http()
        .get('/users')
        .set(bearer(await t.tokenFor('hr')))
        .expect(403);
    });
  });
});
