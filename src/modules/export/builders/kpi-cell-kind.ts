import type { KpiUnit } from 'src/modules/kpi/kpi-definitions';
import type { CellKind } from 'src/modules/export/workbook/export-sheet';

/** How a KPI of each unit is written: rates as percentages, money in the currency, counts as whole numbers. */
export const cellKindOfKpiUnit: Record<KpiUnit, CellKind> = {
  count: 'integer',
  ratio: 'percent',
  cents: 'money',
  seconds: 'number',
  score: 'number',
  minutes: 'minutes',
};
