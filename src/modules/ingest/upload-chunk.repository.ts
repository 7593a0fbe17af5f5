import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { importUploadChunks } from 'src/platform/db/schema';

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
}
