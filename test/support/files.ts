import ExcelJS from 'exceljs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A CSV text from rows (header from the first row's keys), quoting as spreadsheets do. */
export function csv(rows: Record<string, unknown>[], header = Object.keys(rows[0] ?? {})): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n';
}

/** A part of a hand-made zip: its bytes, or bytes already deflated with the size they claim to inflate to. */
export type ZipPart = string | Buffer | { deflated: Buffer; size: number; crc?: number; declaredSize?: number };

/**
 * A minimal zip archive (stored parts, or pre-deflated ones), for files that are zips but not
 * workbooks and for workbooks whose headers lie: `declaredSize` is written into both the local
 * and the central directory header in place of the real size.
 */
export function zipOf(files: Record<string, ZipPart>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const deflated = typeof content === 'object' && !Buffer.isBuffer(content) ? content : undefined;
    const data = deflated ? deflated.deflated : Buffer.from(content as string | Buffer);
    const size = deflated ? (deflated.declaredSize ?? deflated.size) : data.length;
    const method = deflated ? 8 : 0;
    const nameBytes = Buffer.from(name);
    const crc = deflated ? (deflated.crc ?? 0) : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * A real deflate stream of `head` and then `unit` repeated `times` times, built without ever
 * holding the inflated whole: each block is flushed in full (so it stands alone) and repeated as
 * compressed bytes.
 */
export function deflatedRepeat(head: string, unit: string, times: number): { deflated: Buffer; size: number } {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(unit);
  const last = deflateRawSync(Buffer.alloc(0));
  return {
    deflated: Buffer.concat([flushed(head), ...Array.from({ length: times }, () => block), last]),
    size: Buffer.byteLength(head) + Buffer.byteLength(unit) * times,
  };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of a one-sheet workbook whose cells are shared strings: `rows` lists each row's string
 * indexes. Replace `xl/sharedStrings.xml` to make it hostile.
 */
export function workbookParts(strings: string[], rows: number[][]): Record<string, ZipPart> {
  const column = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map(
      (r, y) =>
        `<row r="${y + 1}">${r.map((s, x) => `<c r="${column(x)}${y + 1}" t="s"><v>${s}</v></c>`).join('')}</row>`,
    )
    .join('');
  return {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${XML}<worksheet xmlns="${MAIN}"><sheetData>${sheetRows}</sheetData></worksheet>`,
    'xl/sharedStrings.xml': `${XML}<sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  };
}

/** A real .xlsx workbook (exceljs) with one sheet of the given rows. */
export async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('data');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A volume CSV of `rows` half-hour slots of one queue from 2015 on (about 60 bytes a row): big enough to keep an import busy. */
export function volumeFile(rows: number): Buffer {
  const start = Date.UTC(2015, 0, 1);
  const lines = Array.from({ length: rows }, (_, i) => ({
    queue: 'presales_chat',
    slotStart: new Date(start + i * 1_800_000).toISOString().slice(0, 16).replace('T', ' '),
    slotMinutes: 30,
    offered: 10,
    handled: 9,
    abandoned: 1,
  }));
  return Buffer.from(csv(lines));
}

/** A week's roster body whose solve runs long (10 minutes): still running when its process is killed. */
export const LONG_SOLVE = {
  weekStart: '2026-11-30',
  timeLimitSeconds: 600,
  demand: 'day-cover',
  dayCover: [
    { shiftTemplate: 'E', required: 5 },
    { shiftTemplate: 'L', required: 4 },
  ],
};
