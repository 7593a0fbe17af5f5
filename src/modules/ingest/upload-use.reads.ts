import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { imports, jobRuns } from 'src/platform/db/schema';

/** An import needs its upload while it is queued or running, or while its job will run it again. */
export const UPLOAD_IN_USE_STATUSES = { imports: ['queued', 'running'], runs: ['queued', 'running', 'retrying'] };

/**
 * Which uploads an import still needs, read with the state of its job run (`job_runs` are the
 * platform's): the one rule both upload stores sweep by.
 */
@Injectable()
export class UploadUseReads {
  constructor(private readonly db: Db) {}

  /** Uploads an import still needs, across shops (a maintenance query of the upload folder). */
  async uploadsInUse(): Promise<string[]> {
    const rows = await this.db.q
      .select({ path: imports.storedFile })
      .from(imports)
      .leftJoin(jobRuns, eq(jobRuns.id, imports.jobRunId))
      .where(
        and(
          isNotNull(imports.storedFile),
          or(
            inArray(imports.status, UPLOAD_IN_USE_STATUSES.imports),
            inArray(jobRuns.status, UPLOAD_IN_USE_STATUSES.runs),
          ),
        ),
      );
    return rows.map((r) => r.path!);
  }

  /**
   * Removes the uploads kept in PostgreSQL that no import needs and whose last piece is older than
   * `graceSeconds` (younger ones may still be being written); returns their ids.
   */
  async removeOrphanChunks(graceSeconds: number): Promise<string[]> {
    const rows = await this.db.client<{ upload_id: string }[]>`
      WITH orphans AS (
        SELECT c.upload_id FROM import_upload_chunks c
        GROUP BY c.upload_id
        HAVING max(c.created_at) < now() - make_interval(secs => ${graceSeconds})
           AND NOT EXISTS (
             SELECT 1 FROM imports i LEFT JOIN job_runs r ON r.id = i.job_run_id
             WHERE i.stored_file = 'postgres:' || c.upload_id
               AND (i.status IN ${this.db.client(UPLOAD_IN_USE_STATUSES.imports)} OR r.status IN ${this.db.client(UPLOAD_IN_USE_STATUSES.runs)})))
      DELETE FROM import_upload_chunks c USING orphans o WHERE c.upload_id = o.upload_id
      RETURNING c.upload_id`;
    return [...new Set(rows.map((r) => r.upload_id))];
  }
}
