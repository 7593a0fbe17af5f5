import ExcelJS from 'exceljs';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { zipOf } from './support/files';
import { createSecondShop } from './support/second-shop';
import { agentTeamId, draftTeamWeek } from './support/web-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const WEEK = '2026-11-30';
type Shift = {
  code: string;
  start: { local: string };
  end: { local: string };
  breaks: { name: string; start: { local: string } }[];
} | null;
type AgentRow = { agentId: string; employeeNo: string; days: { date: string; shift: Shift }[] };

const clock = (local: string) => local.slice(11, 16);
/** What a shift is, for comparing two versions: template, times and breaks. */
const shiftKey = (s: Shift) =>
  s
    ? `${s.code} ${clock(s.start.local)}–${clock(s.end.local)} ${s.breaks.map((b) => `${b.name}@${clock(b.start.local)}`).join(',')}`
    : 'off';

/** A roster workbook back from Excel: round trip, edits, refusals, access. */
describe('roster import (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let rosterId: string;

  const bytesOf = async (token: string, url: string): Promise<Buffer> =>
    (
      await t
        .http()
        .get(url)
        .set(bearer(token))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const exported = async (lang: 'zh' | 'en'): Promise<Buffer> => {
    const created = await t
      .http()
      .post('/exports')
      .set(bearer(manager))
      .send({ kind: 'roster', lang, params: { rosterId } })
      .expect(202);
    await t.app.get(JobQueue).settled(created.body.jobId, 60_000);
    return bytesOf(manager, created.body.fileUrl);
  };
  const post = (bytes: Buffer, query = '', token = manager, name = 'roster.xlsx') =>
    t.http().post(`/rosters/import${query}`).set(bearer(token)).attach('file', bytes, name);
  const edited = async (bytes: Buffer, edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    edit(book.worksheets[0]);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const roster = async (version?: number) =>
    (
      await t
        .http()
        .get(`/rosters/${rosterId}${version ? `?version=${version}` : ''}`)
        .set(bearer(manager))
        .expect(200)
    ).body;
  const weekOf = (r: { agents: AgentRow[] }) =>
    new Map(r.agents.flatMap((a) => a.days.map((d) => [`${a.employeeNo}/${d.date}`, shiftKey(d.shift)])));
  /** The grid row of an agent in an exported or template sheet (employee numbers in column A from row 4). */
  const rowOf = (sheet: ExcelJS.Worksheet, employeeNo: string) =>
    [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.number > 3 && r.getCell(1).value === employeeNo)!;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    rosterId = await draftTeamWeek(t, manager, await agentTeamId(t), WEEK);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('takes the export back unchanged as a new draft version equal to the one exported; an edited cell shows in the diff', async () => {
    const before = await roster();
    const file = await exported('zh');
    const res = await post(file).expect(201);
    expect(res.body).toMatchObject({
      rosterId,
      weekStart: WEEK,
      version: before.version.version + 1,
      status: 'draft',
      rejected: [],
    });
    const after = await roster();
    expect(after.version).toMatchObject({ version: res.body.version, status: 'draft' });
    // Who made the imported version, by name (the page shows it beside the version).
    const [{ name }] = await t.app.get(Db).client<
      { name: string }[]
    >`SELECT display_name AS name FROM users WHERE username = 'manager'`;
    expect(after.versions.find((v: { version: number }) => v.version === res.body.version)).toMatchObject({
      createdByName: name,
    });
    expect(weekOf(after)).toEqual(weekOf(before));
    expect(
      (
        await t
          .http()
          .get(`/rosters/${rosterId}/diff?from=${before.version.version}&to=${res.body.version}`)
          .set(bearer(manager))
          .expect(200)
      ).body.changes,
    ).toEqual([]);

    // An early shift made a middle one, in the English export this time.
    const agents = after.agents as AgentRow[];
    const agent = agents.find((a) => a.days.some((d) => d.shift?.code === 'E'))!;
    const day = agent.days.findIndex((d) => d.shift?.code === 'E');
    const changed = await edited(await exported('en'), (sheet) => {
      rowOf(sheet, agent.employeeNo).getCell(3 + day).value = 'M 09:00–18:00';
    });
    const second = await post(changed).expect(201);
    const diff = (
      await t
        .http()
        .get(`/rosters/${rosterId}/diff?from=${res.body.version}&to=${second.body.version}`)
        .set(bearer(manager))
        .expect(200)
    ).body;
    expect(diff.changes).toEqual([
      expect.objectContaining({
        employeeNo: agent.employeeNo,
        date: agent.days[day].date,
        change: 'changed',
        from: expect.objectContaining({ code: 'E' }),
        to: expect.objectContaining({ code: 'M' }),
      }),
    ]);
    expect(clock(diff.changes[0].to.start.local)).toBe('09:00');
  });

  it('lists every refused cell by sheet, cell and row with its reason, stores nothing; partial mode leaves them empty', async () => {
    const current = await roster();
    const agents = current.agents as AgentRow[];
    const [a, b] = agents;
    // After a late shift (ends 23:00) an early one (08:00): too little rest, a succession the rules forbid.
    const late = agents
      .flatMap((x) => x.days.slice(0, 6).map((d, i) => ({ agent: x, day: i, shift: d.shift })))
      .find((x) => x.shift?.code === 'L')!;
    const file = await edited(await exported('zh'), (sheet) => {
      rowOf(sheet, a.employeeNo).getCell(3).value = 'X 08:00–17:00';
      rowOf(sheet, a.employeeNo).getCell(4).value = 'E 25:00';
      rowOf(sheet, b.employeeNo).getCell(5).value = 'E 09:00–18:00';
      rowOf(sheet, late.agent.employeeNo).getCell(3 + late.day + 1).value = 'E 08:00–17:00';
      sheet.addRow(['ZZ999', '不存在']);
    });
    const refused = await post(file).set('Accept-Language', 'zh').expect(422);
    expect(refused.body.code).toBe('roster-import.cells-rejected');
    const byCode = (code: string) => refused.body.errors.filter((e: { code: string }) => e.code === code);
    const rowA = (await new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer)).worksheets[0];
    const numberOf = (employeeNo: string) => rowOf(rowA, employeeNo).number;
    expect(byCode('roster-import.unknown-template')).toEqual([
      expect.objectContaining({
        field: `'排班表'!C${numberOf(a.employeeNo)}`,
        row: numberOf(a.employeeNo),
        message: expect.stringContaining('“X”不是此排班的班次模板'),
      }),
    ]);
    expect(byCode('roster-import.unreadable-cell')).toEqual([
      expect.objectContaining({ field: `'排班表'!D${numberOf(a.employeeNo)}` }),
    ]);
    expect(byCode('roster-import.start-fixed')).toEqual([
      expect.objectContaining({ field: `'排班表'!E${numberOf(b.employeeNo)}`, message: '早班的上班时间为 08:00' }),
    ]);
    expect(byCode('roster-import.unknown-agent')).toEqual([
      expect.objectContaining({
        field: expect.stringMatching(/^'排班表'!A\d+$/),
        message: '此排班中没有工号或姓名为 ZZ999 的客服',
      }),
    ]);
    expect(byCode('roster-import.rule-broken')).toContainEqual(
      expect.objectContaining({
        field: `'排班表'!${String.fromCharCode(67 + late.day + 1)}${numberOf(late.agent.employeeNo)}`,
        message: expect.stringMatching(/^违反规则“.+”（.+）$/),
      }),
    );
    const english = await post(file).set('Accept-Language', 'en').expect(422);
    expect(english.body.errors.find((e: { code: string }) => e.code === 'roster-import.start-fixed').message).toBe(
      '早班 starts at 08:00',
    );
    expect((await roster()).version.version).toBe(current.version.version);

    const partial = await post(file, '?mode=partial').expect(201);
    expect(partial.body.rejected.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining([
        'roster-import.unknown-template',
        'roster-import.start-fixed',
        'roster-import.rule-broken',
      ]),
    );
    const stored = await roster();
    expect(stored.version.version).toBe(current.version.version + 1);
    const storedA = (stored.agents as AgentRow[]).find((x) => x.agentId === a.agentId)!;
    expect(storedA.days[0].shift).toBeNull();
    expect(storedA.days[1].shift).toBeNull();
    expect((stored.agents as AgentRow[]).find((x) => x.agentId === b.agentId)!.days[2].shift).toBeNull();
  });

  it('gives a blank template of the week in the grid layout; filled in with codes and 休 it becomes the week', async () => {
    const current = await roster();
    const bytes = await bytesOf(manager, `/rosters/import-template?week=${WEEK}&lang=zh`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toMatch(/周排班表（导入模板）$/);
    expect(sheet.getCell('C3').value).toEqual(new Date(`${WEEK}T00:00:00Z`));
    expect(sheet.getCell('C3').numFmt).toBe('mm/dd "周一"');
    expect(book.getWorksheet('班次模板')!.getCell('A4').value).toBeTruthy();
    const agents = current.agents as AgentRow[];
    expect(sheet.rowCount).toBe(3 + agents.length);
    for (const agent of agents)
      agent.days.forEach(
        (d, i) => (rowOf(sheet, agent.employeeNo).getCell(3 + i).value = d.shift ? d.shift.code : '休'),
      );
    const res = await post(Buffer.from(await book.xlsx.writeBuffer())).expect(201);
    const diff = (
      await t
        .http()
        .get(`/rosters/${rosterId}/diff?from=${current.version.version}&to=${res.body.version}`)
        .set(bearer(manager))
        .expect(200)
    ).body;
    expect(diff.changes).toEqual([]);
  });

  it('is for roster writers of this shop only, and refuses what is not a roster workbook', async () => {
    const file = await exported('zh');
    await post(file, '', await t.tokenFor('supervisor')).expect(403);
    await t
      .http()
      .get(`/rosters/import-template?week=${WEEK}`)
      .set(bearer(await t.tokenFor('supervisor')))
      .expect(403);
    const other = await createSecondShop(t);
    await post(file, `?rosterId=${rosterId}`, other.managerToken).expect(404);
    expect((await post(file, '', other.managerToken).expect(409)).body.code).toBe('roster-import.no-roster');
    expect((await post(Buffer.from('not a workbook'), '').expect(415)).body.code).toBe('ingest.not-zip');
    expect((await post(file, '', manager, 'roster.csv').expect(415)).body.code).toBe('roster-import.file-type');
    expect((await t.http().post('/rosters/import').set(bearer(manager)).expect(400)).body.code).toBe(
      'roster-import.file-required',
    );
    const bomb = zipOf({
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': { deflated: Buffer.alloc(0), size: 0, declaredSize: 900 * 2 ** 20 },
    });
    const bombed = await post(bomb).expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    expect(bombed.status).toBeLessThan(500);
    const noGrid = await edited(file, (sheet) => {
      for (let c = 3; c <= 9; c++) sheet.getCell(3, c).value = 'x';
    });
    expect((await post(noGrid).expect(422)).body.code).toBe('roster-import.no-grid');
  });

  it("says which column a workbook lost: the employee number or a day, in the reader's language, and stores nothing", async () => {
    const before = (await roster()).version.version;
    const file = await exported('zh');
    // Column A is 工号, B 客服, C–I Monday to Sunday.
    const noEmployeeNo = await edited(file, (sheet) => sheet.spliceColumns(1, 1));
    const zh = await post(noEmployeeNo).set('Accept-Language', 'zh').expect(422);
    expect(zh.body).toMatchObject({ code: 'ingest.missing-columns', detail: '缺少必填列：工号' });
    expect(zh.body.errors).toEqual([expect.objectContaining({ field: 'employeeNo', message: '缺少必填列 工号' })]);
    const en = await post(noEmployeeNo).set('Accept-Language', 'en').expect(422);
    expect(en.body.errors).toEqual([
      expect.objectContaining({ field: 'employeeNo', message: 'column Employee no. is required' }),
    ]);
    const noWednesday = await edited(file, (sheet) => sheet.spliceColumns(5, 1));
    const day = await post(noWednesday).set('Accept-Language', 'en').expect(422);
    expect(day.body.code).toBe('ingest.missing-columns');
    expect(day.body.errors).toEqual([
      expect.objectContaining({ field: '2026-12-02', message: 'column 2026-12-02 (Wed) is required' }),
    ]);
    expect((await roster()).version.version).toBe(before);
  });

  it('takes a Berlin export back across both clock changes, where a night ends an hour off on the clock', async () => {
    const other = await createSecondShop(t, 'berlin');
    const as = bearer(other.managerToken);
    for (const [monday, end] of [
      ['2027-03-22', '09:00'],
      ['2027-10-25', '07:00'],
    ]) {
      const solve = await t
        .http()
        .post('/rosters')
        .set(as)
        .send({
          weekStart: monday,
          timeLimitSeconds: 2,
          demand: 'day-cover',
          dayCover: [{ shiftTemplate: 'N', required: 1, weekdays: [6], underWeight: 1000 }],
        })
        .expect(202);
      await t.app.get(JobQueue).settled(solve.body.jobId, 60_000);
      const id = solve.body.rosterId as string;
      const created = await t
        .http()
        .post('/exports')
        .set(as)
        .send({ kind: 'roster', lang: 'zh', params: { rosterId: id } })
        .expect(202);
      await t.app.get(JobQueue).settled(created.body.jobId, 60_000);
      const file = await bytesOf(other.managerToken, created.body.fileUrl);
      // Saturday's night as the export writes it: 9 hours lived, ending at 09:00 (spring) or 07:00 (autumn).
      const saturday = (sheet: ExcelJS.Worksheet) => rowOf(sheet, 'B001').getCell(8);
      const sheet = (await new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer)).worksheets[0];
      expect(String(saturday(sheet).value).split('\n')[0]).toBe(`N 23:00–${end}`);
      const back = await post(file, '', other.managerToken).expect(201);
      expect(back.body.rejected).toEqual([]);
      const diff = await t.http().get(`/rosters/${id}/diff?from=1&to=${back.body.version}`).set(as).expect(200);
      expect(diff.body.changes).toEqual([]);
      // The usual night's end is an hour off that night: refused, naming the end the clock shows.
      const usual = await edited(file, (s) => {
        saturday(s).value = 'N 23:00–08:00';
      });
      const refused = await post(usual, '', other.managerToken).set('Accept-Language', 'en').expect(422);
      expect(refused.body.errors).toContainEqual(
        expect.objectContaining({
          code: 'roster-import.end-mismatch',
          field: `'排班表'!H${rowOf(sheet, 'B001').number}`,
          message: `夜班 from 23:00 lasts 540 minutes and ends at ${end}, not 08:00`,
        }),
      );
      // Without that night the agent's week is short of the contract: a rule of the week, named as such.
      expect(refused.body.errors).toContainEqual(
        expect.objectContaining({
          code: 'roster-import.rule-broken',
          message: 'breaks the rule “fewest minutes a week” (the week)',
        }),
      );
    }
  });
});
