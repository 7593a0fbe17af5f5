import { mkdirSync } from 'node:fs';
import { exportLayouts } from './export-layouts';
import { exportTemplatePath, exportTemplatesFolder } from './export-templates';
import { buildExportTemplate } from './workbook/template-look';

/** `npm run templates` (second half): writes templates/export-<kind>.xlsx from the export layouts. */
async function main(): Promise<void> {
  mkdirSync(exportTemplatesFolder, { recursive: true });
  for (const layout of exportLayouts) {
    await buildExportTemplate(layout.sheets).xlsx.writeFile(exportTemplatePath(layout.template));
    process.stdout.write(`${exportTemplatePath(layout.template)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
