import ExcelJS from 'exceljs';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { agentTeamId, draftTeamWeek } from './support/web-fixtures';
import { bearer, TestApp } from './support/test-app';
import { lookFlaws } from './support/workbook-look';
import { exportWorkbook } from './support/export-file';

const WEEK = '2026-11-30';
const DATES = [0, 1, 2, 3, 4, 5, 6].map((d) => new Date(Date.parse(`${WEEK}T00:00:00Z`) + d * 86_400_000));
type Shift = { code: string; name: string } | null;
type AgentRow = { agentId: string; employeeNo: string; name: string; days: { date: string; shift: Shift }[] };
type CellError = { field: string; row: number; code: string; message: string };

/** Roster workbooks as managers make them, and as they should not: each refusal names sheet, cell and row; nothing is stored. */
describe('roster import of hostile and home-made workbooks (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let other: SecondShop;
  let rosterId: string;

  const post = async (book: ExcelJS.Workbook | Buffer, status: number, query = '', token = manager) =>
    t
      .http()
      .post(`/rosters/import${query}`)
      .set(bearer(token))
      .set('Accept-Language', 'en')
      .attach(
        'file',
        book instanceof ExcelJS.Workbook ? Buffer.from(await book.xlsx.writeBuffer()) : book,
        'roster.xlsx',
      )
      .expect(status);
  const roster = async () => (await t.http().get(`/rosters/${rosterId}`).set(bearer(manager)).expect(200)).body;
  const diff = async (from: number, to: number) =>
    (await t.http().get(`/rosters/${rosterId}/diff?from=${from}&to=${to}`).set(bearer(manager)).expect(200)).body
      .changes;
  /** The exported grid (zh), opened for editing. */
  const exported = async (): Promise<ExcelJS.Workbook> =>
    (await exportWorkbook(t, manager, { kind: 'roster', lang: 'zh', params: { rosterId } })).book;
  const rowOf = (sheet: ExcelJS.Worksheet, employeeNo: string) =>
    [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === employeeNo)!;

  beforeAll(async () => {
    ({ t, manager, other } = await startTestAppWithSecondShop());
    rosterId = await draftTeamWeek(t, manager, await agentTeamId(t), WEEK);
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('takes a manager’s own workbook: the grid on a later sheet, agents by number or name, days as text or serial numbers, templates by name or code, 休 and 假', async () => {
    const current = await roster();
    const agents = current.agents as AgentRow[];
    expect(new Set(agents.map((a) => a.name)).size).toBe(agents.length);
    for (const days of [
      DATES.map((d, i) => `${d.toISOString().slice(0, 10).replace(/-/g, '/')} ${'一二三四五六日'[i]}`),
      DATES.map((d) => d.getTime() / 86_400_000 + 25_569),
    ]) {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('说明').addRow(['十二月排班，E 早班，L 晚班']);
      const sheet = book.addWorksheet('我的排班');
      sheet.addRow(['姓名', '工号', ...days]);
      // Every other agent by name alone, the number left empty.
      agents.forEach((a, n) =>
        sheet.addRow([
          a.name,
          n % 2 ? null : a.employeeNo,
          ...a.days.map((d, i) => (d.shift ? [d.shift.code, d.shift.name][(n + i) % 2] : '休')),
        ]),
      );
      const res = await post(book, 201);
      expect(res.body.rejected).toEqual([]);
      expect(await diff(current.version.version, res.body.version)).toEqual([]);
    }
    // 假 is a day without a shift, as 休 is: the week then has one shift less, or breaks a rule at that cell (the weekly minimum).
    const working = agents.find((a) => a.days[0].shift)!;
    const book = await exported();
    const row = rowOf(book.worksheets[0], working.employeeNo);
    row.getCell(3).value = '假';
    const res = await t
      .http()
      .post('/rosters/import')
      .set(bearer(manager))
      .attach('file', Buffer.from(await book.xlsx.writeBuffer()), 'roster.xlsx');
    if (res.status === 201) {
      expect(await diff(res.body.version - 1, res.body.version)).toEqual([
        expect.objectContaining({ employeeNo: working.employeeNo, date: WEEK, change: 'removed' }),
      ]);
    } else {
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: `'排班表'!C${row.number}`,
          code: 'roster-import.rule-broken',
        }),
      ]);
    }
  });

  it('refuses formulas, merged cells, repeated, unknown and missing agents at their cells, stores nothing; partial mode leaves those cells empty', async () => {
    const current = await roster();
    const [a, b, c] = current.agents as AgentRow[];
    const book = await exported();
    const sheet = book.worksheets[0];
    const rowA = rowOf(sheet, a.employeeNo).number;
    const rowB = rowOf(sheet, b.employeeNo).number;
    const rowC = rowOf(sheet, c.employeeNo).number;
    sheet.getCell(rowA, 3).value = { formula: 'D4', result: 'E 08:00–17:00' } as ExcelJS.CellFormulaValue;
    sheet.mergeCells(rowB, 4, rowB, 5);
    sheet.getCell(rowC, 1).value = { formula: `"${c.employeeNo}"`, result: c.employeeNo } as ExcelJS.CellFormulaValue;
    const end = sheet.rowCount;
    sheet.getRow(end + 1).values = [a.employeeNo, a.name, '休'];
    sheet.getRow(end + 2).values = ['陌生人'];
    sheet.getRow(end + 3).values = [null, null, 'E 08:00–17:00'];
    const refused = await post(book, 422);
    expect(refused.body.code).toBe('roster-import.cells-rejected');
    const errors = refused.body.errors as CellError[];
    const at = (field: string) => errors.filter((e) => e.field === `'排班表'!${field}`).map((e) => e.code);
    expect(at(`C${rowA}`)).toEqual(['roster-import.formula-cell']);
    expect(errors.find((e) => e.field === `'排班表'!C${rowA}`)!.message).toContain('=D4');
    expect(at(`D${rowB}`)).toEqual(['roster-import.merged-cells']);
    expect(at(`E${rowB}`)).toEqual(['roster-import.merged-cells']);
    expect(errors.find((e) => e.field === `'排班表'!E${rowB}`)).toMatchObject({
      row: rowB,
      message: expect.stringContaining(`D${rowB}:E${rowB}`),
    });
    expect(at(`A${rowC}`)).toEqual(['roster-import.formula-cell']);
    expect(at(`A${end + 1}`)).toEqual(['roster-import.agent-twice']);
    expect(at(`A${end + 2}`)).toEqual(['roster-import.unknown-agent']);
    expect(at(`A${end + 3}`)).toEqual(['roster-import.no-agent']);
    expect((await roster()).version.version).toBe(current.version.version);

    const partial = await post(book, 201, '?mode=partial');
    expect(partial.body.rejected.length).toBe(errors.length);
    const stored = (await roster()).agents as AgentRow[];
    const day = (agentId: string, d: number) => stored.find((x) => x.agentId === agentId)!.days[d].shift;
    expect(day(a.agentId, 0)).toBeNull();
    expect(day(b.agentId, 1)).toBeNull();
    expect(day(b.agentId, 2)).toBeNull();
    // The agent whose number is a formula is not named: their week stays as it was.
    expect(stored.find((x) => x.agentId === c.agentId)!.days.map((d) => d.shift?.code ?? null)).toEqual(
      c.days.map((d) => d.shift?.code ?? null),
    );
  });

  it('refuses Excel error values pasted as values at their cells with the error, in en and zh, never as a day off; partial mode leaves them empty', async () => {
    const current = await roster();
    const agents = current.agents as AgentRow[];
    // An agent's last working day becomes #REF!, their first day off takes that shift instead: the
    // week keeps its hours, so partial mode can leave the error cell empty without breaking a rule.
    const a = agents.find((x) => x.days.some((d) => d.shift) && x.days.some((d) => !d.shift))!;
    const dayA = a.days.map((d) => Boolean(d.shift)).lastIndexOf(true);
    const moved = a.days.findIndex((d) => !d.shift);
    // Another's day off: refused too, not read as the day off it would have been.
    const b = agents.find((x) => x !== a && x.days.some((d) => !d.shift))!;
    const dayB = b.days.findIndex((d) => !d.shift);
    const c = agents.find((x) => x !== a && x !== b)!;
    const column = (day: number) => 'CDEFGHI'[day];
    const book = await exported();
    const sheet = book.worksheets[0];
    const rowA = rowOf(sheet, a.employeeNo).number;
    const rowB = rowOf(sheet, b.employeeNo).number;
    const rowC = rowOf(sheet, c.employeeNo).number;
    sheet.getCell(rowA, 3 + moved).value = sheet.getCell(rowA, 3 + dayA).value;
    sheet.getCell(rowA, 3 + dayA).value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    sheet.getCell(rowB, 3 + dayB).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    sheet.getCell(rowC, 1).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const end = sheet.rowCount;
    sheet.getRow(end + 1).values = [null, { error: '#N/A' } as ExcelJS.CellErrorValue, 'E 08:00–17:00'];
    const refused = await post(book, 422);
    expect(refused.body.code).toBe('roster-import.cells-rejected');
    const errors = refused.body.errors as CellError[];
    const at = (field: string) => errors.filter((e) => e.field === `'排班表'!${field}`);
    for (const [field, row, error] of [
      [`${column(dayA)}${rowA}`, rowA, '#REF!'],
      [`${column(dayB)}${rowB}`, rowB, '#DIV/0!'],
      [`A${rowC}`, rowC, '#N/A'],
      [`B${end + 1}`, end + 1, '#N/A'],
    ] as const)
      // (An emptied working day may also break a weekly rule at that cell.)
      expect(at(field)).toContainEqual(
        expect.objectContaining({
          row,
          code: 'roster-import.error-cell',
          message: `holds the Excel error ${error}, not a value (a formula that failed, pasted as values); write what the cell should say`,
        }),
      );
    const zh = await t
      .http()
      .post('/rosters/import')
      .set(bearer(manager))
      .set('Accept-Language', 'zh')
      .attach('file', Buffer.from(await book.xlsx.writeBuffer()), 'roster.xlsx')
      .expect(422);
    expect((zh.body.errors as CellError[]).find((e) => e.field === `'排班表'!${column(dayA)}${rowA}`)!.message).toBe(
      '含有 Excel 错误值 #REF!，而不是内容（出错的公式被粘贴为值），请填写此单元格应有的内容',
    );
    expect((await roster()).version.version).toBe(current.version.version);

    const partial = await post(book, 201, '?mode=partial');
    const listed = (partial.body.rejected as CellError[]).map((e) => [e.field, e.code]);
    for (const field of [`${column(dayA)}${rowA}`, `${column(dayB)}${rowB}`, `A${rowC}`, `B${end + 1}`])
      expect(listed).toContainEqual([`'排班表'!${field}`, 'roster-import.error-cell']);
    const stored = (await roster()).agents as AgentRow[];
    const week = (agentId: string) => stored.find((x) => x.agentId === agentId)!.days.map((d) => d.shift?.code ?? null);
    expect(week(a.agentId)[dayA]).toBeNull();
    expect(week(a.agentId)[moved]).toBe(a.days[dayA].shift!.code);
    expect(week(b.agentId)[dayB]).toBeNull();
    // The agent whose number is an error value is not named: their week stays as it was.
    expect(week(c.agentId)).toEqual(c.days.map((d) => d.shift?.code ?? null));
  });

  it('refuses a workbook that is not a week’s grid naming its sheets, a week not from Monday naming the cell, and files too large', async () => {
    const ranking = new ExcelJS.Workbook();
    ranking.addWorksheet('月度排名').addRow(['名次', '工号', '客服']);
    ranking.addWorksheet('奖惩台账').addRow(['工号', '金额']);
    const noGrid = await post(ranking, 422);
    expect(noGrid.body).toMatchObject({ code: 'roster-import.no-grid', errors: [{ field: '(file)' }] });
    expect(noGrid.body.detail).toContain('月度排名, 奖惩台账');

    const tuesday = new ExcelJS.Workbook();
    tuesday.addWorksheet('Roster').addRow(['Employee no.', ...DATES.map((d) => new Date(d.getTime() + 86_400_000))]);
    const notMonday = await post(tuesday, 422);
    expect(notMonday.body.code).toBe('roster-import.not-monday');
    expect(notMonday.body.detail).toContain("'Roster'!B1");

    const big = await post(Buffer.alloc(3 * 2 ** 20, 1), 413);
    expect(big.body).toMatchObject({ status: 413, code: 'common.upload-too-large' });
    expect(big.body.detail).not.toMatch(/File too large/);
    const long = new ExcelJS.Workbook();
    const rows = long.addWorksheet('Roster');
    rows.addRow(['Employee no.', ...DATES]);
    for (let i = 0; i < 5_001; i++) rows.addRow([`X${i}`, '休']);
    expect((await post(long, 413)).body.code).toBe('ingest.too-many-rows');
    expect((await roster()).version.version).toBeGreaterThan(0);
  });

  it('is for roster writers of this shop: an agent is refused, another shop’s manager neither sees nor writes this roster', async () => {
    const book = await exported();
    await post(book, 403, '', await t.tokenFor('agent'));
    await t
      .http()
      .get(`/rosters/import-template?week=${WEEK}`)
      .set(bearer(await t.tokenFor('agent')))
      .expect(403);
    await post(book, 404, `?rosterId=${rosterId}`, other.managerToken);
    const template = await t
      .http()
      .get(`/rosters/import-template?week=${WEEK}&lang=en`)
      .set(bearer(other.managerToken))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(template.body as ArrayBuffer);
    const numbers = [...Array(theirs.worksheets[0].rowCount - 3).keys()].map(
      (i) => theirs.worksheets[0].getRow(i + 4).getCell(1).value,
    );
    expect(numbers).toEqual(['B001']);
    // The blank template looks as the exports do: title merged, print setup, day headers as dates.
    expect(lookFlaws(theirs)).toEqual([]);
    await t.http().post('/rosters/import').attach('file', Buffer.from('x'), 'roster.xlsx').expect(401);
  });
});
