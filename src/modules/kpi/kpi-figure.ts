/**
 * The sums stored per agent and day that every figure is computed from. Rates are computed on
 * read from summed numerators and denominators, so a team-month is exact; a zero denominator
 * gives null ("no data").
 */
export const KPI_SUMS = [
  'sessions',
  'inquiries',
  'preSaleInquiries',
  'firstResponseSum',
  'firstResponseCount',
  'responseSum',
  'responsePairs',
  'customerMessages',
  'agentMessages',
  'afterSaleSessions',
  'resolvedSessions',
  'ratings',
  'satisfiedRatings',
  'orderedCustomers',
  'orders',
  'payingCustomers',
  'paidCents',
  'refundedCents',
  'outOfStockOrders',
  'complaints',
  'qcReviews',
  'qcScoreSum',
  'workedMinutes',
  'scheduledSeconds',
  'adherentSeconds',
  'plannedWorkSeconds',
  'loggedWorkSeconds',
] as const;
export type KpiSum = (typeof KPI_SUMS)[number];
export type KpiSums = Record<KpiSum, number>;

export type KpiUnit = 'count' | 'ratio' | 'cents' | 'seconds' | 'score' | 'minutes';
export type KpiDefinition = {
  key: string;
  name: string;
  nameZh: string;
  formula: string;
  unit: KpiUnit;
  direction: 'higher' | 'lower';
  /** Which fact decides the day a figure is counted on. */
  countedOn: string;
  /** Only figures that depend on order attribution have one. */
  attributionWindow: string | null;
  numerator: KpiSum;
  denominator?: KpiSum;
  /** Decimal places of the value returned. */
  decimals: number;
};
