import fc from 'fast-check';
import { CsvRecords, CsvRecordTooLong } from './csv-records';

const parseAll = (chunks: string[]) => {
  const parser = new CsvRecords();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
};

const encode = (records: string[][], eol: string) =>
  records
    .map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join(eol) + eol;

describe('CsvRecords', () => {
  it('reads plain, quoted, escaped and multi-line cells', () => {
    expect(parseAll(['a,b,c\n1,"x, y","say ""hi"""\r\n2,"line1\nline2",\n'])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line1\nline2', ''],
    ]);
  });

  it('keeps the last line without a line break and skips empty lines', () => {
    expect(parseAll(['a,b\n\n1,2'])).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses a file that ends inside quotes', () => {
    expect(() => parseAll(['a\n"open'])).toThrow(/inside a quoted cell/);
  });

  it('gives the same records however the text is cut into chunks (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', '\n', '\r\n', 'a"b', ' '));
    const record = fc.array(cell, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, eol, cuts) => {
          const text = encode(records, eol);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, text.length]
            .slice(1)
            .map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
          expect(parseAll(chunks)).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CsvRecords on one very long record', () => {
  const CHUNK = 1 << 16;
  const feed = (parser: CsvRecords, text: string) => {
    const out: string[][] = [];
    for (let at = 0; at < text.length; at += CHUNK) out.push(...parser.push(text.slice(at, at + CHUNK)));
    return [...out, ...parser.end()];
  };

  it('looks at each character a bounded number of times, however long the line (20 MB, no line break)', () => {
    for (const cell of ['x'.repeat(20 * 2 ** 20), `"${'y'.repeat(10 * 2 ** 20)}\n${'z'.repeat(10 * 2 ** 20)}"`]) {
      const text = `a,b\n1,${cell}`;
      const parser = new CsvRecords();
      const records = feed(parser, text);
      expect(records.map((r) => r.map((c) => c.length))).toEqual([
        [1, 1],
        [1, cell.replace(/"/g, '').length],
      ]);
      // Today's parser re-joined and re-scanned the unfinished record per chunk: ~length²/(2·chunk).
      expect(parser.scanned).toBeLessThanOrEqual(2 * text.length);
    }
  });

  it('refuses a record longer than the limit, naming it, without holding more than the limit', () => {
    const parser = new CsvRecords(1000);
    expect(() => feed(parser, `a,b\n1,2\n3,${'x'.repeat(5000)}\n`)).toThrow(new CsvRecordTooLong(3, 1000));
    expect(() => feed(new CsvRecords(1000), `a,b\n"${'q'.repeat(999)}","more"\n`)).toThrow(
      expect.objectContaining({ record: 2 }),
    );
    expect(feed(new CsvRecords(1000), `a,b\n1,${'x'.repeat(990)}\n`)).toHaveLength(2);
  });
});
