import fc from 'fast-check';
import { CsvRecords } from './csv-records';

const parseAll = (chunks: string[]) => {
  const parser = new CsvRecords();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
};

const encode = (records: string[][], eol: string) =>
  records.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join(eol) + eol;

describe('CsvRecords', () => {
  it('reads plain, quoted, escaped and multi-line cells', () => {
    expect(parseAll(['a,b,c\n1,"x, y","say ""hi"""\r\n2,"line1\nline2",\n'])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line1\nline2', ''],
    ]);
  });

  it('keeps the last line without a line break and skips empty lines', () => {
    expect(parseAll(['a,b\n\n1,2'])).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('refuses a file that ends inside quotes', () => {
    expect(() => parseAll(['a\n"open'])).toThrow(/inside a quoted cell/);
  });

  it('gives the same records however the text is cut into chunks (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', '\n', '\r\n', 'a"b', ' '));
    const record = fc.array(cell, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 6 }), (records, eol, cuts) => {
        const text = encode(records, eol);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
        expect(parseAll(chunks)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});
