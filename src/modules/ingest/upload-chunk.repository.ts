import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { importUploadChunks } from 'src/platform/db/schema';
import { UPLOAD_IN_USE_STATUSES } from './import.repository';

/** The pieces of uploads kept in PostgreSQL (`import_upload_chunks`). */
@Injectable()
export class UploadChunkRepository {
  constructor(private readonly db: Db) {}

  async write(uploadId: string, shopId: string, seq: number, data: Buffer): Promise<void> {
    await this.db.q.insert(importUploadChunks).values({ uploadId, shopId, seq, data });
  }

  async read(uploadId: string, seq: number): Promise<Buffer | undefined> {
    const [row] = await this.db.q
      .select({ data: importUploadChunks.data })
      .from(importUploadChunks)
      .where(and(eq(importUploadChunks.uploadId, uploadId), eq(importUploadChunks.seq, seq)));
    return row?.data;
  }

  async remove(uploadId: string): Promise<void> {
    await this.db.q.delete(importUploadChunks).where(eq(importUploadChunks.uploadId, uploadId));
  }

  /**
   * Removes uploads no import still needs whose last piece is older than `graceSeconds` (younger
   * ones may still be being written); returns their ids. "Needed" is the upload folder's rule.
   */
  async removeOrphans(graceSeconds: number): Promise<string[]> {
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
