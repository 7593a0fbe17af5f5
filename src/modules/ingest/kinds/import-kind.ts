import type { z } from 'zod';
import type { FieldError } from 'src/platform/errors/problem';
import type { TimeContext } from './cell-values';
import { fillText, type Text } from 'src/platform/i18n/locale';
import { CellTexts } from './cell-texts';

export const IMPORT_KINDS = ['queues', 'volume', 'sessions', 'orders', 'ratings', 'agent-states'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/** A column of an import file; the template shows `zh (key)` and files may use either label. */
export type Column = { key: string; zh: string; en: string; example: string | number | boolean; required: boolean };

/** What a row may refer to, loaded once per import for the shop. */
export type Lookups = {
  agentIdByEmployeeNo: Map<string, string>;
  queueIdByCode: Map<string, string>;
  skillIdByCode: Map<string, string>;
  /** Keyed hash of a customer key; raw keys are never stored. */
  customerHash: (rawKey: string) => string;
};

/** A staged value, written to PostgreSQL with COPY. */
export type StagedValue = string | number | boolean | Date | null;

export type ImportKind<Row> = {
  kind: ImportKindName;
  columns: Column[];
  rowSchema: (ctx: TimeContext) => z.ZodType<Row>;
  /** The natural key inside the shop: the same key twice in one file is refused. */
  key: (row: Row) => string;
  /** Codes to ids and raw keys to hashes; errors name the column. */
  stage: (row: Row, lookups: Lookups) => { values: StagedValue[] } | { errors: FieldError[] };
  /** The instant that decides which orders to re-attribute (sessions, orders). */
  attributionTime?: (row: Row) => Date;
};

export const unknownCode = (field: string, value: string, what: Text): { errors: FieldError[] } => ({
  errors: [{ field, message: fillText(CellTexts.unknownCode, { what, value }) }],
});
