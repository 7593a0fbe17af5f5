import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { notFound } from 'src/platform/errors/common-problems';
import { inLocale, type Text } from 'src/platform/i18n/locale';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { labelOf } from 'src/platform/i18n/texts';
import { ShopService } from 'src/modules/org/shop.service';
import { CalibrationData, CalibrationReportRepository, Deviation } from './calibration-report.repository';
import { AgreementLabels, CalibrationTexts, LeaningLabels, QcCategoryLabels } from './qc.labels';
import { agreementBand, intraclassCorrelation, leaningOf, RatingGroup } from './engine/rater-agreement';
import type { CalibrationReportQuery } from './qc.dto';
import { localDaysWindow } from 'src/platform/time/shop-calendar';

const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Inspector agreement over a date range: who is harsher or softer than the panels they sat on,
 * per rubric item and per period (drift), and how well inspectors agree per item (ICC(1,1)).
 */
@Injectable()
export class CalibrationReportService {
  constructor(
    private readonly reports: CalibrationReportRepository,
    private readonly shops: ShopService,
  ) {}

  async report(actor: Actor, query: CalibrationReportQuery) {
    if (query.inspector && !(await this.reports.knowsInspector(actor.shopId, query.inspector)))
      throw notFound(CalibrationTexts.inspector);
    const shop = await this.shops.context(actor.shopId);
    const { start: from, end: to } = localDaysWindow(query.from, query.to, shop.timeZone);
    const data = await this.reports.data({
      shopId: actor.shopId,
      timeZone: shop.timeZone,
      from,
      to,
      period: query.period,
    });
    return {
      from: query.from,
      to: query.to,
      period: query.period,
      method: 'ICC(1,1)',
      ...calibrationReport(data, query.inspector),
    };
  }
}

function agreement(groups: RatingGroup[]) {
  const a = intraclassCorrelation(groups);
  const band = agreementBand(a.icc);
  return {
    panels: a.sessions,
    icc: round(a.icc, 3),
    withinSd: round(a.withinSd, 2),
    agreement: band,
    agreementText: band && inLocale(AgreementLabels[band], currentLocale()),
  };
}

function deviation(d: Deviation) {
  const leaning = leaningOf(d.mean, d.sd, d.count);
  return {
    panels: d.count,
    meanDeviation: round(d.mean, 2),
    sd: round(d.sd, 2),
    leaning,
    leaningText: inLocale(LeaningLabels[leaning], currentLocale()),
  };
}

const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

/** The report from the aggregated rows, texts in the reader's language (pure apart from the locale). */
function calibrationReport(data: CalibrationData, inspector?: string) {
  const locale = currentLocale();
  const items = [...data.items].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  const itemName = new Map(items.map((i) => [i.code, locale === 'en' && i.titleEn ? i.titleEn : i.title]));
  const category = (c: string): Text => labelOf(QcCategoryLabels, c);
  const groupsByItem = groupBy(data.itemGroups, (g) => g.code);
  const groupsByPeriod = groupBy(data.totalGroups, (g) => g.period);
  const names = new Map(data.reviewers.map((r) => [r.id, r.name]));
  const totals = groupBy(data.inspectorTotals, (t) => t.reviewerUserId);
  const byItem = groupBy(data.inspectorItems, (t) => t.reviewerUserId);
  const inspectors = [...totals]
    .filter(([id]) => !inspector || id === inspector)
    .map(([id, rows]) => ({
      userId: id,
      name: names.get(id) ?? inLocale(CalibrationTexts.unknownInspector, locale),
      ...deviation(rows.find((r) => r.period === null)!),
      periods: rows
        .filter((r) => r.period !== null)
        .sort((a, b) => a.period!.localeCompare(b.period!))
        .map((r) => ({ start: r.period, ...deviation(r) })),
      items: (byItem.get(id) ?? [])
        .sort((a, b) => items.findIndex((i) => i.code === a.code) - items.findIndex((i) => i.code === b.code))
        .map((r) => ({ code: r.code, name: itemName.get(r.code) ?? r.code, ...deviation(r) })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    panels: data.panels,
    reviews: data.reviews,
    total: agreement(data.totalGroups),
    periods: [...groupsByPeriod]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([start, groups]) => ({ start, ...agreement(groups) })),
    items: items.map((i) => ({
      code: i.code,
      name: itemName.get(i.code)!,
      category: i.category,
      categoryName: inLocale(category(i.category), locale),
      ...agreement(groupsByItem.get(i.code) ?? []),
    })),
    inspectors,
  };
}
