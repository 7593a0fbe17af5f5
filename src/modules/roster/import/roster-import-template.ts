import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { ShopService } from 'src/modules/org/shop.service';
import type { ExportColumn, ExportLanguage, ExportWorkbook } from 'src/modules/export/workbook/export-sheet';
import { WEEKDAY_NAMES, writeExportWorkbook } from 'src/modules/export/workbook/workbook-writer';
import { RosterRepository } from 'src/modules/roster/roster.repository';
import { RosterInputReads } from 'src/modules/roster/roster-input.reads';
import { clockText } from 'src/modules/roster/roster-week';
import { addDays } from 'src/platform/time/calendar-date';
import { ShiftTemplateService } from 'src/modules/roster/shift-template.service';
import type { RosterProblem } from 'src/modules/roster/solver';
import type { ImportTemplateQuery } from './roster-import.dto';

const TITLE = { zh: '周排班表（导入模板）', en: 'Weekly roster (import template)' };
const clock = (minutes: number) => clockText(minutes % 1440);

/**
 * A blank roster of the week in the export's own grid layout (employee number, name, a date
 * column per day), the agents of the week's roster (else the shop's active agents), and the
 * shift templates a cell may name. Small and bounded by the shop's agents, so built in the request.
 */
@Injectable()
export class RosterImportTemplate {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly input: RosterInputReads,
    private readonly templates: ShiftTemplateService,
    private readonly shops: ShopService,
  ) {}

  async build(
    actor: Actor,
    query: ImportTemplateQuery,
    lang: ExportLanguage,
  ): Promise<{ fileName: string; content: Buffer }> {
    const shop = await this.shops.context(actor.shopId);
    const [roster] = (
      await this.rosters.list(actor.shopId, { week: query.week, status: 'completed', limit: 1, offset: 0 })
    ).rows;
    const problem = roster?.problem as RosterProblem | null | undefined;
    const agents = problem
      ? await this.input.names(
          actor.shopId,
          problem.agents.map((a) => a.id),
        )
      : await this.input.agents(actor.shopId);
    const dates = [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(query.week, d));
    const dayColumns: ExportColumn[] = dates.map((date, d) => ({
      key: `d${d}`,
      zh: WEEKDAY_NAMES.zh[d],
      en: WEEKDAY_NAMES.en[d],
      kind: 'text',
      headerDate: date,
    }));
    const templates = await this.templates.active(actor.shopId);
    const workbook: ExportWorkbook = {
      fileName: `${shop.code}_roster-import_${query.week}`,
      currency: shop.currency,
      heading: { shop: shop.name, what: TITLE[lang], period: `${dates[0]} – ${dates[6]}`, timeZone: shop.timeZone },
      sheets: [
        {
          zh: '排班表',
          en: 'Roster',
          columns: [
            { key: 'employeeNo', zh: '工号', en: 'Employee no.', kind: 'text' },
            { key: 'name', zh: '客服', en: 'Agent', kind: 'text' },
            ...dayColumns,
          ],
          rows: [...agents]
            .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
            .map((a) => ({ employeeNo: a.employeeNo, name: a.name })),
        },
        {
          zh: '班次模板',
          en: 'Shift templates',
          columns: [
            { key: 'code', zh: '代码', en: 'Code', kind: 'text' },
            { key: 'name', zh: '名称', en: 'Name', kind: 'text' },
            { key: 'start', zh: '上班（最早）', en: 'Start (earliest)', kind: 'time' },
            { key: 'latest', zh: '最晚上班', en: 'Latest start', kind: 'time' },
            { key: 'minutes', zh: '时长(分钟)', en: 'Minutes', kind: 'minutes' },
            { key: 'example', zh: '填写示例', en: 'Example', kind: 'text' },
          ],
          rows: templates.map((t) => {
            const start = t.startMinutes ?? t.startEarliest!;
            // Times of day as time cells; a fixed start has no latest start.
            return {
              code: t.code,
              name: t.name,
              minutes: t.lengthMinutes,
              start: clock(start),
              latest: t.startMinutes !== null ? null : clock(t.startLatest!),
              example: `${t.code} ${clock(start)}–${clock(start + t.lengthMinutes)}`,
            };
          }),
        },
      ],
    };
    const folder = await mkdtemp(join(tmpdir(), 'wfm-roster-template-'));
    try {
      const path = join(folder, 'template.xlsx');
      await writeExportWorkbook(path, workbook, lang);
      return { fileName: `${workbook.fileName}.xlsx`, content: await readFile(path) };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
