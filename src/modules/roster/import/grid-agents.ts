import type { FieldError } from 'src/platform/errors/problem';
import type { CellRefusal } from './grid-shifts';
import { cellAddress, type CellFlaw, type RosterGrid } from './roster-grid-reader';
import { RosterImportProblems } from './roster-import.problems';

export type CellError = FieldError & { row: number };
/** One agent-day of the grid; `flaw` when the cell cannot be taken as written (formula, error value, merged). */
export type GridCell = { row: number; column: number; agentId: string; day: number; flaw?: CellFlaw };
type RosterAgentName = { id: string; employeeNo: string; name: string };

/** A refused cell as the API lists it: sheet and cell, row, code and reason. */
export function cellError(grid: RosterGrid, row: number, column: number, refusal: CellRefusal): CellError {
  return {
    field: `'${grid.sheet}'!${cellAddress(column, row)}`,
    row,
    code: refusal.problem.code,
    message: refusal.problem.message(refusal.params),
    in: 'file',
  };
}

/**
 * Each grid cell of an agent of this roster. An agent is named by employee number, or by name
 * in a row without one (a name two agents share is refused); unknown and repeated agents,
 * and rows with shifts but no agent, are refused at the cell that names them.
 */
export function gridAgents(grid: RosterGrid, agents: RosterAgentName[], errors: CellError[]): Map<string, GridCell> {
  const byNo = new Map(agents.map((a) => [a.employeeNo, a.id]));
  // Excel takes a number typed as 0012 for 12: a numeric employee number is also found by its value (when only one has it).
  const byValue = new Map<number, string | null>();
  for (const a of agents)
    if (/^\d+$/.test(a.employeeNo)) byValue.set(Number(a.employeeNo), byValue.has(Number(a.employeeNo)) ? null : a.id);
  const numbered = (no: string) =>
    byNo.get(no) ?? (/^\d+(?:\.0+)?$/.test(no) ? (byValue.get(Number(no)) ?? undefined) : undefined);
  const byName = new Map<string, string | null>();
  for (const a of agents) byName.set(a.name, byName.has(a.name) ? null : a.id);
  const seen = new Map<string, number>();
  const cells = new Map<string, GridCell>();
  const refuse = (row: number, column: number, refusal: CellRefusal) =>
    errors.push(cellError(grid, row, column, refusal));
  for (const r of grid.rows) {
    if (r.keyFlaw) {
      refuse(r.row, grid.employeeNoColumn, r.keyFlaw);
      continue;
    }
    // No employee number and a name cell that is not data (a formula, `#N/A` of a lookup pasted as a value).
    if (!r.employeeNo && r.nameFlaw && grid.nameColumn !== undefined) {
      refuse(r.row, grid.nameColumn, r.nameFlaw);
      continue;
    }
    // The employee number; a row without one may name its agent by name.
    const written = r.employeeNo || r.name;
    const column = r.employeeNo || grid.nameColumn === undefined ? grid.employeeNoColumn : grid.nameColumn;
    if (!written) {
      refuse(r.row, grid.employeeNoColumn, { problem: RosterImportProblems.noAgent, params: {} });
      continue;
    }
    const named = r.employeeNo ? numbered(r.employeeNo) : byName.get(r.name);
    if (named === null) {
      refuse(r.row, column, { problem: RosterImportProblems.ambiguousName, params: { name: written } });
      continue;
    }
    const first = named ? seen.get(named) : undefined;
    if (!named || first !== undefined) {
      refuse(r.row, column, {
        problem: named ? RosterImportProblems.agentTwice : RosterImportProblems.unknownAgent,
        params: { employeeNo: written, first: first ?? 0, second: r.row },
      });
      continue;
    }
    seen.set(named, r.row);
    grid.dayColumns.forEach((c, day) =>
      cells.set(`${named}/${day}`, { row: r.row, column: c, agentId: named, day, flaw: r.dayFlaws[day] }),
    );
  }
  return cells;
}
