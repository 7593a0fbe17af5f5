import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from 'src/platform/auth/actor';
import { localDate } from 'src/platform/http/field-schemas';
import { AgentService } from 'src/modules/org/agent.service';
import type { AgentLabel } from 'src/modules/org/agent.repository';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { TrainingSessionService } from 'src/modules/training/training-session.service';
import type { SessionView } from 'src/modules/training/training-view';
import type { ExportBuilder } from 'src/modules/export/export-builder';
import type { ExportLayout } from 'src/modules/export/export-templates';
import { ExportTitles } from 'src/modules/export/export.labels';
import type { ExportWorkbook } from 'src/modules/export/workbook/export-sheet';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

const params = z
  .strictObject({
    from: localDate.meta({ description: 'First local day', example: '2026-11-30' }),
    to: localDate.meta({ description: 'Last local day (inclusive)', example: '2026-12-06' }),
  })
  .refine((p) => p.from <= p.to, { ...localized(SchemaTexts.notBeforeFrom), path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) < 92 * 86_400_000, {
    ...localized(text('the period may span at most 92 days', '时间范围最多 92 天')),
    path: ['to'],
  });
type Params = z.infer<typeof params>;

export const trainingPlanLayout = {
  template: 'training-plan',
  sheets: [
    {
      zh: '培训计划',
      en: 'Training plan',
      columns: [
        { key: 'start', zh: '开始', en: 'Start', kind: 'datetime' },
        { key: 'end', zh: '结束', en: 'End', kind: 'datetime' },
        { key: 'title', zh: '主题', en: 'Topic', kind: 'text' },
        { key: 'category', zh: '类别', en: 'Category', kind: 'text' },
        { key: 'lengthMinutes', zh: '时长(分钟)', en: 'Minutes', kind: 'minutes' },
        { key: 'capacity', zh: '容量', en: 'Capacity', kind: 'integer' },
        { key: 'invited', zh: '参训人数', en: 'Attendees', kind: 'integer' },
        { key: 'attended', zh: '出勤', en: 'Attended', kind: 'integer' },
        { key: 'absent', zh: '缺勤', en: 'Absent', kind: 'integer' },
        { key: 'lost', zh: '影响接待量', en: 'Contacts missing target', kind: 'number' },
        { key: 'worstServiceLevel', zh: '最低服务水平', en: 'Lowest service level', kind: 'percent' },
      ],
    },
    {
      zh: '出勤明细',
      en: 'Attendance',
      columns: [
        { key: 'start', zh: '开始', en: 'Start', kind: 'datetime' },
        { key: 'title', zh: '主题', en: 'Topic', kind: 'text' },
        { key: 'employeeNo', zh: '工号', en: 'Employee no.', kind: 'text' },
        { key: 'agent', zh: '客服', en: 'Agent', kind: 'text' },
        { key: 'attendance', zh: '出勤', en: 'Attendance', kind: 'text' },
      ],
    },
  ],
} satisfies ExportLayout;

const ATTENDANCE = {
  zh: { attended: '出勤', absent: '缺勤', invited: '未记录' },
  en: { attended: 'attended', absent: 'absent', invited: 'not recorded' },
};

/** Booked sessions with their service cost, and each attendee's attendance. */
export function trainingPlanWorkbook(
  shop: Pick<Shop, 'code' | 'name' | 'currency' | 'timeZone'>,
  p: Params,
  sessions: SessionView[],
  agents: Map<string, AgentLabel>,
  lang: 'zh' | 'en',
): ExportWorkbook {
  const [plan, attendance] = trainingPlanLayout.sheets;
  const local = (s: { local: string }) => ({ local: s.local.slice(0, 16) });
  return {
    fileName: `${shop.code}_training_${p.from}_${p.to}`,
    currency: shop.currency,
    heading: {
      shop: shop.name,
      what: ExportTitles['training-plan'][lang],
      period: `${p.from} – ${p.to}`,
      timeZone: shop.timeZone,
    },
    sheets: [
      {
        ...plan,
        rows: sessions.map((s) => ({
          start: local(s.start),
          end: local(s.end),
          title: s.title,
          category: s.categoryLabel,
          lengthMinutes: s.lengthMinutes,
          capacity: s.capacity,
          invited: s.attendees.length,
          attended: s.attendees.filter((a) => a.attendance === 'attended').length,
          absent: s.attendees.filter((a) => a.attendance === 'absent').length,
          lost: s.impact?.lostContactsWithinTarget ?? null,
          worstServiceLevel: s.impact?.worstServiceLevel ?? null,
        })),
        look: (row, column) =>
          column.key === 'worstServiceLevel' && typeof row.worstServiceLevel === 'number' && row.worstServiceLevel < 0.8
            ? { fill: 'FFFFC7CE' }
            : undefined,
      },
      {
        ...attendance,
        rows: sessions.flatMap((s) =>
          s.attendees.map((a) => ({
            start: local(s.start),
            title: s.title,
            employeeNo: agents.get(a.agentId)?.employeeNo ?? null,
            agent: agents.get(a.agentId)?.name ?? a.agentId,
            attendance:
              ATTENDANCE[lang][(a.attendance ?? 'invited') as keyof (typeof ATTENDANCE)['en']] ?? a.attendance,
          })),
        ),
        look: (row, column) =>
          column.key === 'attendance' && row.attendance === ATTENDANCE[lang].absent ? { font: 'FFC00000' } : undefined,
      },
    ],
  };
}

@Injectable()
export class TrainingPlanExport implements ExportBuilder<Params> {
  readonly kind = 'training-plan';
  readonly roles = ['manager', 'trainer', 'supervisor'] as const satisfies Actor['role'][];
  readonly params = params;
  readonly template = trainingPlanLayout.template;

  constructor(
    private readonly sessions: TrainingSessionService,
    private readonly agents: AgentService,
    private readonly shops: ShopService,
  ) {}

  async build(actor: Actor, p: Params, lang: 'zh' | 'en'): Promise<ExportWorkbook> {
    const shop = await this.shops.context(actor.shopId);
    const from = DateTime.fromISO(p.from, { zone: shop.timeZone }).startOf('day');
    const to = DateTime.fromISO(p.to, { zone: shop.timeZone }).plus({ days: 1 }).startOf('day');
    const { items } = await this.sessions.list(actor, {
      from: from.toUTC().toISO()!,
      to: to.toUTC().toISO()!,
      status: 'booked',
    });
    return trainingPlanWorkbook(shop, p, items, await this.agents.labels(actor.shopId), lang);
  }
}
