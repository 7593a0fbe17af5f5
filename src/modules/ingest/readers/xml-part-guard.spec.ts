import fc from 'fast-check';
import { FileProblem } from './file-problem';
import { PartRules, XmlPartGuard } from './xml-part-guard';

const rules: PartRules = { maxBytes: 100_000, maxRun: 100, maxRowBytes: 400 };

/** What the guard passes on when the text arrives in chunks of `size` bytes. */
function feed(text: string, size: number, r: PartRules = rules, budget = { limit: 1_000_000, used: 0 }): string {
  const guard = new XmlPartGuard('xl/worksheets/sheet1.xml', r, budget);
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length && !guard.finished; at += size)
    out.push(guard.check(bytes.subarray(at, at + size)));
  return Buffer.concat(out).toString();
}

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FileProblem) return `${e.status} ${e.message}`;
    throw e;
  }
  return 'accepted';
};

const row = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
const sheet = (rows: string, after = '<mergeCells count="0"/>') =>
  `<?xml version="1.0"?><worksheet><!-- made by hand --><sheetData>${rows}</sheetData>${after}</worksheet>`;

describe('XmlPartGuard', () => {
  it('passes a sheet through unchanged up to the end of its data, however it is cut into chunks', () => {
    const text = sheet(
      [row(1, ['客服', 'queue']), row(2, ['售前', '<![CDATA[x]]>'.replace(/[<>]/g, '_')])].join(''),
      `<![CDATA[${'<'.repeat(50)}]]><?pi x?>`,
    );
    const data = text.slice(0, text.indexOf('</sheetData>') + '</sheetData>'.length);
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), (size) => feed(text, size) === data));
  });

  it('reads on past the data when asked (merged ranges follow it), rows no longer counted, runs still checked', () => {
    const after = `<mergeCells count="1"><mergeCell ref="C5:D5"/></mergeCells>${'<pageMargins/>'.repeat(40)}`;
    const text = sheet(row(1, ['客服']), after);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (size) => feed(text, size, { ...rules, pastData: true }) === text),
    );
    expect(
      problem(() => feed(sheet(row(1, ['a']), `<x a="${'1'.repeat(120)}"/>`), 16, { ...rules, pastData: true })),
    ).toMatch(/^422 .*a text, tag or comment longer/);
  });

  it('refuses a text, tag or attribute longer than the longest run, even a byte at a time', () => {
    for (const size of [1, 7, 64, 10_000]) {
      expect(problem(() => feed(sheet(row(1, ['x'.repeat(101)])), size))).toMatch(
        /^422 .*holds a text, tag or comment longer than/,
      );
      expect(problem(() => feed(sheet(`<row r="1" spans="${'1'.repeat(120)}"></row>`), size))).toMatch(
        /^422 .*a text, tag or comment longer/,
      );
      expect(feed(sheet(row(1, ['x'.repeat(90)])), size)).toContain('x'.repeat(90));
    }
  });

  it('refuses comments and CDATA sections longer than the longest run, whatever they hold', () => {
    for (const size of [1, 5, 4096]) {
      expect(problem(() => feed(`<a><!--${'<b>'.repeat(40)}--></a>`, size, { maxBytes: 10_000, maxRun: 100 }))).toMatch(
        /^422 .*a text, tag or comment longer/,
      );
      expect(
        problem(() => feed(`<a><![CDATA[${'<'.repeat(101)}]]></a>`, size, { maxBytes: 10_000, maxRun: 100 })),
      ).toMatch(/^422 .*a text, tag or comment longer/);
      expect(problem(() => feed(`<a><?x ${'<'.repeat(101)}?></a>`, size, { maxBytes: 10_000, maxRun: 100 }))).toMatch(
        /^422 /,
      );
      expect(feed(`<a><!--${'<'.repeat(90)}--></a>`, size, { maxBytes: 10_000, maxRun: 100 })).toContain(
        '<'.repeat(90),
      );
    }
  });

  it('refuses a document type declaration (entity expansion never reaches the parser)', () => {
    expect(problem(() => feed('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>', 3))).toMatch(
      /^422 .*document type declaration/,
    );
  });

  it('names a row that takes more than a row may, and refuses an oversized prelude before the first row', () => {
    const wide = (r: number) =>
      row(
        r,
        Array.from({ length: 8 }, () => 'y'.repeat(60)),
      );
    for (const size of [1, 33, 100_000]) {
      expect(problem(() => feed(sheet([row(1, ['a']), row(2, ['b']), wide(3), row(4, ['c'])].join('')), size))).toBe(
        '422 In the sheet, row 3 takes more than 0 MB unpacked; rows may not be that large',
      );
      expect(
        problem(() =>
          feed(
            `<worksheet><cols>${'<col min="1" max="1"/>'.repeat(30)}</cols><sheetData>${row(1, ['a'])}</sheetData></worksheet>`,
            size,
          ),
        ),
      ).toMatch(/what comes before the first row takes more than/);
    }
  });

  it('counts every byte against the part’s and the workbook’s limits', () => {
    const text = sheet(Array.from({ length: 50 }, (_, i) => row(i + 1, ['z'.repeat(50)])).join(''));
    expect(problem(() => feed(text, 512, { ...rules, maxBytes: 2000 }))).toBe(
      '413 The workbook part xl/worksheets/sheet1.xml unpacks to more than 0 MB',
    );
    const budget = { limit: 3000, used: 2000 };
    expect(problem(() => feed(text, 512, rules, budget))).toBe('413 The workbook unpacks to more than 0 MB');
    expect(budget.used).toBeLessThanOrEqual(3000 + 512);
  });
});
