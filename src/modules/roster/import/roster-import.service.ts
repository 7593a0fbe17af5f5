import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { renderedErrors } from 'src/platform/errors/problem';
import { labelOf } from 'src/platform/i18n/texts';
import { todayIn } from 'src/platform/time/shop-calendar';
import { FileProblem } from 'src/modules/ingest/readers/file-problem';
import { ShopService } from 'src/modules/org/shop.service';
import { RosterRepository, RosterShift } from 'src/modules/roster/roster.repository';
import { RosterInputReads } from 'src/modules/roster/roster-input.reads';
import { RosterProblemService } from 'src/modules/roster/roster-problem.service';
import { shiftTypeOf } from 'src/modules/roster/roster-problem.service';
import { assignmentOf } from 'src/modules/roster/roster-view';
import { ruleKey } from 'src/modules/roster/roster-violations';
import { RosterWeek } from 'src/modules/roster/roster-week';
import { ShiftTemplateService } from 'src/modules/roster/shift-template.service';
import { evaluateRoster, RosterProblem, RosterRuleViolation } from 'src/modules/roster/solver';
import { GridTemplate, readCell, templateFinder } from './grid-shifts';
import { CellError, cellError, GridCell, gridAgents } from './grid-agents';
import { readRosterGrid, RosterGrid } from './roster-grid-reader';
import type { RosterImportQuery } from './roster-import.dto';
import { RosterImportProblems } from './roster-import.problems';
import { RosterRuleLabels, WholeWeek } from './roster-rule-labels';

/** A partial import empties the cells a rule names; a few rounds settle any roster. */
const PARTIAL_ROUNDS = 5;

type Cell = GridCell;

/**
 * A roster workbook (the export's grid or the import template) becomes the next draft version of
 * its week's roster: every cell read against the roster's shift templates, the week checked with
 * the solver's evaluator; any refused cell refuses the file, or with `mode=partial` is left empty.
 */
@Injectable()
export class RosterImport {
  constructor(
    private readonly db: Db,
    private readonly rosters: RosterRepository,
    private readonly input: RosterInputReads,
    private readonly problems: RosterProblemService,
    private readonly templates: ShiftTemplateService,
    private readonly shops: ShopService,
  ) {}

  async import(actor: Actor, file: Express.Multer.File | undefined, query: RosterImportQuery) {
    if (!file) throw RosterImportProblems.fileRequired.at('file', { field: 'file' });
    if (!file.originalname.toLowerCase().endsWith('.xlsx')) throw RosterImportProblems.fileType.at('file');
    // A header day without a year takes the shop's year, which near New Year differs from UTC's.
    const shop = await this.shops.context(actor.shopId);
    const grid = await this.read(file.buffer, todayIn(shop.timeZone));
    const rosterId = query.rosterId ?? (await this.rosterOfWeek(actor, grid.dates[0]));
    return this.db.transaction(async () => {
      const roster = await this.rosters.lock(actor.shopId, rosterId);
      if (!roster) throw RosterImportProblems.rosterNotFound();
      if (roster.weekStart !== grid.dates[0])
        throw RosterImportProblems.weekMismatch.at('file', { file: grid.dates[0], roster: roster.weekStart }, 'file');
      if (roster.status !== 'completed' || !roster.problem)
        throw RosterImportProblems.rosterNotReady({ state: roster.status }, { extra: { state: roster.status } });
      const stored = roster.problem as unknown as RosterProblem;
      const week = new RosterWeek(roster.weekStart, stored.horizon.timeZone, stored.horizon.days);
      const versions = await this.rosters.versions(roster.id);
      const latest = versions[versions.length - 1];
      const current = await this.rosters.shifts(latest.id);
      const names = await this.input.names(
        actor.shopId,
        stored.agents.map((a) => a.id),
      );
      const errors: CellError[] = [];
      const cells = gridAgents(grid, names, errors);
      const problem = await this.problems.upToDate(actor.shopId, stored, week);
      // The file is the manager's word for the agents it lists: their locks no longer hold.
      const listed = new Set([...cells.values()].map((c) => c.agentId));
      const unlocked: RosterProblem = {
        ...problem,
        locked: (problem.locked ?? []).filter((l) => !listed.has(l.agentId)),
      };
      const shifts = await this.readShifts(actor.shopId, grid, cells, unlocked, week, current, errors);
      const evaluation = this.checkRules(grid, unlocked, current, shifts, cells, errors, query.mode === 'partial');
      if (errors.length && query.mode !== 'partial') {
        throw RosterImportProblems.cellsRejected(
          { count: errors.length, partial: '?mode=partial' },
          { errors: errors.sort((a, b) => a.row - b.row) },
        );
      }
      const imported = [...shifts.values()].filter((s): s is RosterShift => s !== null);
      const { objective, violations, coverage, dayCoverage } = evaluation;
      const version = await this.rosters.insertVersion({
        shopId: actor.shopId,
        rosterId: roster.id,
        version: latest.version + 1,
        status: 'draft',
        evaluation: { objective, violations, coverage, dayCoverage },
        createdBy: actor.userId,
      });
      await this.rosters.replaceShifts(actor.shopId, version.id, imported);
      await this.rosters.update(roster.id, {
        problem: unlocked as unknown as Record<string, unknown>,
        revision: roster.revision + 1,
      });
      return {
        rosterId: roster.id,
        weekStart: roster.weekStart,
        version: version.version,
        status: 'draft',
        revision: roster.revision + 1,
        shifts: imported.length,
        rejected: renderedErrors(errors.sort((a, b) => a.row - b.row)),
      };
    });
  }

  /** The upload through the hardened workbook reader (it reads from a file; the upload is in memory). */
  private async read(bytes: Buffer, today: string): Promise<RosterGrid> {
    const folder = await mkdtemp(join(tmpdir(), 'wfm-roster-import-'));
    try {
      const path = join(folder, 'roster.xlsx');
      await writeFile(path, bytes);
      return await readRosterGrid(path, today);
    } catch (e) {
      throw e instanceof FileProblem ? e.toAppError() : e;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** The newest solved roster of the week (a week may have several: the newest is the one worked on). */
  private async rosterOfWeek(actor: Actor, week: string): Promise<string> {
    const { rows } = await this.rosters.list(actor.shopId, { week, status: 'completed', limit: 1, offset: 0 });
    if (!rows[0]) throw RosterImportProblems.noRoster({ week });
    return rows[0].id;
  }

  /** Every listed agent-day as the file has it (null: no shift); a cell that cannot be read is an error and stays empty. */
  private async readShifts(
    shopId: string,
    grid: RosterGrid,
    cells: Map<string, Cell>,
    problem: RosterProblem,
    week: RosterWeek,
    current: RosterShift[],
    errors: CellError[],
  ) {
    const types = new Map(problem.shiftTypes.map((t) => [t.id, t]));
    const templates: GridTemplate[] = (await this.templates.all(shopId))
      .filter((t) => types.has(t.id))
      .map((t) => ({ id: t.id, code: t.code, name: t.name, type: types.get(t.id) ?? shiftTypeOf(t) }));
    const find = templateFinder(templates);
    const agents = new Map(problem.agents.map((a) => [a.id, a]));
    const existing = new Map(current.map((s) => [`${s.agentId}/${s.day}`, s]));
    const rowText = new Map(grid.rows.map((r) => [r.row, r.days]));
    const shifts = new Map<string, RosterShift | null>(current.map((s) => [`${s.agentId}/${s.day}`, s]));
    for (const [key, cell] of cells) {
      const reading = cell.flaw
        ? { refusal: cell.flaw }
        : readCell(
            rowText.get(cell.row)![cell.day],
            find,
            templates,
            week,
            agents.get(cell.agentId)!,
            cell.day,
            existing.get(key),
          );
      if ('refusal' in reading) {
        errors.push(cellError(grid, cell.row, cell.column, reading.refusal));
        shifts.set(key, null);
      } else {
        shifts.set(key, reading.shift);
      }
    }
    return shifts;
  }

  /**
   * Rules the imported week breaks that the version it replaces did not (a rule no roster could
   * keep does not block the file), named at the cells of the agents and days they concern.
   * In partial mode those cells are emptied and the week checked again.
   */
  private checkRules(
    grid: RosterGrid,
    problem: RosterProblem,
    current: RosterShift[],
    shifts: Map<string, RosterShift | null>,
    cells: Map<string, Cell>,
    errors: CellError[],
    partial: boolean,
  ) {
    const before = new Set(evaluateRoster(problem, current.map(assignmentOf)).violations.map(ruleKey));
    const evaluate = () =>
      evaluateRoster(problem, [...shifts.values()].filter((s): s is RosterShift => s !== null).map(assignmentOf));
    let evaluation = evaluate();
    for (let round = 0; round < PARTIAL_ROUNDS; round++) {
      const broken = evaluation.violations.filter((v) => !before.has(ruleKey(v)));
      if (!broken.length) return evaluation;
      let emptied = 0;
      for (const v of broken) {
        for (const cell of this.cellsOf(v, cells, shifts)) {
          errors.push(
            cellError(grid, cell.row, cell.column, {
              problem: RosterImportProblems.ruleBroken,
              params: {
                rule: labelOf(RosterRuleLabels, v.rule),
                dates: v.days.length ? v.days.map((d) => grid.dates[d]) : WholeWeek.week,
              },
            }),
          );
          if (partial && shifts.get(`${cell.agentId}/${cell.day}`)) {
            shifts.set(`${cell.agentId}/${cell.day}`, null);
            emptied++;
          }
        }
      }
      if (!partial) return evaluation;
      // Emptying cannot mend a rule that asks for more work: the listed agents' weeks go back to the stored version.
      if (!emptied) this.restore(broken, cells, shifts, current);
      evaluation = evaluate();
    }
    const left = evaluation.violations.filter((v) => !before.has(ruleKey(v)));
    if (left.length)
      throw RosterImportProblems.cellsRejected({ count: errors.length, partial: '?mode=partial' }, { errors });
    return evaluation;
  }

  /** The listed cells a violation concerns: its agents on its days with a shift, else their first cell. */
  private cellsOf(v: RosterRuleViolation, cells: Map<string, Cell>, shifts: Map<string, RosterShift | null>): Cell[] {
    return v.agentIds.flatMap((agentId) => {
      const days = v.days.map((d) => cells.get(`${agentId}/${d}`)).filter((c): c is Cell => Boolean(c));
      const working = days.filter((c) => shifts.get(`${c.agentId}/${c.day}`));
      const first = cells.get(`${agentId}/0`);
      return working.length ? working : days.length ? days : first ? [first] : [];
    });
  }

  private restore(
    broken: RosterRuleViolation[],
    cells: Map<string, Cell>,
    shifts: Map<string, RosterShift | null>,
    current: RosterShift[],
  ): void {
    const agents = new Set(broken.flatMap((v) => v.agentIds).filter((id) => cells.has(`${id}/0`)));
    for (const key of shifts.keys()) if (agents.has(key.split('/')[0])) shifts.set(key, null);
    for (const s of current) if (agents.has(s.agentId)) shifts.set(`${s.agentId}/${s.day}`, s);
  }
}
