import { join } from 'node:path';
import type { ExportSheet } from './workbook/export-sheet';

export const exportTemplatesFolder = join(__dirname, '..', '..', '..', 'templates');
export const exportTemplatePath = (template: string) => join(exportTemplatesFolder, `export-${template}.xlsx`);

/** The sheets of one export template: their names, columns and orientation (data comes from code). */
export type ExportLayout = { template: string; sheets: Pick<ExportSheet, 'zh' | 'en' | 'columns'>[] };
