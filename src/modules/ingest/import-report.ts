import type { FieldError } from 'src/platform/errors/problem';

export const MAX_REPORTED_ERRORS = 1000;

export type RowError = FieldError & { row: number };

/** Every rejected row is counted; the first MAX_REPORTED_ERRORS are listed with row, column and reason. */
export class RejectedRows {
  readonly listed: RowError[] = [];
  private readonly rows = new Set<number>();

  add(row: number, errors: FieldError[]): void {
    this.rows.add(row);
    for (const e of errors) if (this.listed.length < MAX_REPORTED_ERRORS) this.listed.push({ ...e, row });
  }

  get count(): number {
    return this.rows.size;
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }
}

export type ImportReport = {
  importId: string;
  kind: string;
  mode: 'all' | 'partial';
  status: 'completed' | 'rejected';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  errorsTruncated: boolean;
  /** Orders whose attributed agent changed because of this import. */
  reattributed: number;
};
