import { seedQcDay } from './support/qc-sessions';
import { bearer, TestApp } from './support/test-app';
import { DEMO_SETUP_MS, startDemoApp } from './support/demo-database';
import { chineseIn, untranslatedWords } from './support/untranslated';

const CJK = /[\u3400-\u9fff]/;

type Refusal = {
  status: number;
  code: string;
  send: (lang?: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  names?: string[];
};

/**
 * Representative refusals of each module: in Chinese without Accept-Language (the demo shop's
 * language), in English with `Accept-Language: en`, the same code both ways, naming things by name.
 */
describe('refusals of every module in the reader’s language (e2e)', () => {
  let t: TestApp;
  let tokens: Record<string, string>;
  const refusals: Record<string, () => Promise<Refusal>> = {};

  beforeAll(async () => {
    t = await startDemoApp();
    tokens = Object.fromEntries(
      await Promise.all(
        ['manager', 'hr', 'supervisor', 'agent', 'qc', 'trainer'].map(async (r) => [r, await t.tokenFor(r)] as const),
      ),
    );
  }, DEMO_SETUP_MS);
  afterAll(() => t.close(), 300_000);

  const as = (role: string, lang?: string) => ({
    ...bearer(tokens[role]),
    ...(lang ? { 'Accept-Language': lang } : {}),
  });
  const agents = async () =>
    (await t.http().get('/agents?limit=500').set(as('manager')).expect(200)).body.items as {
      id: string;
      name: string;
      employeeNo: string;
      teamId: string;
      isSupervisor: boolean;
    }[];
  const teams = async () =>
    (await t.http().get('/teams?limit=50').set(as('manager')).expect(200)).body.items as { id: string; name: string }[];

  refusals['org: a team that still has agents'] = async () => {
    const team = (await teams())[0];
    return {
      status: 409,
      code: 'org.team-has-agents',
      names: [team.name],
      send: (lang) => t.http().delete(`/teams/${team.id}`).set(as('manager', lang)),
    };
  };
  refusals['org: a supervisor who is not one'] = async () => {
    const [team, agent] = [(await teams())[0], (await agents()).find((a) => !a.isSupervisor)!];
    return {
      status: 400,
      code: 'org.not-supervisor',
      names: [agent.name],
      send: (lang) =>
        t.http().patch(`/teams/${team.id}`).set(as('manager', lang)).send({ supervisorAgentId: agent.id }),
    };
  };

  refusals['qc: a score out of range, naming the rubric item'] = async () => {
    const { agentSessions } = await seedQcDay(t);
    const rubric = (await t.http().get('/qc/rubrics').set(as('qc')).expect(200)).body[0] as {
      items: { id: string; code: string; title: string }[];
    };
    const item = rubric.items.find((i) => i.code === 'greeting')!;
    return {
      status: 422,
      code: 'qc.review-refused',
      names: [item.title],
      send: (lang) =>
        t
          .http()
          .post('/qc/reviews')
          .set(as('qc', lang))
          .send({ sessionId: agentSessions[0], scores: [{ itemId: item.id, points: 11 }] }),
    };
  };

  refusals['training: a topic asked for twice, named in the reader’s language'] = async () => {
    await t.http().post('/training/requests').set(as('agent')).send({ category: '工具使用' }).expect(201);
    return {
      status: 409,
      code: 'training.already-asked',
      send: (lang) => t.http().post('/training/requests').set(as('agent', lang)).send({ category: '工具使用' }),
    };
  };

  refusals['ranking: a ledger entry decided twice, its state in words'] = async () => {
    const agent = (await agents()).find((a) => !a.isSupervisor)!;
    const entry = await t
      .http()
      .post('/ledger')
      .set(as('manager'))
      .send({ agentId: agent.id, month: '2026-11', kind: 'bonus', amountCents: 100, reason: '加班' })
      .expect(201);
    await t.http().post(`/ledger/${entry.body.id}/approve`).set(as('hr')).expect(200);
    return {
      status: 409,
      code: 'ranking.entry-decided',
      send: (lang) => t.http().post(`/ledger/${entry.body.id}/reject`).set(as('hr', lang)),
    };
  };

  refusals['complaints: an illegal move, states in words'] = async () => {
    const created = await t
      .http()
      .post('/complaints')
      .set(as('manager'))
      .send({ channel: 'platform', customerKey: 'tb_1', category: 'logistics' })
      .expect(201);
    return {
      status: 409,
      code: 'complaints.illegal-transition',
      send: (lang) =>
        t.http().post(`/complaints/${created.body.id}/transitions`).set(as('manager', lang)).send({ to: 'closed' }),
    };
  };
  refusals['complaints: an import row naming an unknown employee number'] = async () => ({
    status: 422,
    code: 'complaints.import-refused',
    send: (lang) =>
      t
        .http()
        .post('/complaints/import')
        .set(as('manager', lang))
        .send({ rows: [{ channel: 'chat', customerKey: 'k', category: 'other', agentEmployeeNo: 'NOPE1' }] }),
  });

  refusals['kpi: an agent asking for the shop’s figures'] = async () => ({
    status: 403,
    code: 'kpi.agents-own-only',
    send: (lang) => t.http().get('/kpis?level=shop&period=day&from=2026-11-01&to=2026-11-02').set(as('agent', lang)),
  });

  refusals['forecast: a closed day with a multiplier'] = async () => ({
    status: 400,
    code: 'forecast.closed-day-multiplier',
    send: async (lang) => {
      const made = await t
        .http()
        .post('/forecast-events')
        .set(as('manager'))
        .send({ date: '2026-12-24', kind: 'closed' })
        .expect(201);
      return t.http().patch(`/forecast-events/${made.body.id}`).set(as('manager', lang)).send({ multiplier: 1.5 });
    },
  });
  refusals['staffing: the queue of another forecast, named'] = async () => {
    const queues = (await t.http().get('/queues').set(as('manager')).expect(200)).body as {
      id: string;
      name: string;
      code: string;
    }[];
    const [first, second] = [
      queues.find((q) => q.code === 'presales_chat')!,
      queues.find((q) => q.code === 'hotline')!,
    ];
    const made = await t
      .http()
      .post('/forecasts')
      .set(as('manager'))
      .send({ queueIds: [first.id], weeks: 1 })
      .expect(202);
    return {
      status: 400,
      code: 'staffing.not-queue-of-forecast',
      names: [second.name],
      send: (lang) =>
        t
          .http()
          .get(`/staffing/requirements?forecast=${made.body.forecasts[0].forecastId}&queue=${second.id}`)
          .set(as('manager', lang)),
    };
  };

  it.each(Object.keys(refusals))('%s', async (name) => {
    const refusal = await refusals[name]();
    const zh = await refusal.send();
    expect({ status: zh.status, code: zh.body.code }).toEqual({ status: refusal.status, code: refusal.code });
    const zhTexts = [
      zh.body.detail,
      ...((zh.body.errors as { message: string }[] | undefined) ?? []).map((e) => e.message),
    ].map(String);
    for (const s of zhTexts) {
      expect(s).toMatch(CJK);
      expect(untranslatedWords(s, refusal.names)).toEqual([]);
    }
    for (const n of refusal.names ?? []) expect(zh.body.detail).toContain(n);
    const en = await refusal.send('en');
    expect({ status: en.status, code: en.body.code }).toEqual({ status: refusal.status, code: refusal.code });
    const enTexts = [
      en.body.detail,
      ...((en.body.errors as { message: string }[] | undefined) ?? []).map((e) => e.message),
    ].map(String);
    for (const s of enTexts) expect(chineseIn(s, refusal.names)).toEqual([]);
    expect(en.body.detail).not.toEqual(zh.body.detail);
  });
});
