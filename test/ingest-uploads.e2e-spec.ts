import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Db } from 'src/platform/db/db';
import { UploadStore } from 'src/modules/ingest/upload-store';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { csv, zipOf } from './support/files';

const volumeRow = (slotStart: string, extra: Record<string, unknown> = {}) => ({
  queue: 'presales_chat',
  slotStart,
  slotMinutes: 30,
  offered: 10,
  handled: 9,
  abandoned: 1,
  ...extra,
});

describe('imports: the upload folder of the embedded default keeps only what an import still needs (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let folder: string;
  beforeAll(async () => {
    t = await startTestApp({ importMaxBytes: 400 * 1024, importSyncMaxBytes: 64 * 1024, uploadStore: 'folder' });
    manager = await t.tokenFor('manager');
    folder = join(t.config.dataDir, 'uploads');
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  const upload = (path: string, name: string, content: string | Buffer) =>
    t
      .http()
      .post(path)
      .set(bearer(manager))
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const files = () => readdirSync(folder);

  it('leaves nothing behind for a refused upload, whatever refused it', async () => {
    await upload('/imports/volume', 'v.pdf', 'x').expect(415);
    await upload('/imports/volume', 'v.xlsx', 'this is not a workbook').expect(415);
    await upload('/imports/volume', 'v.xlsx', zipOf({ 'hello.txt': 'hi' })).expect(415);
    await upload('/imports/volume', 'big.csv', 'x'.repeat(500 * 1024)).expect(413);
    await upload('/imports/volume?mode=sometimes', 'v.csv', csv([volumeRow('2026-01-05 10:00')])).expect(400);
    await upload('/imports/nonsense', 'v.csv', csv([volumeRow('2026-01-05 10:00')])).expect(400);
    await upload('/imports/volume', 'v.csv', csv([volumeRow('2026-01-05 10:00', { offered: 'many' })])).expect(422);
    await t
      .http()
      .post('/imports/volume')
      .set(bearer(manager))
      .send({ rows: [volumeRow('2026-01-05 10:00', { handled: -1 })] })
      .expect(422);
    expect(files()).toEqual([]);
  });

  it('leaves nothing behind for an upload the client abandons half-way', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = 'xxBOUNDARYxx';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/imports/volume',
      headers: {
        ...bearer(manager),
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': 300_000,
      },
    });
    req.on('error', () => undefined);
    req.write(head + 'queue,slotStart\n' + 'x'.repeat(100_000));
    // Wait until multer has started writing the file, then drop the connection.
    for (let i = 0; i < 200 && !(existsSync(folder) && files().length); i++)
      await new Promise((r) => setTimeout(r, 25));
    req.destroy();
    for (let i = 0; i < 200 && files().length; i++) await new Promise((r) => setTimeout(r, 25));
    expect(files()).toEqual([]);
  });

  it('leaves nothing behind once an import is done', async () => {
    await upload('/imports/volume', 'v.csv', csv([volumeRow('2026-01-05 10:00')])).expect(200);
    await t
      .http()
      .post('/imports/volume')
      .set(bearer(manager))
      .send({ rows: [volumeRow('2026-01-05 10:30')] })
      .expect(200);
    expect(files()).toEqual([]);
  });

  it('removes orphans at boot (a crashed upload, a failed import), keeping uploads a live import needs', async () => {
    mkdirSync(folder, { recursive: true });
    const orphan = join(folder, 'crashed-upload.csv');
    const failed = join(folder, 'failed-import.csv');
    const queued = join(folder, 'queued-import.csv');
    const fresh = join(folder, 'being-written.csv');
    for (const path of [orphan, failed, queued, fresh]) writeFileSync(path, 'queue,slotStart\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const path of [orphan, failed, queued]) utimesSync(path, hourAgo, hourAgo);
    const sql = t.app.get(Db).client;
    const record = (status: string, path: string) =>
      sql`INSERT INTO imports (shop_id, kind, file_name, format, mode, checksum, status, stored_file)
          VALUES (${t.demoShopId}, 'volume', 'v.csv', 'csv', 'all', 'sha256:0', ${status}, ${path}) RETURNING id`;
    const [failedRecord] = await record('failed', failed);
    await record('queued', queued);

    // A second process on the same folder and database: what a restart after a crash finds.
    const restarted = await startTestApp({ dataDir: t.config.dataDir, uploadStore: 'folder' }, [], t.databaseUrl);
    try {
      expect(files().sort()).toEqual(['being-written.csv', 'queued-import.csv']);
      const [row] = await sql`SELECT stored_file FROM imports WHERE id = ${failedRecord.id}`;
      expect(row.stored_file).toBeNull();
      // Without the grace period (what a caller that failed a dead process's runs may ask for).
      expect(await restarted.app.get(UploadStore).sweep(0)).toEqual([fresh]);
      expect(files()).toEqual(['queued-import.csv']);
    } finally {
      await restarted.app.close();
    }
  }, 300_000);
});
