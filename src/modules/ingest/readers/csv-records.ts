/** A record longer than a record may be: `record` is its number in the file (the header is 1). */
export class CsvRecordTooLong extends Error {
  constructor(
    readonly record: number,
    readonly limit: number,
  ) {
    super(`record ${record} is longer than ${limit} characters`);
  }
}

/** The file ended inside a quoted cell. */
export class CsvEndsInQuotes extends Error {}

/** The characters that end an unquoted stretch of a cell. */
const SPECIAL = /[,"\r\n]/g;
const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 records from text chunks: commas, double-quoted cells with "" escapes and line breaks,
 * CRLF or LF. Hand-written because the general-purpose parser was the slowest part of a large
 * import; lines without quotes take a split-based fast path. Every character is looked at a
 * bounded number of times, however long a record is and however it is cut into chunks: an
 * unfinished record is kept as its cells' pieces and never re-joined or re-scanned.
 */
export class CsvRecords {
  /** At most one character held back for the next chunk (a quote or CR whose meaning it decides). */
  private carry = '';
  private record: string[] = [];
  private pieces: string[] = [];
  private cellLength = 0;
  private recordLength = 0;
  private inQuotes = false;
  private quotedCell = false;
  private recordQuoted = false;
  /** Records finished so far (the header included), to name the one that is too long. */
  private records = 0;
  /** Characters examined so far: the work done, which stays linear in the text's length. */
  scanned = 0;

  constructor(private readonly maxRecordLength = Number.POSITIVE_INFINITY) {}

  /** Complete records found in the text so far (the unfinished one is kept for the next chunk). */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    const text = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    let pos = 0;
    while (pos < text.length) {
      if (this.atRecordStart()) {
        const end = text.indexOf('\n', pos);
        if (end >= 0) {
          const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end);
          this.scanned += end + 1 - pos;
          if (line.indexOf('"') < 0) {
            if (line.length > this.maxRecordLength) throw new CsvRecordTooLong(this.records + 1, this.maxRecordLength);
            if (line.length) {
              out.push(line.split(','));
              this.records++;
            }
            pos = end + 1;
            continue;
          }
        } else {
          this.scanned += text.length - pos;
        }
      }
      pos = this.scan(text, pos, out);
      if (pos < 0) break;
    }
    return out;
  }

  /** Whatever is left at the end of the file (a last line without a line break). */
  end(): string[][] {
    const out = this.carry ? this.push('\n') : [];
    if (this.inQuotes) throw new CsvEndsInQuotes('the file ends inside a quoted cell');
    if (this.cellLength || this.record.length) {
      this.endCell();
      this.endRecord(out);
    }
    return out;
  }

  private atRecordStart(): boolean {
    return !this.inQuotes && this.cellLength === 0 && this.record.length === 0 && !this.quotedCell;
  }

  private append(piece: string): void {
    this.pieces.push(piece);
    this.cellLength += piece.length;
    this.recordLength += piece.length;
    if (this.recordLength > this.maxRecordLength) throw new CsvRecordTooLong(this.records + 1, this.maxRecordLength);
  }

  private endCell(): void {
    this.record.push(this.pieces.length === 1 ? this.pieces[0] : this.pieces.join(''));
    this.recordQuoted ||= this.quotedCell;
    this.pieces = [];
    this.cellLength = 0;
    this.quotedCell = false;
  }

  private endRecord(out: string[][]): void {
    // A blank line is no record; a line holding just "" is one.
    if (this.record.length > 1 || this.record[0] !== '' || this.recordQuoted) {
      out.push(this.record);
      this.records++;
    }
    this.record = [];
    this.recordLength = 0;
    this.recordQuoted = false;
  }

  /** Through one record that has quotes, stretch by stretch; returns where it stopped, or -1. */
  private scan(text: string, start: number, out: string[][]): number {
    let i = start;
    while (i < text.length) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.scanned += text.length - i;
          this.append(text.slice(i));
          return -1;
        }
        this.scanned += q + 1 - i;
        if (q > i) this.append(text.slice(i, q));
        if (q + 1 >= text.length) {
          this.carry = '"'; // an escaped quote or the cell's end: the next chunk tells
          return -1;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.append('"');
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      SPECIAL.lastIndex = i;
      const found = SPECIAL.exec(text);
      const at = found ? found.index : text.length;
      this.scanned += at - i + (found ? 1 : 0);
      if (at > i) this.append(text.slice(i, at));
      if (!found) return -1;
      const c = text.charCodeAt(at);
      if (c === QUOTE) {
        if (this.cellLength === 0) {
          this.inQuotes = true;
          this.quotedCell = true;
        } else {
          this.append('"');
        }
        i = at + 1;
      } else if (c === COMMA) {
        this.endCell();
        i = at + 1;
      } else {
        if (c === CR && at + 1 >= text.length) {
          this.carry = '\r'; // CRLF or a lone CR: the next chunk tells
          return -1;
        }
        this.endCell();
        this.endRecord(out);
        return at + (c === CR && text.charCodeAt(at + 1) === LF ? 2 : 1);
      }
    }
    return -1;
  }
}
