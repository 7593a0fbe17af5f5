import { dailyReportLayout } from './builders/daily-report.export';
import { rankingLayout } from './builders/ranking.export';
import { qcSummaryLayout } from './builders/qc-summary.export';
import { rosterLayout } from './builders/roster.export';
import { trainingPlanLayout } from './builders/training-plan.export';
import type { ExportLayout } from './export-templates';

/** Every export template `npm run templates` writes. */
export const exportLayouts: ExportLayout[] = [
  rosterLayout,
  rankingLayout,
  dailyReportLayout,
  qcSummaryLayout,
  trainingPlanLayout,
];
