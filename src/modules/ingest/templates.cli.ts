import { mkdirSync } from 'node:fs';
import { buildTemplate, templatePath, templatesFolder } from './import-templates';
import { IMPORT_KINDS } from './kinds/import-kind';

/** `npm run templates`: writes templates/import-<kind>.xlsx from the import kinds' columns. */
async function main(): Promise<void> {
  mkdirSync(templatesFolder, { recursive: true });
  for (const kind of IMPORT_KINDS) {
    await buildTemplate(kind).xlsx.writeFile(templatePath(kind));
    process.stdout.write(`${templatePath(kind)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
