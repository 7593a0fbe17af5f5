import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { localDate } from 'src/platform/http/field-schemas';
import { z } from 'zod';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { QcSummaryService, type TeamSummary } from 'src/modules/qc/qc-summary.service';
import type { ExportBuilder } from 'src/modules/export/export-builder';
import type { ExportLayout } from 'src/modules/export/export-templates';
import { ExportTitles } from 'src/modules/export/export.labels';
import type { ExportWorkbook } from 'src/modules/export/workbook/export-sheet';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

const params = z.strictObject({
  date: localDate.meta({ description: 'Local day of the reviewed sessions', example: '2026-11-25' }),
  team: z.uuid(localized(SchemaTexts.uuid)).optional(),
});
type Params = z.infer<typeof params>;

export const qcSummaryLayout = {
  template: 'qc-summary',
  sheets: [
    {
      zh: '质检日报',
      en: 'QC summary',
      columns: [
        { key: 'team', zh: '小组', en: 'Team', kind: 'text' },
        { key: 'agent', zh: '客服', en: 'Agent', kind: 'text' },
        { key: 'sessionsReviewed', zh: '抽检会话', en: 'Sessions reviewed', kind: 'integer' },
        { key: 'reviews', zh: '评审次数', en: 'Reviews', kind: 'integer' },
        { key: 'meanScore', zh: '平均分', en: 'Mean score', kind: 'number' },
        { key: 'weightedMeanScore', zh: '加权平均分', en: 'Weighted mean', kind: 'number' },
        { key: 'fails', zh: '不合格', en: 'Fails', kind: 'integer' },
      ],
    },
    {
      zh: '高频问题',
      en: 'Top findings',
      columns: [
        { key: 'team', zh: '小组', en: 'Team', kind: 'text' },
        { key: 'category', zh: '类别', en: 'Category', kind: 'text' },
        { key: 'severity', zh: '严重程度', en: 'Severity', kind: 'text' },
        { key: 'count', zh: '次数', en: 'Count', kind: 'integer' },
      ],
    },
  ],
} satisfies ExportLayout;

/** The daily QC summary as the supervisors' sheet: one row per agent, team totals, top findings. */
export function qcSummaryWorkbook(
  shop: Pick<Shop, 'code' | 'name' | 'currency' | 'timeZone'>,
  summary: { date: string; teams: TeamSummary[] },
  lang: 'zh' | 'en',
): ExportWorkbook {
  const [agents, findings] = qcSummaryLayout.sheets;
  const agentRows = summary.teams.flatMap((t) => [
    ...t.agents.map((a) => ({
      team: t.teamName,
      agent: a.name,
      sessionsReviewed: a.sessionsReviewed,
      reviews: a.reviews,
      meanScore: a.meanScore,
      weightedMeanScore: a.weightedMeanScore,
      fails: a.fails,
    })),
    {
      team: t.teamName,
      agent: 'Σ',
      sessionsReviewed: t.sessionsReviewed,
      reviews: t.agents.reduce((s, a) => s + a.reviews, 0),
      meanScore: t.meanScore,
      weightedMeanScore: t.weightedMeanScore,
      fails: t.fails,
      total: true,
    },
  ]);
  return {
    fileName: `${shop.code}_qc-summary_${summary.date}`,
    currency: shop.currency,
    heading: { shop: shop.name, what: ExportTitles['qc-summary'][lang], period: summary.date, timeZone: shop.timeZone },
    sheets: [
      { ...agents, rows: agentRows, look: (row) => (row.total ? { bold: true, fill: 'FFF2F2F2' } : undefined) },
      {
        ...findings,
        rows: summary.teams.flatMap((t) =>
          t.topFindings.map((f) => ({
            team: t.teamName,
            category: f.categoryLabel,
            severity: f.severityLabel,
            count: f.count,
          })),
        ),
      },
    ],
  };
}

@Injectable()
export class QcSummaryExport implements ExportBuilder<Params> {
  readonly kind = 'qc-summary';
  readonly roles = ['manager', 'supervisor', 'qc'] as const satisfies Actor['role'][];
  readonly params = params;
  readonly template = qcSummaryLayout.template;

  constructor(
    private readonly summary: QcSummaryService,
    private readonly shops: ShopService,
  ) {}

  async build(actor: Actor, p: Params, lang: 'zh' | 'en'): Promise<ExportWorkbook> {
    return qcSummaryWorkbook(await this.shops.context(actor.shopId), await this.summary.daily(actor, p), lang);
  }
}
