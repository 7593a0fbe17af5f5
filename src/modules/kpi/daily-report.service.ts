import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { KpiDefinition, KpiSums } from './kpi-definitions';
import { addDays } from 'src/platform/time/calendar-date';
import { kpiValue, roundHalfUp } from './kpi-values';
import type { DailyReportQuery } from './kpi.dto';
import { KpiService } from './kpi.service';

/** The figures of the daily report (日报), in the order supervisors read them. */
export const DAILY_REPORT_METRICS = [
  'inquiries',
  'orders',
  'orderConversion',
  'paymentRate',
  'serviceSales',
  'averageOrderValue',
  'stockOuts',
  'refundedAmount',
  'refundRate',
  'complaints',
  'firstResponseSeconds',
  'averageResponseSeconds',
  'satisfaction',
  'adherence',
  'conformance',
];

export type Figure = {
  value: number | null;
  previous: number | null;
  change: number | null;
  changePercent: number | null;
};
export type ReportBlock = { figures: Record<string, Figure> };

/** One figure against the same weekday a week before: absolute change, and relative change when the old value is not 0. */
export function compare(definition: KpiDefinition, now: KpiSums | undefined, before: KpiSums | undefined): Figure {
  const value = now ? kpiValue(definition, now) : null;
  const previous = before ? kpiValue(definition, before) : null;
  // A day without rows is zero for counts, but "no data" for rates.
  const v = value ?? (definition.denominator ? null : 0);
  const p = previous ?? (definition.denominator ? null : 0);
  const change = v !== null && p !== null ? roundHalfUp(v - p, definition.decimals) : null;
  const changePercent = change !== null && p ? roundHalfUp(((v! - p) / Math.abs(p)) * 100, 2) : null;
  return { value: v, previous: p, change, changePercent };
}

@Injectable()
export class DailyReportService {
  constructor(private readonly kpis: KpiService) {}

  /** Per team (supervisors: their own teams) and for the whole shop (not for supervisors). */
  async report(actor: Actor, query: DailyReportQuery) {
    const comparedWith = addDays(query.date, -7);
    const definitions = this.kpis.selected(DAILY_REPORT_METRICS);
    const block = (now?: KpiSums, before?: KpiSums): ReportBlock => ({
      figures: Object.fromEntries(definitions.map((d) => [d.key, compare(d, now, before)])),
    });

    const teamScope = await this.kpis.scopeFor(actor, 'team');
    const [teamsNow, teamsBefore] = await Promise.all([
      this.kpis.dayRows(actor.shopId, query.date, 'team', teamScope),
      this.kpis.dayRows(actor.shopId, comparedWith, 'team', teamScope),
    ]);
    const teamKeys = new Map<string | null, string | null>();
    for (const r of [...teamsNow, ...teamsBefore]) teamKeys.set(r.teamId, r.teamName);
    const teams = [...teamKeys.entries()]
      .sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''))
      .map(([teamId, teamName]) => ({
        teamId,
        teamName,
        ...block(teamsNow.find((r) => r.teamId === teamId)?.sums, teamsBefore.find((r) => r.teamId === teamId)?.sums),
      }));

    let shop: ReportBlock | null = null;
    if (actor.role !== 'supervisor') {
      const [now, before] = await Promise.all([
        this.kpis.dayRows(actor.shopId, query.date, 'shop', {}),
        this.kpis.dayRows(actor.shopId, comparedWith, 'shop', {}),
      ]);
      shop = block(now[0]?.sums, before[0]?.sums);
    }
    return { date: query.date, comparedWith, metrics: definitions.map((d) => d.key), shop, teams };
  }
}
