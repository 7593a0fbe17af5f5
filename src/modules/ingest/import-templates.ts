import { createReadStream, existsSync, ReadStream } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { IngestProblems } from './ingest.problems';
import { importKinds } from './kinds';
import type { ImportKindName } from './kinds/import-kind';

export const templatesFolder = join(__dirname, '..', '..', '..', 'templates');
export const templatePath = (kind: ImportKindName) => join(templatesFolder, `import-${kind}.xlsx`);

/** The import template of a kind: `中文 (key)` headers, one example row, and a sheet of notes. */
export function buildTemplate(kind: ImportKindName): ExcelJS.Workbook {
  const { columns } = importKinds[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cs-workforce';
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: `${c.zh} (${c.key})`,
    key: c.key,
    width: Math.max(14, c.zh.length * 2 + c.key.length + 4),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  const notes = workbook.addWorksheet('说明 Notes');
  notes.columns = [
    { header: '字段 Field', key: 'key', width: 24 },
    { header: '中文', key: 'zh', width: 20 },
    { header: 'English', key: 'en', width: 36 },
    { header: '必填 Required', key: 'required', width: 14 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow({ key: c.key, zh: c.zh, en: c.en, required: c.required ? '是 yes' : '否 no' });
  notes.addRow({});
  notes.addRow({
    key: 'Times',
    en: 'Shop local time "2026-11-22 10:15" or ISO 8601 with offset. Only the first sheet is imported.',
  });
  return workbook;
}

@Injectable()
export class ImportTemplates {
  open(kind: ImportKindName): ReadStream {
    const path = templatePath(kind);
    if (!existsSync(path)) throw IngestProblems.templateMissing({ kind });
    return createReadStream(path);
  }
}
