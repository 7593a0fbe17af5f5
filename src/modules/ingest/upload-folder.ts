import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ImportRepository } from './import.repository';
import { UploadUseReads } from './upload-use.reads';

/**
 * Files younger than this may be uploads still being written, by this process or another one
 * sharing the folder (an API and its workers), so a sweep leaves them for the next one.
 */
export const UPLOAD_SWEEP_GRACE_MS = 10 * 60_000;

/**
 * The folder uploads arrive in, and wait in until their import has read them when the embedded
 * default keeps them here (`UploadStore`). An upload belongs to an import that is queued or
 * running, or whose job will still retry; everything else is an orphan (a refused or crashed
 * upload, a run that failed for good) and is removed at boot and every hour (`UploadStore`).
 */
@Injectable()
export class UploadFolder {
  readonly path: string;

  constructor(
    private readonly imports: ImportRepository,
    private readonly uploadUse: UploadUseReads,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.path = join(config.dataDir, 'uploads');
  }

  /** Removes one upload (a refused one, or one its import no longer needs). */
  async discard(path: string | null | undefined): Promise<void> {
    if (path) await rm(path, { force: true });
  }

  /**
   * Removes every orphan older than `graceMs` and forgets it on the imports that still named it;
   * returns the paths removed. Callable after failing the runs of a dead process (so their files go
   * at once) with the same rule: what a live import needs stays.
   */
  async sweep(graceMs = UPLOAD_SWEEP_GRACE_MS): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const inUse = new Set(await this.uploadUse.uploadsInUse());
    const before = Date.now() - graceMs;
    const removed: string[] = [];
    for (const name of names) {
      const path = join(this.path, name);
      if (inUse.has(path)) continue;
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || info.mtimeMs > before) continue;
      await rm(path, { force: true });
      removed.push(path);
    }
    if (removed.length) await this.imports.forgetUploads(removed);
    return removed;
  }
}
