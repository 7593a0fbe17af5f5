import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from 'src/platform/auth/actor';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { RosterService } from 'src/modules/roster/roster.service';
import type { ExportBuilder } from '../export-builder';
import type { ExportLayout } from '../export-templates';
import type { CellLook, ExportColumn, ExportWorkbook } from '../workbook/export-sheet';
import { rosterCells, type RosterJson } from './roster-cells';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

const params = z.strictObject({
  rosterId: z.uuid(localized(SchemaTexts.uuid)).meta({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' }),
  version: z.number().int().min(1).optional().meta({ description: 'Default the newest version' }),
});
type Params = z.infer<typeof params>;

const WEEKDAYS = { zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };
const dayColumns: ExportColumn[] = WEEKDAYS.zh.map((zh, d) => ({ key: `d${d}`, zh, en: WEEKDAYS.en[d], kind: 'text', width: 20 }));

export const rosterLayout = {
  template: 'roster',
  sheets: [
    {
      zh: '排班表', en: 'Roster', landscape: true, columns: [
        { key: 'employeeNo', zh: '工号', en: 'Employee no.', kind: 'text', width: 10 },
        { key: 'name', zh: '客服', en: 'Agent', kind: 'text', width: 12 },
        ...dayColumns,
        { key: 'shifts', zh: '班次数', en: 'Shifts', kind: 'integer', width: 8 },
        { key: 'minutes', zh: '周工时(分钟)', en: 'Week minutes', kind: 'minutes', width: 12 },
      ],
    },
    {
      zh: '覆盖', en: 'Coverage', columns: [
        { key: 'date', zh: '日期', en: 'Date', kind: 'date' },
        { key: 'slot', zh: '时段/班次', en: 'Slot or shift', kind: 'text', width: 10 },
        { key: 'skill', zh: '技能', en: 'Skill', kind: 'text' },
        { key: 'required', zh: '需求', en: 'Required', kind: 'number' },
        { key: 'scheduled', zh: '在岗', en: 'Scheduled', kind: 'integer' },
        { key: 'gap', zh: '差额', en: 'Gap', kind: 'number' },
      ],
    },
    {
      zh: '规则提示', en: 'Rule warnings', columns: [
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text' },
        { key: 'rule', zh: '规则', en: 'Rule', kind: 'text' },
        { key: 'dates', zh: '日期', en: 'Dates', kind: 'text', width: 24 },
        { key: 'agents', zh: '客服', en: 'Agents', kind: 'text', width: 24 },
        { key: 'detail', zh: '说明', en: 'Detail', kind: 'text', width: 60 },
      ],
    },
  ],
} satisfies ExportLayout;

const UNDER = 'FFFFC7CE';

/** The week grid coloured by shift type with breaks and absences, coverage per slot, and rule warnings. */
export function rosterWorkbook(shop: Pick<Shop, 'code' | 'currency'>, roster: RosterJson, lang: 'zh' | 'en'): ExportWorkbook {
  const [grid, coverage, warnings] = rosterLayout.sheets;
  const cells = rosterCells(roster, lang);
  const version = roster.version ? `v${roster.version.version}` : 'v0';
  return {
    fileName: `${shop.code}_roster_${roster.weekStart}_${version}`,
    currency: shop.currency,
    sheets: [
      {
        ...grid,
        columns: grid.columns.map((c, i) => (i >= 2 && i < 9 ? { ...c, zh: `${c.zh} ${roster.days[i - 2].date.slice(5)}`, en: `${c.en} ${roster.days[i - 2].date.slice(5)}` } : c)),
        title: `${grid[lang]} ${roster.weekStart} ${version} (${roster.version?.status ?? 'draft'})`,
        rows: cells.rows,
        look: (row, column): CellLook | undefined => cells.looks.get(`${row.agentId}/${column.key}`),
      },
      {
        ...coverage,
        // Per-slot demand shows each slot; demand per day and shift type shows each shift.
        rows: roster.coverage.length
          ? roster.coverage.map((c) => ({ date: c.date, slot: c.local.slice(11, 16), skill: c.skill, required: c.required, scheduled: c.scheduled, gap: c.gap }))
          : roster.dayCoverage.map((c) => ({ date: c.date, slot: c.shiftTemplate, skill: c.skill, required: c.required, scheduled: c.scheduled, gap: c.gap })),
        look: (row) => (Number(row.gap) < 0 ? { fill: UNDER } : undefined),
      },
      { ...warnings, rows: cells.warnings },
    ],
  };
}

@Injectable()
export class RosterExport implements ExportBuilder<Params> {
  readonly kind = 'roster';
  readonly roles = ['manager', 'supervisor'] as const satisfies Actor['role'][];
  readonly params = params;
  readonly template = rosterLayout.template;

  constructor(private readonly rosters: RosterService, private readonly shops: ShopService) {}

  async precheck(actor: Actor, p: Params): Promise<void> {
    await this.rosters.readable(actor, p.rosterId);
  }

  async build(actor: Actor, p: Params, lang: 'zh' | 'en'): Promise<ExportWorkbook> {
    const roster = (await this.rosters.get(actor, p.rosterId, { version: p.version })) as RosterJson;
    return rosterWorkbook(await this.shops.context(actor.shopId), roster, lang);
  }
}
