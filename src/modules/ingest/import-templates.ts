import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { fillText } from 'src/platform/i18n/locale';
import { ShopService } from 'src/modules/org/shop.service';
import { importKinds } from './kinds';
import type { ImportKindName } from './kinds/import-kind';
import { ImportTemplatePurposes, ImportTemplateTitles, ImportTemplateWords } from './import-template-texts';

export const templatesFolder = join(__dirname, '..', '..', '..', 'templates');
export const templatePath = (kind: ImportKindName) => join(templatesFolder, `import-${kind}.xlsx`);

/** The rows of the title block above the header (the reader skips them: `isTitleRow`). */
export const TITLE_ROWS = 3;

/**
 * The import template of a kind: a title block (the shop and what the template is, what a row is
 * for, the shop's time zone the times are read in; both languages, as the headers are), then the
 * `中文 (key)` headers, one example row, and a sheet of notes. Without a shop (the files in
 * templates/) the block names none.
 */
export function buildTemplate(kind: ImportKindName, shop?: { name: string; timeZone: string }): ExcelJS.Workbook {
  const { columns } = importKinds[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cs-workforce';
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }] });
  const title = ImportTemplateTitles[kind];
  const purpose = ImportTemplatePurposes[kind];
  const zone = shop ? fillText(ImportTemplateWords.zone, { zone: shop.timeZone }) : ImportTemplateWords.anyZone;
  const lines = [
    `${shop ? `${shop.name} · ` : ''}${title.zh} ${title.en}`,
    `${purpose.zh} / ${purpose.en}`,
    `${zone.zh} / ${zone.en}`,
  ];
  lines.forEach((line, i) => {
    const row = sheet.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 14, color: { argb: 'FF1F4E79' } } : { color: { argb: 'FF595959' } };
    if (columns.length > 1) sheet.mergeCells(i + 1, 1, i + 1, columns.length);
  });
  const header = sheet.addRow(columns.map((c) => `${c.zh} (${c.key})`));
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(14, c.zh.length * 2 + c.key.length + 4)));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  sheet.addRow(columns.map((c) => c.example));
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

/** The template a shop downloads: built in the request (a few kilobytes) so its title block names the shop. */
@Injectable()
export class ImportTemplates {
  constructor(private readonly shops: ShopService) {}

  async build(shopId: string, kind: ImportKindName): Promise<Buffer> {
    const shop = await this.shops.context(shopId);
    return Buffer.from(await buildTemplate(kind, shop).xlsx.writeBuffer());
  }
}
