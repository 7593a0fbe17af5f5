import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from 'src/platform/auth/actor';
import { localDate } from 'src/platform/http/field-schemas';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { DailyReportService, type ReportBlock } from 'src/modules/kpi/daily-report.service';
import { kpiDefinition, type KpiUnit } from 'src/modules/kpi/kpi-definitions';
import type { ExportBuilder } from 'src/modules/export/export-builder';
import { cellKindOfKpiUnit } from './kpi-cell-kind';
import type { ExportLayout } from 'src/modules/export/export-templates';
import { ExportTitles } from 'src/modules/export/export.labels';
import type { ExportRow, ExportWorkbook } from 'src/modules/export/workbook/export-sheet';

const params = z.strictObject({
  date: localDate.meta({ description: 'Local day of the report', example: '2026-11-25' }),
});
type Params = z.infer<typeof params>;

export const dailyReportLayout = {
  template: 'daily-report',
  sheets: [
    {
      zh: '客服日报',
      en: 'Daily report',
      columns: [
        { key: 'scope', zh: '范围', en: 'Scope', kind: 'text' },
        { key: 'metric', zh: '指标', en: 'Figure', kind: 'text' },
        { key: 'value', zh: '当日', en: 'Day', kind: 'number' },
        { key: 'previous', zh: '上周同日', en: 'Same day last week', kind: 'number' },
        { key: 'change', zh: '变化', en: 'Change', kind: 'number' },
        { key: 'changePercent', zh: '变化率', en: 'Change %', kind: 'percent' },
      ],
    },
  ],
} satisfies ExportLayout;

const SHOP = { zh: '全店', en: 'Shop' };

/** The day's figures for the shop and each team beside the same weekday a week before. */
export function dailyReportWorkbook(
  shop: Pick<Shop, 'code' | 'name' | 'currency' | 'timeZone'>,
  report: {
    date: string;
    comparedWith: string;
    metrics: string[];
    shop: ReportBlock | null;
    teams: (ReportBlock & { teamName: string | null })[];
  },
  lang: 'zh' | 'en',
): ExportWorkbook {
  const blocks = [
    ...(report.shop ? [{ scope: SHOP[lang], block: report.shop }] : []),
    ...report.teams.map((t) => ({ scope: t.teamName ?? '—', block: t as ReportBlock })),
  ];
  const rows: ExportRow[] = blocks.flatMap(({ scope, block }) =>
    report.metrics.map((key) => {
      const d = kpiDefinition(key)!;
      const f = block.figures[key];
      return {
        scope,
        metric: lang === 'zh' ? d.nameZh : d.name,
        unit: d.unit,
        direction: d.direction,
        value: f.value,
        previous: f.previous,
        change: f.change,
        changePercent: f.changePercent === null ? null : f.changePercent / 100,
      };
    }),
  );
  const [sheet] = dailyReportLayout.sheets;
  return {
    fileName: `${shop.code}_daily-report_${report.date}`,
    currency: shop.currency,
    heading: {
      shop: shop.name,
      what: ExportTitles['daily-report'][lang],
      period: report.date,
      state: `${lang === 'zh' ? '对比' : 'vs'} ${report.comparedWith}`,
      timeZone: shop.timeZone,
    },
    sheets: [
      {
        ...sheet,
        rows,
        // The value columns carry each figure's own unit: rates as percentages, money in the currency.
        kindOf: (row, column) =>
          ['value', 'previous', 'change'].includes(column.key) ? cellKindOfKpiUnit[row.unit as KpiUnit] : undefined,
        look: (row, column) => {
          if (column.key !== 'change' || typeof row.change !== 'number' || row.change === 0) return undefined;
          const better = row.change > 0 === (row.direction === 'higher');
          return { font: better ? 'FF00703C' : 'FFC00000' };
        },
      },
    ],
  };
}

@Injectable()
export class DailyReportExport implements ExportBuilder<Params> {
  readonly kind = 'daily-report';
  readonly roles = ['manager', 'supervisor', 'hr', 'qc'] as const satisfies Actor['role'][];
  readonly params = params;
  readonly template = dailyReportLayout.template;

  constructor(
    private readonly reports: DailyReportService,
    private readonly shops: ShopService,
  ) {}

  async build(actor: Actor, p: Params, lang: 'zh' | 'en'): Promise<ExportWorkbook> {
    return dailyReportWorkbook(await this.shops.context(actor.shopId), await this.reports.report(actor, p), lang);
  }
}
