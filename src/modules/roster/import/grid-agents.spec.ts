import { renderMessage } from 'src/platform/errors/problem';
import { gridAgents, type CellError } from './grid-agents';
import type { GridRow, RosterGrid } from './roster-grid-reader';
import { RosterImportProblems } from './roster-import.problems';

const agents = [
  { id: 'a1', employeeNo: '0012', name: '小王' },
  { id: 'a2', employeeNo: 'CS0002', name: '小李' },
  { id: 'a3', employeeNo: 'CS0003', name: '小李' },
];
const row = (n: number, employeeNo: string, name = ''): GridRow => ({
  row: n,
  employeeNo,
  name,
  days: Array(7).fill('休'),
  dayFlaws: Array(7).fill(undefined),
});
const grid = (rows: GridRow[]): RosterGrid => ({
  sheet: '排班表',
  dates: [],
  dayColumns: [2, 3, 4, 5, 6, 7, 8],
  employeeNoColumn: 0,
  nameColumn: 1,
  rows,
});

describe('grid rows to agents', () => {
  it('finds an agent by employee number (a number Excel stripped of its zeros too), or by name in a row without one', () => {
    const errors: CellError[] = [];
    const cells = gridAgents(grid([row(4, '12'), row(5, '', '小王'), row(6, 'CS0002')]), agents, errors);
    expect(errors.map((e) => [e.field, e.code])).toEqual([["'排班表'!B5", 'roster-import.agent-twice']]);
    expect(cells.get('a1/0')).toMatchObject({ row: 4, column: 2 });
    expect(cells.get('a2/6')).toMatchObject({ row: 6, column: 8 });
  });

  it('refuses a name two agents share, a number no agent has, and shifts without an agent, at their cells', () => {
    const errors: CellError[] = [];
    const cells = gridAgents(grid([row(4, '', '小李'), row(5, '13'), row(6, '')]), agents, errors);
    expect(cells.size).toBe(0);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["'排班表'!B4", 'roster-import.ambiguous-name'],
      ["'排班表'!A5", 'roster-import.unknown-agent'],
      ["'排班表'!A6", 'roster-import.no-agent'],
    ]);
  });

  it('refuses an Excel error value where the agent is named, at that cell with the error, and keeps a day cell’s flaw', () => {
    const errorValue = (error: string) => ({ problem: RosterImportProblems.errorCell, params: { error } });
    const errors: CellError[] = [];
    const rows = [
      { ...row(4, ''), keyFlaw: errorValue('#REF!') },
      { ...row(5, ''), nameFlaw: errorValue('#N/A') },
      {
        ...row(6, 'CS0002'),
        nameFlaw: errorValue('#N/A'),
        dayFlaws: [errorValue('#DIV/0!'), ...Array(6).fill(undefined)],
      },
    ];
    const cells = gridAgents(grid(rows), agents, errors);
    expect(errors.map((e) => [e.field, e.row, e.code])).toEqual([
      ["'排班表'!A4", 4, 'roster-import.error-cell'],
      ["'排班表'!B5", 5, 'roster-import.error-cell'],
    ]);
    expect(errors.map((e) => renderMessage(e.message, 'en'))).toEqual([
      'holds the Excel error #REF!, not a value (a formula that failed, pasted as values); write what the cell should say',
      'holds the Excel error #N/A, not a value (a formula that failed, pasted as values); write what the cell should say',
    ]);
    expect(renderMessage(errors[1].message, 'zh')).toBe(
      '含有 Excel 错误值 #N/A，而不是内容（出错的公式被粘贴为值），请填写此单元格应有的内容',
    );
    // With an employee number the name is not needed; the day's error stays on its cell, to be refused there.
    expect(cells.get('a2/0')).toMatchObject({ row: 6, column: 2, flaw: errorValue('#DIV/0!') });
  });
});
