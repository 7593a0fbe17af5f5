import { text } from 'src/platform/i18n/locale';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { FileProblem, megabytes } from './file-problem';

/** What one part of a workbook may take once unpacked. */
export type PartRules = {
  /** Bytes the part may unpack to. */
  maxBytes: number;
  /**
   * The longest stretch the XML parser holds at once: a text, a tag with its attributes, a comment,
   * a CDATA section. Excel's own cell limit (32,767 characters) is far below it.
   */
  maxRun: number;
  /** Sheets only: the most bytes one row may take (the row's cells are held until it ends). */
  maxRowBytes?: number;
  /** Sheets only: go on past `</sheetData>` (for what follows the data, such as merged ranges). */
  pastData?: boolean;
};

/** Bytes unpacked so far across every part of one workbook, against the workbook's limit. */
export type UnpackedBudget = { limit: number; used: number };

const LT = 0x3c;
const ROW = Buffer.from('<row');
const SHEET_DATA_END = Buffer.from('</sheetData>');
const OPENERS: [Buffer, Buffer][] = [
  [Buffer.from('<!--'), Buffer.from('-->')],
  [Buffer.from('<![CDATA['), Buffer.from(']]>')],
  [Buffer.from('<?'), Buffer.from('?>')],
];

/**
 * Counts a part's bytes as they come out of the inflater and checks them before the XML parser
 * sees them: the workbook's and the part's size (headers that understate them are not believed),
 * and every stretch the parser would have to hold whole. A sheet ends at `</sheetData>`: nothing
 * after it is data.
 */
export class XmlPartGuard {
  private bytes = 0;
  /** Bytes of the previous chunk that may begin a marker (`<row`, `<!--`, …) cut by the chunk's end. */
  private tail: Buffer = Buffer.alloc(0);
  private lastLt = 0;
  private lastRow = 0;
  private lastRowNumber = 0;
  private special?: { end: Buffer; at: number };
  private ended = false;
  /** A sheet's data has ended and the rest is read on (rules.pastData): rows are no longer counted. */
  private afterData = false;

  constructor(
    private readonly part: string,
    private readonly rules: PartRules,
    private readonly budget: UnpackedBudget,
  ) {}

  /** A sheet's data has ended: the rest of the part need not be unpacked. */
  get finished(): boolean {
    return this.ended;
  }

  /** Checks the next chunk; returns the part of it the parser should see (empty once a sheet's data ended). */
  check(chunk: Buffer): Buffer {
    if (this.ended) return chunk.subarray(0, 0);
    this.budget.used += chunk.length;
    this.bytes += chunk.length;
    if (this.budget.used > this.budget.limit)
      throw new FileProblem(IngestProblems.unpacksTo, { limit: megabytes(this.budget.limit) });
    if (this.bytes > this.rules.maxBytes)
      throw new FileProblem(IngestProblems.partUnpacksTo, { part: this.part, limit: megabytes(this.rules.maxBytes) });
    const view = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const base = this.bytes - view.length;
    let i = 0;
    while (i < view.length) {
      if (this.special) {
        const end = view.indexOf(this.special.end, i);
        const reach = (end < 0 ? view.length : end) + base - this.special.at;
        if (reach > this.rules.maxRun) throw this.tooLong();
        if (end < 0) break;
        i = end + this.special.end.length;
        this.lastLt = base + i;
        this.special = undefined;
        continue;
      }
      const open = this.nextOpener(view, i);
      const stop = open < 0 ? view.length : open;
      this.checkRuns(view, i, stop, base);
      if (this.rules.maxRowBytes !== undefined && !this.afterData) {
        const dataEnd = view.indexOf(SHEET_DATA_END, i);
        if (dataEnd >= 0 && dataEnd < stop) {
          this.checkRows(view, i, dataEnd, base);
          if (this.rules.pastData) {
            this.afterData = true;
          } else {
            this.ended = true;
            const cut = base + dataEnd + SHEET_DATA_END.length - (this.bytes - chunk.length);
            return chunk.subarray(0, Math.max(0, cut));
          }
        } else {
          this.checkRows(view, i, stop, base);
        }
      }
      if (open < 0) break;
      const opener = OPENERS.find(
        ([start]) => view.length - open >= start.length && view.subarray(open, open + start.length).equals(start),
      );
      if (!opener) {
        if (view.length - open < 9) break; // maybe cut by the chunk's end: decided with the next chunk
        throw new FileProblem(IngestProblems.doctype, { part: this.part });
      }
      this.special = { end: opener[1], at: base + open };
      i = open + opener[0].length;
    }
    this.tail = this.keep(view);
    return chunk;
  }

  /** `<!` or `<?` from `from` on, or -1. */
  private nextOpener(view: Buffer, from: number): number {
    const bang = view.indexOf('<!', from);
    const question = view.indexOf('<?', from);
    if (bang < 0) return question;
    return question < 0 ? bang : Math.min(bang, question);
  }

  /** No gap between two `<` in [from, to) is longer than maxRun, counting from the last one before. */
  private checkRuns(view: Buffer, from: number, to: number, base: number): void {
    const tooLong = () => this.tooLong();
    this.walk(
      view,
      LT,
      from,
      to,
      base,
      this.rules.maxRun,
      () => this.lastLt,
      (at) => (this.lastLt = base + at),
      tooLong,
    );
    if (base + to - this.lastLt > this.rules.maxRun) throw tooLong();
  }

  /** No row in [from, to) takes more than maxRowBytes, counting from the last `<row` before. */
  private checkRows(view: Buffer, from: number, to: number, base: number): void {
    const max = this.rules.maxRowBytes!;
    const seen = (at: number) => {
      this.lastRow = base + at;
      const number = /^<row\b[^>]*?\sr="(\d+)"/.exec(view.toString('latin1', at, Math.min(view.length, at + 64)));
      this.lastRowNumber = number ? Number(number[1]) : 0;
    };
    this.walk(
      view,
      ROW,
      from,
      to,
      base,
      max,
      () => this.lastRow,
      seen,
      () => this.rowTooLarge(max),
    );
    if (base + to - this.lastRow > max) throw this.rowTooLarge(max);
  }

  /**
   * Checks the distance between successive markers starting in [from, to), the first against the
   * one before (`previous`), and reports the last one as seen. Only a chunk longer than `max` can
   * hide a long gap between two of its own markers, so only such a chunk is walked marker by marker.
   */
  private walk(
    view: Buffer,
    marker: Buffer | number,
    from: number,
    to: number,
    base: number,
    max: number,
    previous: () => number,
    seen: (at: number) => void,
    problem: () => FileProblem,
  ): void {
    const first = view.indexOf(marker, from);
    if (first < 0 || first >= to) return;
    if (base + first - previous() > max) throw problem();
    const last = view.lastIndexOf(marker, to - 1);
    if (last - first > max) {
      for (
        let at = first, next = view.indexOf(marker, first + 1);
        next >= 0 && next <= last;
        at = next, next = view.indexOf(marker, next + 1)
      ) {
        seen(at);
        if (next - at > max) throw problem();
      }
    }
    seen(last);
  }

  /** The end of the view that may be the start of a marker the next chunk completes. */
  private keep(view: Buffer): Buffer {
    if (this.special) return Buffer.from(view.subarray(Math.max(0, view.length - this.special.end.length + 1)));
    const lt = view.lastIndexOf(LT);
    return lt >= 0 && view.length - lt < SHEET_DATA_END.length ? Buffer.from(view.subarray(lt)) : Buffer.alloc(0);
  }

  private tooLong(): FileProblem {
    return new FileProblem(IngestProblems.runTooLong, { part: this.part, limit: megabytes(this.rules.maxRun) });
  }

  private rowTooLarge(max: number): FileProblem {
    const n = this.lastRowNumber;
    const where =
      this.lastRow === 0
        ? text('what comes before the first row', '第一行之前的内容')
        : n
          ? text(`row ${n}`, `第 ${n} 行`)
          : text('a row', '某一行');
    return new FileProblem(IngestProblems.rowTooLarge, { where, limit: megabytes(max) }, n || undefined);
  }
}
