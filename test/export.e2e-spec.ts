import { JobQueue } from 'src/platform/jobs/job-queue';
import { downloadWorkbook } from './support/export-file';
import { createSecondShop } from './support/second-shop';
import { QC_SAMPLE_DATE, QC_SESSION_DATE, seedQcDay } from './support/qc-sessions';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Sample = { sessionId: string; agentId: string };

/** Excel exports: requested, built in a job, downloaded; cells read back against the API's JSON. */
describe('exports (e2e)', () => {
  let t: TestApp;
  let qc: string;
  let supervisor: string;

  const exportAndWait = async (token: string, body: object) => {
    const res = await t.http().post('/exports').set(bearer(token)).send(body).expect(202);
    await t.app.get(JobQueue).settled(res.body.jobId);
    return res.body as { exportId: string; fileUrl: string; statusUrl: string };
  };
  const download = (token: string, url: string) => downloadWorkbook(t, token, url);

  beforeAll(async () => {
    t = await startTestApp();
    const f = await seedQcDay(t);
    qc = await t.tokenFor('qc');
    supervisor = await t.tokenFor('supervisor');
    const run = await t
      .http()
      .post('/qc/samples/run')
      .set(bearer(qc))
      .send({ sessionDate: QC_SESSION_DATE })
      .expect(202);
    await t.app.get(JobQueue).settled(run.body.jobId);
    const samples = (await t.http().get(`/qc/samples?date=${QC_SAMPLE_DATE}`).set(bearer(qc)).expect(200)).body
      .items as Sample[];
    const own = samples.filter((s) => s.agentId === f.agentId).slice(0, 2);
    await t
      .http()
      .post('/qc/reviews')
      .set(bearer(qc))
      .send({
        sessionId: own[0].sessionId,
        findings: [{ category: '平台政策', severity: 'medium', quote: '七天无理由不包括这个' }],
      })
      .expect(201);
    await t.http().post('/qc/reviews').set(bearer(qc)).send({ sessionId: own[1].sessionId }).expect(201);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('lists the kinds a role may ask for', async () => {
    const kinds = await t.http().get('/exports/kinds').set(bearer(qc)).expect(200);
    expect(kinds.body.map((k: { kind: string }) => k.kind)).toContain('qc-summary');
    const hr = await t
      .http()
      .get('/exports/kinds')
      .set(bearer(await t.tokenFor('hr')))
      .expect(200);
    expect(hr.body.map((k: { kind: string }) => k.kind)).not.toContain('qc-summary');
  });

  it('builds the QC summary in a job; its cells are real numbers equal to the API’s figures', async () => {
    const summary = (await t.http().get(`/qc/summary?date=${QC_SESSION_DATE}`).set(bearer(supervisor)).expect(200))
      .body;
    const created = await exportAndWait(supervisor, {
      kind: 'qc-summary',
      lang: 'en',
      params: { date: QC_SESSION_DATE },
    });
    const status = await t.http().get(`/exports/${created.exportId}`).set(bearer(supervisor)).expect(200);
    expect(status.body).toMatchObject({
      kind: 'qc-summary',
      status: 'completed',
      lang: 'en',
      fileName: `demo_qc-summary_${QC_SESSION_DATE}.xlsx`,
    });
    const { headers, book } = await download(supervisor, created.fileUrl);
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers['content-disposition']).toContain(`demo_qc-summary_${QC_SESSION_DATE}.xlsx`);
    const sheet = book.getWorksheet('QC summary')!;
    expect(sheet.getRow(3).getCell(1).value).toBe('Team');
    const team = summary.teams[0];
    const agent = team.agents[0];
    const row = sheet.getRow(4);
    expect(row.getCell(2).value).toBe(agent.name);
    expect(row.getCell(3).value).toBe(agent.sessionsReviewed);
    expect(typeof row.getCell(3).value).toBe('number');
    expect(row.getCell(5).value).toBe(agent.meanScore);
    expect(row.getCell(7).value).toBe(agent.fails);
    const findings = book.getWorksheet('Top findings')!;
    expect(findings.getRow(4).getCell(2).value).toBe('Platform policy');
    expect(findings.getRow(4).getCell(4).value).toBe(team.topFindings[0].count);
  });

  it('defaults the header language to the reader’s (else the shop’s) and refuses bad input naming the field', async () => {
    const created = await exportAndWait(qc, { kind: 'qc-summary', params: { date: QC_SESSION_DATE } });
    const { book } = await download(qc, created.fileUrl);
    expect(book.worksheets[0].getRow(3).getCell(1).value).toBe('小组');
    const english = await t
      .http()
      .post('/exports?lang=en')
      .set(bearer(qc))
      .send({ kind: 'qc-summary', params: { date: QC_SESSION_DATE } })
      .expect(202);
    await t.app.get(JobQueue).settled(english.body.jobId);
    expect((await download(qc, english.body.fileUrl)).book.worksheets[0].getRow(3).getCell(1).value).toBe('Team');
    // Without a language named, the reader's: Accept-Language, else the shop's.
    const asked = await t
      .http()
      .post('/exports')
      .set(bearer(qc))
      .set('Accept-Language', 'en')
      .send({ kind: 'qc-summary', params: { date: QC_SESSION_DATE } })
      .expect(202);
    await t.app.get(JobQueue).settled(asked.body.jobId);
    expect((await download(qc, asked.body.fileUrl)).book.worksheets[0].getRow(3).getCell(1).value).toBe('Team');
    await t
      .http()
      .post('/exports?lang=fr')
      .set(bearer(qc))
      .send({ kind: 'qc-summary', params: { date: QC_SESSION_DATE } })
      .expect(400);
    const unknown = await t.http().post('/exports').set(bearer(qc)).send({ kind: 'payroll', params: {} }).expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'kind' });
    const badDate = await t
      .http()
      .post('/exports')
      .set(bearer(qc))
      .send({ kind: 'qc-summary', params: { date: '25.11.2026' } })
      .expect(400);
    expect(badDate.body.errors[0]).toMatchObject({ field: 'params.date' });
  });

  it('writes a name a spreadsheet would take for a formula as a text cell, exactly as stored', async () => {
    const summary = (await t.http().get(`/qc/summary?date=${QC_SESSION_DATE}`).set(bearer(supervisor)).expect(200))
      .body;
    const agentId = summary.teams[0].agents[0].agentId as string;
    const name = '=HYPERLINK("http://evil.example","点我")';
    await t
      .http()
      .patch(`/agents/${agentId}`)
      .set(bearer(await t.tokenFor('manager')))
      .send({ name })
      .expect(200);
    const created = await exportAndWait(supervisor, {
      kind: 'qc-summary',
      lang: 'en',
      params: { date: QC_SESSION_DATE },
    });
    const cell = (await download(supervisor, created.fileUrl)).book.getWorksheet('QC summary')!.getRow(4).getCell(2);
    expect({ text: cell.text, formula: cell.formula, value: cell.value }).toEqual({
      text: name,
      formula: undefined,
      value: { richText: [{ text: name }] },
    });
  });

  it('keeps exports to the roles that may see them, their requester, and their shop', async () => {
    await t
      .http()
      .post('/exports')
      .set(bearer(await t.tokenFor('hr')))
      .send({ kind: 'qc-summary', params: { date: QC_SESSION_DATE } })
      .expect(403);
    await t
      .http()
      .post('/exports')
      .set(bearer(await t.tokenFor('agent')))
      .send({ kind: 'qc-summary', params: { date: QC_SESSION_DATE } })
      .expect(403);
    const created = await exportAndWait(supervisor, { kind: 'qc-summary', params: { date: QC_SESSION_DATE } });
    await t.http().get(created.fileUrl).set(bearer(qc)).expect(404);
    const manager = await t.tokenFor('manager');
    await t.http().get(`/exports/${created.exportId}`).set(bearer(manager)).expect(200);
    const other = await createSecondShop(t);
    await t.http().get(`/exports/${created.exportId}`).set(bearer(other.managerToken)).expect(404);
    await t.http().get(created.fileUrl).set(bearer(other.managerToken)).expect(404);
    await t
      .http()
      .get('/exports')
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
  });

  it('asks who is calling, keeps each kind to its roles, and builds another shop’s export of the same day from that shop alone', async () => {
    await t.http().get('/exports/kinds').expect(401);
    await t
      .http()
      .post('/exports')
      .send({ kind: 'qc-summary', params: { date: QC_SESSION_DATE } })
      .expect(401);
    await t.http().get('/exports').expect(401);
    const agent = await t.tokenFor('agent');
    await t.http().get('/exports/kinds').set(bearer(agent)).expect(403);
    for (const role of ['agent', 'trainer'])
      await t
        .http()
        .post('/exports')
        .set(bearer(await t.tokenFor(role)))
        .send({ kind: 'daily-report', params: { date: QC_SESSION_DATE } })
        .expect(403);
    const other = await createSecondShop(t, 'export-other');
    const theirs = await exportAndWait(other.managerToken, {
      kind: 'qc-summary',
      lang: 'en',
      params: { date: QC_SESSION_DATE },
    });
    await t
      .http()
      .get(theirs.fileUrl)
      .set(bearer(await t.tokenFor('manager')))
      .expect(404);
    const { book } = await download(other.managerToken, theirs.fileUrl);
    const sheet = book.getWorksheet('QC summary')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^Other shop /);
    // Our reviewed agents are not theirs: the sheet has its header and nothing under it.
    expect(sheet.rowCount).toBe(3);
  });
});
