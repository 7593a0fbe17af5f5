import ExcelJS from 'exceljs';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, type TestApp } from './test-app';

/** Downloads a built export and opens it with exceljs, as a user's spreadsheet program would. */
export async function downloadWorkbook(
  t: TestApp,
  token: string,
  fileUrl: string,
): Promise<{ book: ExcelJS.Workbook; headers: Record<string, string> }> {
  const res = await t
    .http()
    .get(fileUrl)
    .set(bearer(token))
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as unknown as ArrayBuffer);
  return { book, headers: res.headers as Record<string, string> };
}

/** POST /exports, wait for its job, download the file. */
export async function exportWorkbook(
  t: TestApp,
  token: string,
  body: object,
): Promise<{ book: ExcelJS.Workbook; headers: Record<string, string>; exportId: string; fileUrl: string }> {
  const created = await t.http().post('/exports').set(bearer(token)).send(body).expect(202);
  await t.app.get(JobQueue).settled(created.body.jobId, 60_000);
  return {
    ...(await downloadWorkbook(t, token, created.body.fileUrl)),
    exportId: created.body.exportId,
    fileUrl: created.body.fileUrl,
  };
}
