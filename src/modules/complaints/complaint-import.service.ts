import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { renderedErrors } from 'src/platform/errors/problem';
import { RequestProblems } from 'src/platform/http/request.problems';
import { fieldErrors } from 'src/platform/http/validation';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { zodErrorMap } from 'src/platform/i18n/zod-messages';
import { ComplaintProblems, IntakeChecks } from './complaints.problems';
import { importedTextFlaw } from 'src/platform/text/spreadsheet-text';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { isBlank } from 'src/modules/ingest/readers/required-columns';
import { COMPLAINT_REQUIRED_COLUMNS, ComplaintIntakeBody } from './complaint.dto';
import { ComplaintIntake, IntakeRow, RowRejection } from './complaint-intake.service';

export type ComplaintImportReport = {
  mode: 'all' | 'partial';
  rows: number;
  inserted: number;
  /** Rows whose externalId the shop already has: a re-import adds nothing. */
  skipped: number;
  rejected: number;
  errors: ReturnType<typeof renderedErrors<RowRejection>>;
};

/**
 * Many complaints at once, each row checked by the intake schema of POST /complaints. All or
 * nothing by default (422 listing every rejected row); `partial` stores the good rows in one
 * transaction and lists the rest.
 */
@Injectable()
export class ComplaintImport {
  constructor(
    private readonly db: Db,
    private readonly intake: ComplaintIntake,
  ) {}

  async import(
    actor: Actor,
    mode: 'all' | 'partial',
    input: { row: number; value: unknown }[],
  ): Promise<ComplaintImportReport> {
    const rejected: RowRejection[] = [];
    const valid: IntakeRow[] = [];
    const seen = new Map<string, number>();
    for (const { row, value } of input) {
      // The rule every import applies to text (a leading = + - @ is text like any other).
      const flawed = Object.entries(typeof value === 'object' && value ? value : {}).find(
        ([, v]) => typeof v === 'string' && importedTextFlaw(v),
      );
      if (flawed) {
        const [field, text] = flawed as [string, string];
        const problem =
          importedTextFlaw(text) === 'nul' ? RequestProblems.nulCharacter : RequestProblems.unpairedSurrogate;
        rejected.push({ row, field, message: problem.message({ field }), code: problem.code });
        continue;
      }
      const parsed = ComplaintIntakeBody.safeParse(value, { error: zodErrorMap(currentLocale()) });
      if (!parsed.success) {
        rejected.push(...fieldErrors(parsed.error, undefined, row).map((e) => requiredIfBlank({ ...e, row }, value)));
        continue;
      }
      const externalId = parsed.data.externalId;
      if (externalId && seen.has(externalId)) {
        rejected.push({
          row,
          field: 'externalId',
          message: { template: IntakeChecks.repeatedExternalId, params: { externalId, row: seen.get(externalId) } },
        });
        continue;
      }
      if (externalId) seen.set(externalId, row);
      valid.push({ row, body: parsed.data });
    }
    const prepared = await this.intake.prepare(actor, valid);
    rejected.push(...prepared.rejected);
    rejected.sort((a, b) => a.row - b.row);
    const rejectedRows = new Set(rejected.map((e) => e.row)).size;
    const report = (inserted: number): ComplaintImportReport => ({
      mode,
      rows: input.length,
      inserted,
      skipped: prepared.ready.length - inserted,
      rejected: rejectedRows,
      errors: renderedErrors(rejected),
    });
    if (mode === 'all' && rejectedRows) {
      throw ComplaintProblems.importRefused(
        { rejected: rejectedRows, rows: input.length },
        { errors: rejected, extra: { report: { ...report(0), skipped: 0 } } },
      );
    }
    const ids = await this.db.transaction(() =>
      this.intake.store(
        actor,
        prepared.ready.map((r) => r.values),
      ),
    );
    return report(ids.length);
  }
}

/** A required column left blank in a row is "required", not whatever its type would have said. */
function requiredIfBlank<E extends { field: string; message: unknown; code?: string }>(error: E, value: unknown): E {
  const cell = value && typeof value === 'object' ? (value as Record<string, unknown>)[error.field] : undefined;
  if (!COMPLAINT_REQUIRED_COLUMNS.includes(error.field) || !isBlank(cell)) return error;
  return { ...error, message: IngestProblems.valueRequired.message(), code: IngestProblems.valueRequired.code };
}
