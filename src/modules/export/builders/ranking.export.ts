import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from 'src/platform/auth/actor';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { kpiDefinition } from 'src/modules/kpi/kpi-definitions';
import { LedgerEntryView, LedgerService } from 'src/modules/ranking/ledger.service';
import { RankingService } from 'src/modules/ranking/ranking.service';
import type { ExportBuilder } from 'src/modules/export/export-builder';
import { cellKindOfKpiUnit } from './kpi-cell-kind';
import type { ExportLayout } from 'src/modules/export/export-templates';
import { ExportTitles } from 'src/modules/export/export.labels';
import type { ExportColumn, ExportRow, ExportWorkbook } from 'src/modules/export/workbook/export-sheet';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

const params = z.strictObject({
  rankingId: z.uuid(localized(SchemaTexts.uuid)).meta({ example: '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d' }),
});
type Params = z.infer<typeof params>;

type Metric = { value: number | null; points: number | null };
export type RankingJson = Awaited<ReturnType<RankingService['get']>>;

const agentColumns: ExportColumn[] = [
  { key: 'employeeNo', zh: '工号', en: 'Employee no.', kind: 'text' },
  { key: 'agent', zh: '客服', en: 'Agent', kind: 'text' },
  { key: 'team', zh: '小组', en: 'Team', kind: 'text' },
];

export const rankingLayout = {
  template: 'ranking',
  sheets: [
    {
      zh: '月度排名',
      en: 'Monthly ranking',
      columns: [
        { key: 'rank', zh: '名次', en: 'Rank', kind: 'integer' },
        ...agentColumns,
        { key: 'total', zh: '总分', en: 'Total', kind: 'number' },
        { key: 'percentile', zh: '百分位', en: 'Percentile', kind: 'number' },
        { key: 'flags', zh: '标记', en: 'Flags', kind: 'text' },
        { key: 'daysWorked', zh: '出勤天数', en: 'Days worked', kind: 'integer' },
        { key: 'inquiries', zh: '咨询量', en: 'Inquiries', kind: 'integer' },
        { key: 'ledger', zh: '奖惩', en: 'Rewards / penalties', kind: 'text' },
      ],
    },
    {
      zh: '不参与排名',
      en: 'Not ranked',
      columns: [
        ...agentColumns,
        { key: 'daysWorked', zh: '出勤天数', en: 'Days worked', kind: 'integer' },
        { key: 'inquiries', zh: '咨询量', en: 'Inquiries', kind: 'integer' },
        { key: 'reasons', zh: '原因', en: 'Reasons', kind: 'text' },
      ],
    },
    {
      zh: '奖惩台账',
      en: 'Ledger',
      columns: [
        ...agentColumns,
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text' },
        { key: 'amount', zh: '金额', en: 'Amount', kind: 'money' },
        { key: 'reason', zh: '事由', en: 'Reason', kind: 'text' },
        { key: 'status', zh: '状态', en: 'Status', kind: 'text' },
      ],
    },
  ],
} satisfies ExportLayout;

const FLAGS = { zh: { top: '前列', bottom: '末位' }, en: { top: 'top', bottom: 'bottom' } };
const TOP_FILL = 'FFC6EFCE';
const BOTTOM_FILL = 'FFFFC7CE';

/** Rank, agent, every metric with its points, total, flags and ledger entries; the ineligible apart. */
export function rankingWorkbook(
  shop: Pick<Shop, 'code' | 'name' | 'currency' | 'timeZone'>,
  ranking: RankingJson,
  ledger: LedgerEntryView[],
  lang: 'zh' | 'en',
): ExportWorkbook {
  const [ranked, ineligible, entries] = rankingLayout.sheets;
  const metrics = (ranking.scorecard as { metrics: { metric: string }[] }).metrics.map((m) => m.metric);
  const metricColumns: ExportColumn[] = metrics.flatMap((key) => {
    const d = kpiDefinition(key);
    const name = { zh: d?.nameZh ?? key, en: d?.name ?? key };
    return [
      { key: `${key}.value`, zh: name.zh, en: name.en, kind: d ? cellKindOfKpiUnit[d.unit] : 'number' },
      { key: `${key}.points`, zh: `${name.zh}得分`, en: `${name.en} points`, kind: 'number' },
    ];
  });
  const money = (cents: number) => `${(cents / 100).toFixed(2)}`;
  const byAgent = new Map<string, LedgerEntryView[]>();
  for (const e of ledger) byAgent.set(e.agentId, [...(byAgent.get(e.agentId) ?? []), e]);
  const names = new Map([...ranking.ranked, ...ranking.ineligible].map((r) => [r.agentId, r]));
  const agentCells = (r: { employeeNo: string | null; agentName: string | null; teamName: string | null }) => ({
    employeeNo: r.employeeNo,
    agent: r.agentName,
    team: r.teamName,
  });
  const metricCells = (m: Record<string, Metric>) =>
    Object.fromEntries(
      metrics.flatMap((k) => [
        [`${k}.value`, m[k]?.value ?? null],
        [`${k}.points`, m[k]?.points ?? null],
      ]),
    );
  const rankedRows: ExportRow[] = ranking.ranked.map((r) => ({
    rank: r.rank,
    ...agentCells(r),
    ...metricCells(r.metrics as Record<string, Metric>),
    total: r.total,
    percentile: r.percentile,
    flags: [r.top ? FLAGS[lang].top : null, r.bottom ? FLAGS[lang].bottom : null].filter(Boolean).join(' '),
    top: r.top,
    bottom: r.bottom,
    daysWorked: r.daysWorked,
    inquiries: r.inquiries,
    ledger: (byAgent.get(r.agentId) ?? [])
      .map((e) => `${e.kindLabel} ${money(e.amountCents)} (${e.statusLabel})`)
      .join('; '),
  }));
  const [rank, employeeNo, agent, team, ...rest] = ranked.columns;
  return {
    fileName: `${shop.code}_ranking_${ranking.month}_v${ranking.version}`,
    currency: shop.currency,
    heading: {
      shop: shop.name,
      what: ExportTitles.ranking[lang],
      period: ranking.month,
      state: `v${ranking.version} ${ranking.statusLabel}`,
      timeZone: shop.timeZone,
    },
    sheets: [
      {
        ...ranked,
        columns: [rank, employeeNo, agent, team, ...metricColumns, ...rest],
        rows: rankedRows,
        look: (row) => (row.top ? { fill: TOP_FILL } : row.bottom ? { fill: BOTTOM_FILL } : undefined),
      },
      {
        ...ineligible,
        rows: ranking.ineligible.map((r) => ({
          ...agentCells(r),
          daysWorked: r.daysWorked,
          inquiries: r.inquiries,
          reasons: (r.reasons ?? []).join('; '),
        })),
      },
      {
        ...entries,
        rows: ledger.map((e) => ({
          ...agentCells(names.get(e.agentId) ?? { employeeNo: null, agentName: e.agentId, teamName: null }),
          kind: e.kindLabel,
          amount: e.amountCents,
          reason: e.reason,
          status: e.statusLabel,
        })),
      },
    ],
  };
}

@Injectable()
export class RankingExport implements ExportBuilder<Params> {
  readonly kind = 'ranking';
  readonly roles = ['manager', 'hr', 'supervisor'] as const satisfies Actor['role'][];
  readonly params = params;
  readonly template = rankingLayout.template;

  constructor(
    private readonly rankings: RankingService,
    private readonly ledger: LedgerService,
    private readonly shops: ShopService,
  ) {}

  async precheck(actor: Actor, p: Params): Promise<void> {
    await this.rankings.get(actor, p.rankingId);
  }

  async build(actor: Actor, p: Params, lang: 'zh' | 'en'): Promise<ExportWorkbook> {
    const ranking = await this.rankings.get(actor, p.rankingId);
    const entries: LedgerEntryView[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.ledger.list(actor, { month: ranking.month, limit: 500, offset });
      entries.push(...page.items.filter((e) => e.rankingRunId === ranking.id || e.source === 'manual'));
      if (offset + 500 >= page.total) break;
    }
    return rankingWorkbook(await this.shops.context(actor.shopId), ranking, entries, lang);
  }
}
