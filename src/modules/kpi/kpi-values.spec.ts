import { KPI_DEFINITIONS, KPI_SUMS, kpiDefinition, KpiSums } from './kpi-definitions';
import { addSums, emptySums, kpiValue, kpiValues, roundHalfUp, toSums } from './kpi-values';

const sums = (values: Partial<KpiSums>): KpiSums => ({ ...emptySums(), ...values });
const value = (key: string, s: Partial<KpiSums>) => kpiValue(kpiDefinition(key)!, sums(s));

describe('KPI formulas over stored sums', () => {
  it('has a unique key, a Chinese name, a formula and a direction for every figure, over stored sums only', () => {
    expect(new Set(KPI_DEFINITIONS.map((d) => d.key)).size).toBe(KPI_DEFINITIONS.length);
    for (const d of KPI_DEFINITIONS) {
      expect(d.nameZh).toMatch(/\p{Script=Han}/u);
      expect(d.formula.length).toBeGreaterThan(5);
      expect(KPI_SUMS).toContain(d.numerator);
      if (d.denominator) expect(KPI_SUMS).toContain(d.denominator);
      expect(d.attributionWindow === null).toBe(!d.countedOn.includes('inquiry'));
    }
  });

  it('computes each figure of the domain table', () => {
    const day = sums({
      sessions: 7,
      inquiries: 6,
      preSaleInquiries: 4,
      firstResponseSum: 45,
      firstResponseCount: 3,
      responseSum: 190,
      responsePairs: 9,
      customerMessages: 12,
      agentMessages: 15,
      afterSaleSessions: 2,
      resolvedSessions: 1,
      ratings: 3,
      satisfiedRatings: 2,
      orderedCustomers: 2,
      orders: 3,
      payingCustomers: 1,
      paidCents: 15_050,
      refundedCents: 5_050,
      outOfStockOrders: 1,
      complaints: 2,
      qcReviews: 2,
      qcScoreSum: 165.5,
      workedMinutes: 480,
      scheduledSeconds: 32_400,
      adherentSeconds: 29_700,
      plannedWorkSeconds: 25_200,
      loggedWorkSeconds: 30_000,
    });
    expect(kpiValues(KPI_DEFINITIONS, day)).toEqual({
      inquiries: 6,
      preSaleInquiries: 4,
      orders: 2,
      orderConversion: 0.5,
      paymentRate: 0.5,
      inquiryConversion: 0.25,
      serviceSales: 15_050,
      averageOrderValue: 15_050,
      firstResponseSeconds: 15,
      averageResponseSeconds: 21.11,
      replyRatio: 1.25,
      resolutionRate: 0.5,
      satisfaction: 0.6667,
      complaints: 2,
      refundedAmount: 5_050,
      refundRate: 0.3355,
      stockOuts: 1,
      qcScore: 82.75,
      workedMinutes: 480,
      sessions: 7,
      adherence: 0.9167,
      conformance: 1.1905,
    });
  });

  it('gives null for every rate whose denominator is zero, never 0 or NaN, and 0 for counts', () => {
    const values = kpiValues(KPI_DEFINITIONS, emptySums());
    for (const d of KPI_DEFINITIONS) expect(values[d.key]).toBe(d.denominator ? null : 0);
    expect(value('paymentRate', { payingCustomers: 0, orderedCustomers: 0 })).toBeNull();
    expect(value('orderConversion', { orderedCustomers: 0, preSaleInquiries: 5 })).toBe(0);
  });

  it('keeps money in whole cents: average order value rounds half up', () => {
    expect(value('averageOrderValue', { paidCents: 1_001, payingCustomers: 2 })).toBe(501);
    expect(value('averageOrderValue', { paidCents: 1_003, payingCustomers: 3 })).toBe(334);
    expect(value('serviceSales', { paidCents: 123_456_789_012 })).toBe(123_456_789_012);
  });

  it('rolls up exactly: the rate of summed days is not the mean of daily rates', () => {
    const monday = sums({ orderedCustomers: 1, preSaleInquiries: 1 });
    const tuesday = sums({ orderedCustomers: 1, preSaleInquiries: 9 });
    expect(kpiValue(kpiDefinition('orderConversion')!, addSums(monday, tuesday))).toBe(0.2);
  });

  it('reads database sums (strings for bigint and numeric) as numbers, missing as 0', () => {
    const read = toSums({ paidCents: '900719925474', responseSum: '12.50' });
    expect(read.paidCents).toBe(900_719_925_474);
    expect(read.responseSum).toBe(12.5);
    expect(read.complaints).toBe(0);
  });

  it('rounds half up at the given places', () => {
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(2 / 3, 4)).toBe(0.6667);
    expect(roundHalfUp(-1.5, 0)).toBe(-2);
  });
});
