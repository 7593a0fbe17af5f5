import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from 'src/platform/auth/actor';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import type { ExportBuilder } from 'src/modules/export/export-builder';
import type { ExportLayout } from 'src/modules/export/export-templates';
import { SkillService } from 'src/modules/org/skill.service';
import { TeamService } from 'src/modules/org/team.service';
import { labelOf } from 'src/platform/i18n/texts';
import { ExportTitles, RosterVersionStateLabels } from 'src/modules/export/export.labels';
import type {
  CellLook,
  ExportColumn,
  ExportLanguage,
  ExportRow,
  ExportWorkbook,
} from 'src/modules/export/workbook/export-sheet';
import { WEEKDAY_NAMES } from 'src/modules/export/workbook/workbook-writer';
import { REST_KEY, rosterCells, type RosterJson } from './roster-cells';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

const params = z.strictObject({
  rosterId: z.uuid(localized(SchemaTexts.uuid)).meta({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' }),
  version: z.number().int().min(1).optional().meta({ description: 'Default the newest version' }),
});
type Params = z.infer<typeof params>;

const dayColumns: ExportColumn[] = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
  key: `d${d}`,
  zh: WEEKDAY_NAMES.zh[d],
  en: WEEKDAY_NAMES.en[d],
  kind: 'text',
}));

export const rosterLayout = {
  template: 'roster',
  sheets: [
    {
      zh: '排班表',
      en: 'Roster',
      columns: [
        { key: 'employeeNo', zh: '工号', en: 'Employee no.', kind: 'text' },
        { key: 'name', zh: '客服', en: 'Agent', kind: 'text' },
        ...dayColumns,
        { key: 'shifts', zh: '班次数', en: 'Shifts', kind: 'integer' },
        { key: 'minutes', zh: '周工时(分钟，含带薪休息)', en: 'Week minutes (paid breaks included)', kind: 'minutes' },
      ],
    },
    {
      zh: '班次明细',
      en: 'Shifts',
      columns: [
        { key: 'employeeNo', zh: '工号', en: 'Employee no.', kind: 'text' },
        { key: 'name', zh: '客服', en: 'Agent', kind: 'text' },
        { key: 'team', zh: '小组', en: 'Team', kind: 'text' },
        { key: 'date', zh: '日期', en: 'Date', kind: 'date' },
        { key: 'shift', zh: '班次', en: 'Shift', kind: 'text' },
        { key: 'start', zh: '上班', en: 'Start', kind: 'time' },
        { key: 'end', zh: '下班', en: 'End', kind: 'time' },
        { key: 'paidMinutes', zh: '计薪分钟', en: 'Paid minutes', kind: 'minutes' },
        { key: 'mealStart', zh: '用餐开始', en: 'Meal start', kind: 'time' },
        { key: `${REST_KEY}1`, zh: '休息开始', en: 'Rest start', kind: 'time' },
        { key: 'training', zh: '培训', en: 'Training', kind: 'text' },
      ],
    },
    {
      zh: '覆盖',
      en: 'Coverage',
      columns: [
        { key: 'date', zh: '日期', en: 'Date', kind: 'date' },
        { key: 'slot', zh: '时段/班次', en: 'Slot or shift', kind: 'time' },
        { key: 'skill', zh: '技能', en: 'Skill', kind: 'text' },
        { key: 'required', zh: '需求', en: 'Required', kind: 'number' },
        { key: 'scheduled', zh: '在岗', en: 'Scheduled', kind: 'integer' },
        { key: 'gap', zh: '差额', en: 'Gap', kind: 'number' },
      ],
    },
    {
      zh: '规则提示',
      en: 'Rule warnings',
      columns: [
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text' },
        { key: 'rule', zh: '规则', en: 'Rule', kind: 'text' },
        { key: 'date', zh: '日期', en: 'Date', kind: 'date' },
        { key: 'agents', zh: '客服', en: 'Agents', kind: 'text' },
        { key: 'detail', zh: '说明', en: 'Detail', kind: 'text' },
      ],
    },
  ],
} satisfies ExportLayout;

const UNDER = 'FFFFC7CE';

/** One rest column per rest of the longest list of rests ("休息1开始", "休息2开始" … when there are several). */
function restColumns(columns: ExportColumn[], shifts: ExportRow[]): ExportColumn[] {
  let most = 1;
  for (const row of shifts) while (row[`${REST_KEY}${most + 1}`]) most++;
  if (most === 1) return columns;
  const at = columns.findIndex((c) => c.key === `${REST_KEY}1`);
  const rests: ExportColumn[] = Array.from({ length: most }, (_r, i) => ({
    key: `${REST_KEY}${i + 1}`,
    zh: `休息${i + 1}开始`,
    en: `Rest ${i + 1} start`,
    kind: 'time',
  }));
  return [...columns.slice(0, at), ...rests, ...columns.slice(at + 1)];
}

export type RosterNames = { teams: Map<string, string>; skills: Map<string, string> };

/** The week grid coloured by shift type, one row per shift, coverage per slot, and rule warnings. */
export function rosterWorkbook(
  shop: Pick<Shop, 'code' | 'name' | 'currency' | 'timeZone'>,
  roster: RosterJson,
  lang: ExportLanguage,
  names: RosterNames,
): ExportWorkbook {
  const [grid, list, coverage, warnings] = rosterLayout.sheets;
  const cells = rosterCells(roster, lang, names.teams);
  const version = roster.version ? `v${roster.version.version}` : 'v0';
  const last = roster.days[roster.days.length - 1].date;
  const skill = (code: string | null) => (code === null ? null : (names.skills.get(code) ?? code));
  return {
    fileName: `${shop.code}_roster_${roster.weekStart}_${version}`,
    currency: shop.currency,
    heading: {
      shop: shop.name,
      what: ExportTitles.roster[lang],
      period: `${roster.weekStart} – ${last}`,
      timeZone: shop.timeZone,
      state: `${version} ${labelOf(RosterVersionStateLabels, roster.version?.status ?? 'draft')[lang]}`,
    },
    sheets: [
      {
        ...grid,
        columns: grid.columns.map((c) =>
          c.key.startsWith('d') && c.key.length === 2
            ? { ...c, headerDate: roster.days[Number(c.key.slice(1))].date }
            : c,
        ),
        rows: cells.rows,
        look: (row, column): CellLook | undefined => cells.looks.get(`${row.agentId}/${column.key}`),
      },
      { ...list, columns: restColumns(list.columns, cells.shifts), rows: cells.shifts },
      {
        ...coverage,
        // Per-slot demand shows each slot as a time; demand per day and shift type shows each shift.
        rows: roster.coverage.length
          ? roster.coverage.map((c) => ({
              date: c.date,
              slot: c.local,
              skill: skill(c.skill),
              required: c.required,
              scheduled: c.scheduled,
              gap: c.gap,
            }))
          : roster.dayCoverage.map((c) => ({
              date: c.date,
              slot: c.shiftTemplate,
              skill: skill(c.skill),
              required: c.required,
              scheduled: c.scheduled,
              gap: c.gap,
              byShift: true,
            })),
        kindOf: (row, column) => (column.key === 'slot' && row.byShift ? 'text' : undefined),
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

  constructor(
    private readonly rosters: RosterReading,
    private readonly shops: ShopService,
    private readonly teams: TeamService,
    private readonly skills: SkillService,
  ) {}

  async precheck(actor: Actor, p: Params): Promise<void> {
    // A version asked for must exist (404 now, not a failed export later); the view read is cached.
    if (p.version !== undefined) await this.rosters.getSerialised(actor, p.rosterId, { version: p.version });
    else await this.rosters.readable(actor, p.rosterId);
  }

  async build(actor: Actor, p: Params, lang: 'zh' | 'en'): Promise<ExportWorkbook> {
    const roster = (await this.rosters.get(actor, p.rosterId, { version: p.version })) as RosterJson;
    const teams = new Map<string, string>();
    for (let offset = 0; ; offset += 500) {
      const page = await this.teams.list(actor, { limit: 500, offset });
      for (const t of page.items) teams.set(t.id, t.name);
      if (offset + 500 >= page.total) break;
    }
    const skills = new Map((await this.skills.list(actor)).map((s) => [s.code, s.name]));
    return rosterWorkbook(await this.shops.context(actor.shopId), roster, lang, { teams, skills });
  }
}
