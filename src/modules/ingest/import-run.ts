import type { z } from 'zod';
import { FieldError, renderMessage, type Message } from 'src/platform/errors/problem';
import { jobProgressTexts } from 'src/platform/jobs/job-progress-texts';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { zodErrorMap } from 'src/platform/i18n/zod-messages';
import { BatchChannel } from './batch-channel';
import type { TimeContext } from './kinds/cell-values';
import type { ImportKind, Lookups } from './kinds/import-kind';
import type { ImportRepository, StagingSession } from './import.repository';
import { RollbackImport } from './import.repository';
import { RejectedRows } from './import-report';
import { IngestProblems } from './ingest.problems';
import { cellProblems } from './readers/cell-checks';
import { isBlank } from './readers/required-columns';
import { csvRows } from './readers/csv-rows';
import type { SourceRow } from './readers/file-problem';
import { jsonRows } from './readers/json-rows';
import { detached } from './readers/shared-strings';
import { xlsxRows } from './readers/xlsx-rows';
import { copyLine } from './staging';
import { CellTexts } from './kinds/cell-texts';
import { fillText, text } from 'src/platform/i18n/locale';

export type ImportFormat = 'csv' | 'xlsx' | 'json';

export type RunInput = {
  shopId: string;
  importId: string;
  kind: ImportKind<unknown>;
  mode: 'all' | 'partial';
  format: ImportFormat;
  path: string;
  timeZone: string;
  attributionWindowDays: number;
  lookups: Lookups;
  limits: { maxRows: number; maxCellLength: number; maxUncompressedBytes: number };
  progress?: (percent: number, note: Message) => Promise<void>;
};

export type RunOutcome = {
  rows: number;
  inserted: number;
  updated: number;
  rejected: RejectedRows;
  stored: boolean;
  reattributed: number;
};

const BATCH_ROWS = 20_000;

/** A row's schema issues as cell errors; a required cell left blank is "required", whatever its type. */
const zodErrors = (error: z.ZodError, values: Record<string, unknown>, required: ReadonlySet<string>): FieldError[] =>
  error.issues.flatMap((i): FieldError[] => {
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: k, message: CellTexts.unknownColumn }));
    const field = i.path.map(String).join('.') || '(row)';
    if (required.has(field) && isBlank(values[field]))
      return [
        {
          field,
          message: renderMessage(IngestProblems.valueRequired.message(), currentLocale()),
          code: IngestProblems.valueRequired.code,
        },
      ];
    return [{ field, message: i.message }];
  });

async function* sourceRows(input: RunInput): AsyncGenerator<SourceRow[]> {
  const limits = { maxRows: input.limits.maxRows, maxCellLength: input.limits.maxCellLength };
  if (input.format === 'xlsx') {
    yield* xlsxRows(input.path, input.kind.columns, {
      ...limits,
      maxUncompressedBytes: input.limits.maxUncompressedBytes,
    });
  } else if (input.format === 'csv') {
    yield* csvRows(input.path, input.kind.columns, limits);
  } else {
    yield* jsonRows(input.path, input.kind.columns, limits);
  }
}

type Batch = { lines: string; count: number };

/**
 * One import, start to end, in one transaction: read and check rows (cells, the row schema,
 * codes, duplicate keys), COPY them in batches to staging and upsert each batch while the next is
 * being read. All-or-nothing with any rejection rolls everything back; partial keeps the good rows.
 */
export async function runImport(repository: ImportRepository, input: RunInput): Promise<RunOutcome> {
  const ctx: TimeContext = {
    timeZone: input.timeZone,
    earliest: new Date('2000-01-01T00:00:00Z'),
    latest: new Date(Date.now() + 2 * 86_400_000),
  };
  const schema = input.kind.rowSchema(ctx);
  // Zod's own messages (a wrong type, an unknown value) in the reader's language too.
  const parseOptions = { error: zodErrorMap(currentLocale()) };
  const required = new Set(input.kind.columns.filter((c) => c.required).map((c) => c.key));
  const rejected = new RejectedRows();
  const firstRowOfKey = new Map<string, number>();
  const span = { from: Infinity, to: -Infinity };
  const batches = new BatchChannel<Batch>(2);
  let rows = 0;

  /** Checks one row; returns its COPY line, or undefined when the row is refused. */
  const check = (source: SourceRow): string | undefined => {
    const problems = cellProblems(source.values, input.limits.maxCellLength);
    if (problems.length) return void rejected.add(source.row, problems);
    const parsed = schema.safeParse(source.values, parseOptions);
    if (!parsed.success) return void rejected.add(source.row, zodErrors(parsed.error, source.values, required));
    const key = input.kind.key(parsed.data);
    const first = firstRowOfKey.get(key);
    if (first !== undefined)
      return void rejected.add(source.row, [
        { field: input.kind.columns[0].key, message: fillText(CellTexts.duplicateRow, { first }) },
      ]);
    // Detached: a kept key would otherwise keep its whole chunk of the file alive.
    firstRowOfKey.set(detached(key), source.row);
    const staged = input.kind.stage(parsed.data, input.lookups);
    if ('errors' in staged) return void rejected.add(source.row, staged.errors);
    const at = input.kind.attributionTime?.(parsed.data).getTime();
    if (at !== undefined) {
      span.from = Math.min(span.from, at);
      span.to = Math.max(span.to, at);
    }
    return copyLine(source.row, staged.values);
  };

  const readAll = async () => {
    let lines: string[] = [];
    for await (const batch of sourceRows(input)) {
      if (input.progress && Math.floor((rows + batch.length) / 100_000) > Math.floor(rows / 100_000)) {
        await input.progress(Math.min(90, 5 + Math.log10(rows + batch.length) * 10), {
          template: jobProgressTexts.rowsRead,
          params: { rows: rows + batch.length },
        });
      }
      rows += batch.length;
      for (const source of batch) {
        const line = check(source);
        if (line) lines.push(line);
      }
      if (lines.length >= BATCH_ROWS) {
        await batches.push({ lines: lines.join(''), count: lines.length });
        lines = [];
      }
    }
    if (lines.length) await batches.push({ lines: lines.join(''), count: lines.length });
  };

  const store = async (staging: StagingSession) => {
    const counts = { inserted: 0, updated: 0 };
    for await (const batch of batches) {
      // All-or-nothing and already refused: keep reading only to report every bad row.
      if (input.mode === 'all' && rejected.count > 0 && input.kind.kind !== 'ratings') continue;
      await staging.copyBatch(batch.lines);
      if (input.kind.kind === 'ratings') {
        const unknown = await staging.unknownSessions(input.shopId);
        for (const u of unknown)
          rejected.add(u.row, [
            { field: 'sessionId', message: fillText(CellTexts.unknownSession, { value: u.sessionId }) },
          ]);
        await staging.discard(unknown.map((u) => u.row));
      }
      const c = await staging.upsertBatch(input.shopId, input.importId);
      counts.inserted += c.inserted;
      counts.updated += c.updated;
    }
    return counts;
  };

  try {
    return await repository.withStaging(input.kind.kind, async (staging) => {
      const reading = readAll().then(
        () => batches.close(),
        (e: unknown) => batches.fail(e),
      );
      let counts: { inserted: number; updated: number };
      try {
        counts = await store(staging);
      } catch (e) {
        batches.abandon();
        throw e;
      } finally {
        await reading;
      }
      if (input.mode === 'all' && rejected.count > 0) throw new RollbackImport();
      await input.progress?.(95, text('attributing orders', '正在归属订单'));
      let reattributed = 0;
      if (span.from <= span.to) {
        const reach = (input.attributionWindowDays + 2) * 86_400_000;
        const sessions = input.kind.kind === 'sessions';
        reattributed = await staging.attribute(
          input.shopId,
          input.timeZone,
          input.attributionWindowDays,
          new Date(sessions ? span.from : span.from - reach),
          new Date(sessions ? span.to + reach : span.to),
        );
      }
      return { rows, ...counts, rejected, stored: true, reattributed };
    });
  } catch (e) {
    if (e instanceof RollbackImport) return { rows, inserted: 0, updated: 0, rejected, stored: false, reattributed: 0 };
    throw e;
  }
}
