import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { UploadStore } from 'src/modules/ingest/upload-store';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { csv, zipOf } from './support/files';

const limits = { importMaxBytes: 400 * 1024, importSyncMaxBytes: 64 * 1024 };
const volumeRow = (slot: number, extra: Record<string, unknown> = {}) => ({
  queue: 'presales_chat',
  slotStart: new Date(Date.UTC(2026, 0, 5, 2) + slot * 1_800_000).toISOString(),
  slotMinutes: 30,
  offered: 10,
  handled: 9,
  abandoned: 1,
  ...extra,
});
/** A volume file over the in-request limit (about 200 kB): imported by a job. */
const largeVolume = () => csv(Array.from({ length: 2500 }, (_, i) => volumeRow(i)));

const folderOf = (t: TestApp) => readdirSync(join(t.config.dataDir, 'uploads'));
const chunkCount = async (t: TestApp) =>
  (await t.app.get(Db).client<{ n: number }[]>`SELECT count(*)::int AS n FROM import_upload_chunks`)[0].n;
const importOfRun = async (t: TestApp, jobId: string) =>
  (
    await t.app.get(Db).client<
      { status: string; rows: number; stored_file: string | null }[]
    >`SELECT status, rows, stored_file FROM imports WHERE job_run_id = ${jobId}`
  )[0];

describe('imports: uploads for jobs kept in PostgreSQL, readable from every host (e2e)', () => {
  describe('one process', () => {
    let t: TestApp;
    let manager: string;
    beforeAll(async () => {
      t = await startTestApp(limits);
      manager = await t.tokenFor('manager');
    }, 300_000);
    afterAll(() => t.close(), 300_000);

    const upload = (path: string, name: string, content: string | Buffer) =>
      t
        .http()
        .post(path)
        .set(bearer(manager))
        .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);

    it('keeps a large upload in the database until its job has imported it, then nothing is left anywhere', async () => {
      expect(t.config.uploadStore).toBe('database');
      const res = await upload('/imports/volume', 'v.csv', largeVolume()).expect(202);
      expect(folderOf(t)).toEqual([]);
      await t.app.get(JobQueue).settled(res.body.jobId, 60_000);
      expect(await importOfRun(t, res.body.jobId)).toEqual({ status: 'completed', rows: 2500, stored_file: null });
      expect({ folder: folderOf(t), chunks: await chunkCount(t) }).toEqual({ folder: [], chunks: 0 });
    });

    it('leaves nothing in the folder or the database for a refused upload, in the request or in its job', async () => {
      await upload('/imports/volume', 'v.pdf', 'x'.repeat(100_000)).expect(415);
      await upload('/imports/volume', 'big.csv', 'x'.repeat(500 * 1024)).expect(413);
      await upload('/imports/volume?mode=sometimes', 'v.csv', largeVolume()).expect(400);
      await upload('/imports/nonsense', 'v.csv', largeVolume()).expect(400);
      // Refused by the job: a large "workbook" that is no zip, and a large file with a bad row.
      const notWorkbook = await upload('/imports/volume', 'v.xlsx', randomBytes(100_000)).expect(202);
      const badRow = await upload(
        '/imports/volume',
        'v.csv',
        csv([...Array.from({ length: 2000 }, (_, i) => volumeRow(i)), volumeRow(3000, { offered: 'many' })]),
      ).expect(202);
      const notZip = await upload('/imports/volume', 'z.xlsx', zipOf({ 'hello.txt': randomBytes(100_000) })).expect(
        202,
      );
      for (const { body } of [notWorkbook, badRow, notZip]) {
        await t.app.get(JobQueue).settled(body.jobId, 60_000);
        expect(await importOfRun(t, body.jobId)).toMatchObject({ status: 'rejected', stored_file: null });
      }
      expect({ folder: folderOf(t), chunks: await chunkCount(t) }).toEqual({ folder: [], chunks: 0 });
    });

    it('removes kept uploads no import needs (a crash mid-upload, a failed import), keeping those a live import needs', async () => {
      const sql = t.app.get(Db).client;
      const keep = async (uploadId: string) => {
        for (const seq of [0, 1])
          await sql`INSERT INTO import_upload_chunks (upload_id, seq, shop_id, data, created_at) VALUES (${uploadId}, ${seq}, ${t.demoShopId}, ${Buffer.from('queue,slotStart\n')}, now() - interval '1 hour')`;
      };
      const record = (status: string, uploadId: string) =>
        sql`INSERT INTO imports (shop_id, kind, file_name, format, mode, checksum, status, stored_file)
            VALUES (${t.demoShopId}, 'volume', 'v.csv', 'csv', 'all', 'sha256:0', ${status}, ${`postgres:${uploadId}`}) RETURNING id`;
      const [crashed, failed, queued] = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of [crashed, failed, queued]) await keep(id);
      const [failedRecord] = await record('failed', failed);
      await record('queued', queued);
      // A restart after a crash sweeps at boot.
      const restarted = await startTestApp(limits, [], t.databaseUrl);
      try {
        const left = await sql<{ upload_id: string }[]>`SELECT DISTINCT upload_id FROM import_upload_chunks`;
        expect(left.map((r) => r.upload_id)).toEqual([queued]);
        expect((await sql`SELECT stored_file FROM imports WHERE id = ${failedRecord.id}`)[0].stored_file).toBeNull();
        expect(await restarted.app.get(UploadStore).sweep(0)).toEqual([]);
      } finally {
        await restarted.app.close();
      }
    }, 300_000);
  });

  it('imports a large upload on a worker that cannot see the API’s data folder (another host)', async () => {
    const shared = {
      ...limits,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      queuePrefix: `wfmtest${randomBytes(4).toString('hex')}`,
    };
    const api = await startTestApp({ ...shared, workers: 'off' });
    const worker = await startTestApp({ ...shared, workers: 'inline' }, [], api.databaseUrl);
    try {
      expect(worker.config.dataDir).not.toBe(api.config.dataDir);
      const res = await api
        .http()
        .post('/imports/volume')
        .set(bearer(await api.tokenFor('manager')))
        .attach('file', Buffer.from(largeVolume()), 'v.csv')
        .expect(202);
      // Nothing of the upload is left on the API's host for the worker to look for.
      expect(folderOf(api)).toEqual([]);
      await api.app.get(JobQueue).settled(res.body.jobId, 240_000);
      expect(await importOfRun(api, res.body.jobId)).toEqual({ status: 'completed', rows: 2500, stored_file: null });
      expect(await chunkCount(api)).toBe(0);
    } finally {
      await worker.app.close();
      await api.close();
    }
  }, 300_000);
});
