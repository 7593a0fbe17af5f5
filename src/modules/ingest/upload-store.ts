import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ImportRepository } from './import.repository';
import { UploadChunkRepository } from './upload-chunk.repository';
import { UploadUseReads } from './upload-use.reads';
import { UPLOAD_SWEEP_GRACE_MS, UploadFolder } from './upload-folder';

const IN_DATABASE = 'postgres:';
const CHUNK_BYTES = 2 ** 20;
const SWEEP_EVERY_MS = 60 * 60_000;

/** An upload as a local file for the readers, and what to do once they are done with it. */
export type OpenedUpload = { path: string; release: () => Promise<void> };

/**
 * Where an upload waits for its import job. With a server PostgreSQL it is kept there
 * (`postgres:<id>`, in pieces), so a worker on another host can read it; the embedded default
 * keeps it in the data folder. Either way the readers get a local file: a kept upload is streamed
 * into a temporary file of the reading process, a piece at a time.
 */
@Injectable()
export class UploadStore implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('UploadStore');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly chunks: UploadChunkRepository,
    private readonly imports: ImportRepository,
    private readonly uploadUse: UploadUseReads,
    private readonly folder: UploadFolder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where received files land before an import reads or keeps them (this host's data folder). */
  get landingFolder(): string {
    return this.folder.path;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweepLogged();
    this.timer = setInterval(() => void this.sweepLogged(), SWEEP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Keeps a received file for a job, wherever every process can read it; returns where (the value
   * an import stores). The received file is gone afterwards unless it is kept where it is.
   */
  async keep(shopId: string, path: string): Promise<string> {
    if (this.config.uploadStore === 'folder') return path;
    const uploadId = randomUUID();
    try {
      let seq = 0;
      for await (const piece of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
        await this.chunks.write(uploadId, shopId, seq++, piece as Buffer);
    } catch (e) {
      await this.chunks.remove(uploadId);
      throw e;
    } finally {
      await this.folder.discard(path);
    }
    return IN_DATABASE + uploadId;
  }

  /** The upload as a local file; `release` removes what opening it made. */
  async open(stored: string): Promise<OpenedUpload> {
    if (!stored.startsWith(IN_DATABASE)) return { path: stored, release: async () => undefined };
    const folder = await mkdtemp(join(tmpdir(), 'wfm-upload-'));
    const release = () => rm(folder, { recursive: true, force: true });
    try {
      const path = join(folder, 'upload');
      const out = createWriteStream(path);
      const closed = once(out, 'close');
      try {
        for (let seq = 0; ; seq++) {
          const piece = await this.chunks.read(stored.slice(IN_DATABASE.length), seq);
          if (!piece) break;
          if (!out.write(piece)) await once(out, 'drain');
        }
      } finally {
        out.end();
        await closed;
      }
      return { path, release };
    } catch (e) {
      await release();
      throw e;
    }
  }

  /** Removes an upload no import needs any more (a refused one, or one that was imported). */
  async discard(stored: string | null | undefined): Promise<void> {
    if (!stored) return;
    if (stored.startsWith(IN_DATABASE)) await this.chunks.remove(stored.slice(IN_DATABASE.length));
    else await this.folder.discard(stored);
  }

  /**
   * Removes every upload no import needs, in the data folder and in the database, older than
   * `graceMs` (younger ones may still be arriving); returns what was removed. Callable after
   * failing the runs of a dead process, with the same rule: what a live import needs stays.
   */
  async sweep(graceMs = UPLOAD_SWEEP_GRACE_MS): Promise<string[]> {
    const kept = (await this.uploadUse.removeOrphanChunks(graceMs / 1000)).map((id) => IN_DATABASE + id);
    if (kept.length) await this.imports.forgetUploads(kept);
    return [...(await this.folder.sweep(graceMs)), ...kept];
  }

  private async sweepLogged(): Promise<void> {
    try {
      const removed = await this.sweep();
      if (removed.length) this.logger.log({ removed: removed.length }, 'orphaned uploads removed');
    } catch (e) {
      // The next sweep tries again; a failed sweep must not stop the server from starting.
      this.logger.warn({ err: (e as Error).message }, 'sweeping orphaned uploads failed');
    }
  }
}
