import { compare } from './daily-report.service';
import { kpiDefinition, KpiSums } from './kpi-definitions';
import { emptySums } from './kpi-values';

const sums = (values: Partial<KpiSums>): KpiSums => ({ ...emptySums(), ...values });

describe('daily report comparison with the same weekday last week', () => {
  it('gives the absolute and relative change', () => {
    expect(compare(kpiDefinition('inquiries')!, sums({ inquiries: 120 }), sums({ inquiries: 100 }))).toEqual({
      value: 120,
      previous: 100,
      change: 20,
      changePercent: 20,
    });
    expect(
      compare(
        kpiDefinition('orderConversion')!,
        sums({ orderedCustomers: 1, preSaleInquiries: 4 }),
        sums({ orderedCustomers: 1, preSaleInquiries: 5 }),
      ),
    ).toEqual({
      value: 0.25,
      previous: 0.2,
      change: 0.05,
      changePercent: 25,
    });
  });

  it('treats a day without rows as zero for counts and as no data for rates, with no percentage from zero', () => {
    expect(compare(kpiDefinition('complaints')!, sums({ complaints: 2 }), undefined)).toEqual({
      value: 2,
      previous: 0,
      change: 2,
      changePercent: null,
    });
    expect(compare(kpiDefinition('satisfaction')!, sums({ ratings: 2, satisfiedRatings: 1 }), undefined)).toEqual({
      value: 0.5,
      previous: null,
      change: null,
      changePercent: null,
    });
  });
});
