/**
 * RFC 4180 records from text chunks: commas, double-quoted cells with "" escapes and line breaks,
 * CRLF or LF. Hand-written because the general-purpose parser was the slowest part of a large
 * import; lines without quotes take a split-based fast path.
 */
export class CsvRecords {
  private carry = '';
  private record: string[] = [];
  private cell = '';
  private inQuotes = false;
  private quotedCell = false;

  /** Complete records found in the text so far (the incomplete tail is kept for the next chunk). */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    const text = this.carry + chunk;
    this.carry = '';
    let pos = 0;
    while (pos < text.length) {
      if (!this.inQuotes && this.cell === '' && this.record.length === 0 && !this.quotedCell) {
        const end = text.indexOf('\n', pos);
        if (end < 0) break;
        const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
        if (line.indexOf('"') < 0) {
          if (line.length) out.push(line.split(','));
          pos = end + 1;
          continue;
        }
      }
      pos = this.scan(text, pos, out);
      if (pos < 0) break;
    }
    if (pos >= 0 && pos < text.length) this.carry = text.slice(pos);
    return out;
  }

  /** Whatever is left at the end of the file (a last line without a line break). */
  end(): string[][] {
    const out = this.carry ? this.push('\n') : [];
    if (this.inQuotes) throw new Error('the file ends inside a quoted cell');
    if (this.cell !== '' || this.record.length) {
      this.record.push(this.cell);
      out.push(this.record);
      this.record = [];
      this.cell = '';
    }
    return out;
  }

  /** Character by character through one record that has quotes; returns where it stopped, or -1. */
  private scan(text: string, start: number, out: string[][]): number {
    let i = start;
    while (i < text.length) {
      const c = text[i];
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.cell += text.slice(i);
          return -1;
        }
        if (q + 1 >= text.length) {
          this.cell += text.slice(i, q);
          this.carry = '"';
          return -1;
        }
        this.cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          this.cell += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
      } else if (c === '"' && this.cell === '') {
        this.inQuotes = true;
        this.quotedCell = true;
        i++;
      } else if (c === ',') {
        this.record.push(this.cell);
        this.cell = '';
        this.quotedCell = false;
        i++;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && i + 1 >= text.length) {
          this.carry = '\r';
          return -1;
        }
        this.record.push(this.cell);
        if (this.record.length > 1 || this.record[0] !== '' || this.quotedCell) out.push(this.record);
        this.record = [];
        this.cell = '';
        this.quotedCell = false;
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        return i;
      } else {
        this.cell += c;
        i++;
      }
    }
    return -1;
  }
}
