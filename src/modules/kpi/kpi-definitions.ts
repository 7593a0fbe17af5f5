import { salesFigures } from './kpi-sales-figures';
import { scheduleFigures } from './kpi-schedule-figures';
import { serviceFigures } from './kpi-service-figures';
import type { KpiDefinition } from './kpi-figure';

export { KPI_SUMS, type KpiDefinition, type KpiSum, type KpiSums, type KpiUnit } from './kpi-figure';

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
