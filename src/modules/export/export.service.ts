import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { Role } from 'src/platform/auth/roles';
import { CommonProblems } from 'src/platform/errors/common-problems';
import { AppError } from 'src/platform/errors/problem';
import { currentLocale, withLocale } from 'src/platform/i18n/request-locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import type { Page } from 'src/platform/http/pagination';
import { openApiSchema, validationError } from 'src/platform/http/validation';
import { zodErrorMap } from 'src/platform/i18n/zod-messages';
import { UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { JobHandler, OnRunFailed } from 'src/platform/jobs/job-handler.decorator';
import { recordGone } from 'src/platform/jobs/run-end-reasons';
import { text } from 'src/platform/i18n/locale';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { accepted, Accepted } from 'src/platform/jobs/jobs.service';
import { EXPORT_BUILDERS, ExportBuilder } from './export-builder';
import { CreateExportBody, ListExportsQuery } from './export.dto';
import { BuildExportPayload, exportBuildJob } from './export.jobs';
import { ExportRecord, ExportRepository } from './export.repository';
import { exportTemplatePath } from './export-templates';
import { ExportKindLabels, ExportStatusLabels } from './export.labels';
import { ExportProblems } from './export.problems';
import { readTemplateLooks } from './workbook/template-look';
import { writeExportWorkbook } from './workbook/workbook-writer';
import type { ExportLanguage } from './workbook/export-sheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportView = Omit<
  ExportRecord,
  'shopId' | 'requestedBy' | 'requestedRole' | 'requestedAgentId' | 'jobRunId'
> & { fileUrl: string | null; kindLabel: string; statusLabel: string };

const view = ({
  shopId: _s,
  requestedBy: _b,
  requestedRole: _r,
  requestedAgentId: _a,
  jobRunId: _j,
  ...record
}: ExportRecord): ExportView => ({
  ...record,
  fileUrl: record.status === 'completed' ? `/exports/${record.id}/file` : null,
  kindLabel: labelIn(ExportKindLabels, record.kind),
  statusLabel: labelIn(ExportStatusLabels, record.status),
});

/** Excel exports: asked for here, built in the `export.build` job, downloaded when done. */
@Injectable()
export class ExportService {
  private readonly logger = new Logger(ExportService.name);
  private readonly builders: Map<string, ExportBuilder>;

  constructor(
    @Inject(EXPORT_BUILDERS) builders: ExportBuilder[],
    private readonly exports: ExportRepository,
    private readonly queue: JobQueue,
  ) {
    this.builders = new Map(builders.map((b) => [b.kind, b]));
  }

  kinds(actor: Actor): { kind: string; description: string; params: Record<string, unknown> }[] {
    return [...this.builders.values()]
      .filter((b) => mayAsk(b, actor.role))
      .map((b) => ({ kind: b.kind, description: labelIn(ExportKindLabels, b.kind), params: openApiSchema(b.params) }));
  }

  async request(actor: Actor, body: CreateExportBody): Promise<Accepted & { exportId: string; fileUrl: string }> {
    const builder = this.builders.get(body.kind);
    if (!builder) throw ExportProblems.unknownKind.at('kind', { kind: body.kind, kinds: [...this.builders.keys()] });
    if (!mayAsk(builder, actor.role))
      throw ExportProblems.kindForbidden({ kind: labelOf(ExportKindLabels, builder.kind) });
    const parsed = builder.params.safeParse(body.params, { error: zodErrorMap(currentLocale()) });
    if (!parsed.success) throw validationError(parsed.error, 'body', 'params');
    await builder.precheck?.(actor, parsed.data);
    // Without a language asked for, the reader's (Accept-Language, else the shop's).
    const lang: ExportLanguage = body.lang ?? currentLocale();
    const record = await this.exports.insert({
      shopId: actor.shopId,
      kind: builder.kind,
      params: parsed.data as Record<string, unknown>,
      lang,
      status: 'queued',
      requestedBy: actor.userId,
      requestedRole: actor.role,
      requestedAgentId: actor.agentId,
    });
    const run = await this.queue.enqueueFor(
      exportBuildJob,
      { shopId: actor.shopId, exportId: record.id },
      { requestedBy: actor.userId },
      (v) => this.exports.update(record.id, v),
    );
    return { exportId: record.id, fileUrl: `/exports/${record.id}/file`, ...accepted(run) };
  }

  async list(actor: Actor, query: ListExportsQuery): Promise<Page<ExportView>> {
    const { rows, total } = await this.exports.list(
      actor.shopId,
      seesAll(actor) ? null : actor.userId,
      query.limit,
      query.offset,
    );
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ExportView> {
    return view(await this.find(actor, id));
  }

  async file(actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
    const record = await this.find(actor, id);
    if (record.status !== 'completed')
      throw ExportProblems.notReady(
        { state: labelOf(ExportStatusLabels, record.status) },
        { extra: { state: record.status } },
      );
    const content = await this.exports.content(actor.shopId, id);
    if (!content || !record.fileName) throw ExportProblems.fileMissing();
    return { fileName: record.fileName, content };
  }

  @JobHandler(exportBuildJob)
  async build(payload: BuildExportPayload): Promise<{ fileName: string; sizeBytes: number }> {
    const record = await this.exports.find(payload.shopId, payload.exportId);
    if (!record) throw new UnrecoverableJobError(recordGone('export_files'));
    const builder = this.builders.get(record.kind);
    if (!builder)
      throw new UnrecoverableJobError({
        template: text('Exports of the kind {kind} cannot be built', '无法生成类型为 {kind} 的导出'),
        params: { kind: record.kind },
      });
    await this.exports.update(record.id, { status: 'running' });
    const actor: Actor = {
      userId: record.requestedBy,
      username: '',
      role: record.requestedRole as Role,
      shopId: record.shopId,
      agentId: record.requestedAgentId,
    };
    const folder = await mkdtemp(join(tmpdir(), 'wfm-export-'));
    try {
      // Built in the export's language: every label and text the services give comes in it.
      const lang = record.lang as ExportLanguage;
      const workbook = await withLocale(lang, () => builder.build(actor, builder.params.parse(record.params), lang));
      const path = join(folder, 'export.xlsx');
      await writeExportWorkbook(
        path,
        workbook,
        record.lang as ExportLanguage,
        await readTemplateLooks(exportTemplatePath(builder.template)),
      );
      const content = await readFile(path);
      const fileName = `${workbook.fileName}.xlsx`;
      await this.exports.update(record.id, {
        status: 'completed',
        content,
        fileName,
        sizeBytes: content.length,
        error: null,
        finishedAt: new Date(),
      });
      this.logger.log({ exportId: record.id, kind: record.kind, sizeBytes: content.length }, 'export built');
      return { fileName, sizeBytes: content.length };
    } catch (e) {
      // The reason is kept in the export's language; an unexpected failure is logged, not shown.
      const reason =
        e instanceof AppError
          ? e.detailIn(record.lang as ExportLanguage)
          : CommonProblems.internal().detailIn(record.lang as ExportLanguage);
      await this.exports.update(record.id, { status: 'failed', error: reason, finishedAt: new Date() });
      // An export the requester may no longer see (a ranking deleted, an access change) will not improve by retrying.
      if (e instanceof AppError && e.status < 500) throw new UnrecoverableJobError(e.detailMessage);
      throw e;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** However the run ended for good (its last attempt, its workers stopping), the export says so. */
  @OnRunFailed(exportBuildJob)
  async runFailed(payload: BuildExportPayload): Promise<void> {
    const record = await this.exports.find(payload.shopId, payload.exportId);
    if (record && (record.status === 'queued' || record.status === 'running')) {
      await this.exports.update(record.id, {
        status: 'failed',
        error: CommonProblems.internal().detailIn(record.lang as ExportLanguage),
        finishedAt: new Date(),
      });
    }
  }

  private async find(actor: Actor, id: string): Promise<ExportRecord> {
    const record = await this.exports.find(actor.shopId, id);
    // Each export holds the data as its requester may see it, so only they (and managers) may read it.
    if (!record || (!seesAll(actor) && record.requestedBy !== actor.userId)) throw ExportProblems.exportNotFound();
    return record;
  }
}

const mayAsk = (builder: ExportBuilder, role: Role) => role === 'admin' || builder.roles.includes(role);
const seesAll = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
