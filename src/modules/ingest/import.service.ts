import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { DEFAULT_LOCALE, isLocale, text } from 'src/platform/i18n/locale';
import { AppError, renderMessage, type Message } from 'src/platform/errors/problem';
import { currentLocale, withLocale } from 'src/platform/i18n/request-locale';
import { JobContext, UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { JobHandler, OnRunFailed } from 'src/platform/jobs/job-handler.decorator';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { accepted, Accepted } from 'src/platform/jobs/jobs.service';
import { IntradayForecastService } from 'src/modules/forecast/intraday.service';
import { ShopService } from 'src/modules/org/shop.service';
import { CustomerKeyHasher } from './customer-key';
import { importFileJob } from './import.jobs';
import { ImportRecord, ImportRepository } from './import.repository';
import { ImportReport, MAX_REPORTED_ERRORS } from './import-report';
import { ImportFormat, runImport } from './import-run';
import { importKinds } from './kinds';
import type { ImportKindName } from './kinds/import-kind';
import { IngestProblems } from './ingest.problems';
import { FileProblem } from './readers/file-problem';
import { OpenedUpload, UploadStore } from './upload-store';

export type Upload = { path: string; originalName: string; size: number };

const checksum = (path: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(`sha256:${hash.digest('hex')}`))
      .on('error', reject);
  });

export function formatOf(fileName: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  throw IngestProblems.fileType({
    ext,
    accepted: text('.csv (UTF-8), .xlsx or .json', '.csv（UTF-8）、.xlsx 或 .json'),
  });
}

/** Imports of operational facts: small files inside the request, large ones as a job. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('ImportService');

  constructor(
    private readonly imports: ImportRepository,
    private readonly shops: ShopService,
    private readonly hasher: CustomerKeyHasher,
    private readonly queue: JobQueue,
    private readonly uploads: UploadStore,
    private readonly intraday: IntradayForecastService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Imports an upload within the request or hands it to a job. Whatever refuses or fails it here
   * also removes the file: only an import a job will still run keeps its upload.
   */
  async importUpload(
    actor: Actor,
    kind: ImportKindName,
    mode: 'all' | 'partial',
    upload: Upload,
  ): Promise<ImportReport | Accepted> {
    let record: ImportRecord | undefined;
    let stored = upload.path;
    try {
      const format = formatOf(upload.originalName);
      const inRequest = upload.size <= this.config.importSyncMaxBytes;
      const sum = await checksum(upload.path);
      // A job may run on another host: its upload goes where every process can read it.
      if (!inRequest) stored = await this.uploads.keep(actor.shopId, upload.path);
      record = await this.imports.createRecord({
        shopId: actor.shopId,
        kind,
        fileName: upload.originalName.slice(0, 200),
        format,
        mode,
        checksum: sum,
        status: 'queued',
        createdBy: actor.userId,
        storedFile: stored,
      });
      if (inRequest) return await this.execute(record);
      const { run } = await this.queue.enqueue(
        importFileJob,
        { shopId: actor.shopId, importId: record.id },
        { requestedBy: actor.userId },
      );
      await this.imports.updateRecord(record.id, { jobRunId: run.id });
      return accepted(run);
    } catch (e) {
      await this.uploads.discard(stored);
      if (record && !(e instanceof AppError)) {
        await this.imports
          .updateRecord(record.id, { status: 'failed', storedFile: null, finishedAt: new Date() })
          .catch(() => undefined);
      }
      throw e;
    }
  }

  /** Rows pushed as JSON (`POST /volume`, `POST /agent-states`): stored like an uploaded .json file of the kind. */
  async importPushed(
    actor: Actor,
    kind: ImportKindName,
    mode: 'all' | 'partial',
    body: { rows: unknown[] },
  ): Promise<ImportReport | Accepted> {
    const json = JSON.stringify(body);
    const path = join(this.uploads.landingFolder, `${randomUUID()}-${kind}-push.json`);
    await writeFile(path, json);
    return this.importUpload(actor, kind, mode, {
      path,
      originalName: `${kind}-push.json`,
      size: Buffer.byteLength(json),
    });
  }

  @JobHandler(importFileJob)
  async importInJob(
    payload: { shopId: string; importId: string },
    context: JobContext,
  ): Promise<Record<string, unknown>> {
    const record = await this.imports.find(payload.shopId, payload.importId);
    if (!record?.storedFile)
      throw new UnrecoverableJobError(
        text('The file of this import is no longer stored; upload it again', '该导入的文件已不再保存，请重新上传'),
      );
    try {
      // A job has no request: the rows' reasons are written in the shop's language.
      const { language } = await this.shops.context(payload.shopId);
      const report = await withLocale(isLocale(language) ? language : DEFAULT_LOCALE, () =>
        this.execute(record, (p, note) => context.progress(p, note)),
      );
      return { importId: report.importId, status: report.status, rows: report.rows, rejected: report.rejected };
    } catch (e) {
      if (e instanceof AppError) throw new UnrecoverableJobError(e.detailMessage);
      // The last attempt's failure reaches runFailed, which discards the upload.
      throw e;
    }
  }

  /**
   * However the run ended for good (its last attempt, its process killed once too often), the
   * import says so and its upload goes: nothing will read it again.
   */
  @OnRunFailed(importFileJob)
  async runFailed(payload: { shopId: string; importId: string }, failure: { error: string }): Promise<void> {
    const record = await this.imports.find(payload.shopId, payload.importId);
    if (!record) return;
    if (record.storedFile) await this.uploads.discard(record.storedFile);
    const unfinished = record.status === 'queued' || record.status === 'running';
    await this.imports.updateRecord(record.id, {
      storedFile: null,
      ...(unfinished
        ? { status: 'failed', errors: [{ row: 0, field: '(file)', message: failure.error }], finishedAt: new Date() }
        : {}),
    });
  }

  async get(actor: Actor, id: string): Promise<ImportRecord> {
    const record = await this.imports.find(actor.shopId, id);
    if (!record) throw IngestProblems.importNotFound();
    return { ...record, storedFile: null };
  }

  async list(actor: Actor, limit: number, offset: number): Promise<ImportRecord[]> {
    return (await this.imports.list(actor.shopId, limit, offset)).map((r) => ({ ...r, storedFile: null }));
  }

  private async execute(
    record: ImportRecord,
    progress?: (p: number, note: Message) => Promise<void>,
  ): Promise<ImportReport> {
    const shop = await this.shops.context(record.shopId);
    await this.imports.updateRecord(record.id, { status: 'running' });
    let upload: OpenedUpload | undefined;
    try {
      upload = await this.uploads.open(record.storedFile!);
      const outcome = await runImport(this.imports, {
        shopId: shop.id,
        importId: record.id,
        kind: importKinds[record.kind as ImportKindName],
        mode: record.mode as 'all' | 'partial',
        format: record.format as ImportFormat,
        path: upload.path,
        timeZone: shop.timeZone,
        attributionWindowDays: Number(shop.settings.attributionWindowDays ?? 1),
        lookups: { ...(await this.imports.lookups(shop.id)), customerHash: this.hasher.forShop(shop.id) },
        limits: {
          maxRows: this.config.importMaxRows,
          maxCellLength: 20_000,
          maxUncompressedBytes: this.config.importMaxBytes * 10,
        },
        progress,
      });
      const report: ImportReport = {
        importId: record.id,
        kind: record.kind,
        mode: record.mode as 'all' | 'partial',
        status: outcome.stored ? 'completed' : 'rejected',
        rows: outcome.rows,
        inserted: outcome.inserted,
        updated: outcome.updated,
        unchanged: outcome.stored ? outcome.rows - outcome.rejected.count - outcome.inserted - outcome.updated : 0,
        rejected: outcome.rejected.count,
        errors: outcome.rejected.listed,
        errorsTruncated: outcome.rejected.count > 0 && outcome.rejected.listed.length >= MAX_REPORTED_ERRORS,
        reattributed: outcome.reattributed,
      };
      await this.finish(record, report.status, report);
      if (outcome.stored && record.kind === 'volume' && outcome.inserted + outcome.updated > 0)
        await this.volumeArrived(shop.id, record.id);
      if (!outcome.stored) {
        throw IngestProblems.rowsRejected(
          { rejected: report.rejected, rows: report.rows, partial: '?mode=partial' },
          { errors: report.errors, extra: { report } },
        );
      }
      return report;
    } catch (e) {
      if (e instanceof FileProblem) {
        const refusal = e.toAppError();
        // The record keeps what the answer says: the file's reason, or each missing column.
        const errors = (refusal.errors ?? []).map((x) => ({
          row: e.row ?? 0,
          field: x.field,
          message: renderMessage(x.message, currentLocale()),
          code: x.code ?? refusal.code,
        }));
        await this.finish(record, 'rejected', { errors });
        throw refusal;
      }
      // An unexpected failure (database down) keeps the file, so the job's retry can read it again.
      if (!(e instanceof AppError))
        await this.imports.updateRecord(record.id, {
          status: 'failed',
          errors: [{ row: 0, field: '(file)', message: (e as Error).message }],
        });
      throw e;
    } finally {
      await upload?.release();
    }
  }

  /** New volume re-forecasts the rest of its day; the import stands whether or not that can be queued. */
  private async volumeArrived(shopId: string, importId: string): Promise<void> {
    try {
      await this.intraday.afterVolumeImport(shopId, importId);
    } catch (e) {
      this.logger.warn(
        { shopId, importId, err: (e as Error).message },
        'intraday updates not queued after a volume import',
      );
    }
  }

  private async finish(record: ImportRecord, status: string, report: Partial<ImportReport>): Promise<void> {
    await this.imports.updateRecord(record.id, {
      status,
      rows: report.rows ?? 0,
      inserted: report.inserted ?? 0,
      updated: report.updated ?? 0,
      unchanged: report.unchanged ?? 0,
      rejected: report.rejected ?? 0,
      errors: report.errors ?? [],
      finishedAt: new Date(),
      storedFile: null,
    });
    await this.uploads.discard(record.storedFile);
  }
}
