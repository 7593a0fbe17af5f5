import { salesFigures } from './kpi-sales-figures';
import { scheduleFigures } from './kpi-schedule-figures';
import { serviceFigures } from './kpi-service-figures';

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

const FIGURES = { ...serviceFigures, ...salesFigures, ...scheduleFigures };

/**
 * The order the figures are listed in (the API, the daily report, exports): the department's
 * reading order across the families, so it is kept here rather than by family.
 */
const LISTED_ORDER: readonly (keyof typeof FIGURES)[] = [
  'inquiries',
  'preSaleInquiries',
  'orders',
  'orderConversion',
  'paymentRate',
  'inquiryConversion',
  'serviceSales',
  'averageOrderValue',
  'firstResponseSeconds',
  'averageResponseSeconds',
  'replyRatio',
  'resolutionRate',
  'satisfaction',
  'complaints',
  'refundRate',
  'refundedAmount',
  'stockOuts',
  'qcScore',
  'workedMinutes',
  'adherence',
  'conformance',
  'sessions',
];

// A figure added to a family but not listed (or listed twice, or in two families) would silently
// vanish from every report: refuse to load instead.
const familyKeys = [serviceFigures, salesFigures, scheduleFigures].flatMap((family) => Object.keys(family));
if (familyKeys.length !== LISTED_ORDER.length || new Set([...familyKeys, ...LISTED_ORDER]).size !== LISTED_ORDER.length)
  throw new Error('every KPI figure must be in exactly one family and listed exactly once in LISTED_ORDER');

/**
 * The KPI registry as data: every figure of the department, its formula over the stored daily
 * sums, unit and direction (the figures themselves live in their family's file).
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = LISTED_ORDER.map((key) => FIGURES[key]);

export const KPI_KEYS = KPI_DEFINITIONS.map((d) => d.key);
export const kpiDefinition = (key: string): KpiDefinition | undefined => KPI_DEFINITIONS.find((d) => d.key === key);
