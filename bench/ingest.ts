/**
 * Ingest throughput: 1,000,000 chat-session rows from a generated CSV and 200,000 from an XLSX,
 * imported into the real PostgreSQL by the production import code; rows/s and the importing
 * process's peak RSS. `npx tsx bench/ingest.ts [--csv-rows N] [--xlsx-rows N]`
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import postgres from 'postgres';
import { connect } from 'src/platform/db/db';
import { applyMigrations } from 'src/platform/db/migrate';
import { DemoSeed } from 'src/demo/demo-seed';
import { ImportRepository } from 'src/modules/ingest/import.repository';
import { runImport, ImportFormat } from 'src/modules/ingest/import-run';
import { importKinds } from 'src/modules/ingest/kinds';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HEADER = [
  'externalId',
  'queue',
  'agent',
  'customerKey',
  'startedAt',
  'endedAt',
  'firstResponseSeconds',
  'meanResponseSeconds',
  'customerMessages',
  'agentMessages',
  'preSale',
  'resolved',
  'rating',
  'transcript',
];

function sessionRow(i: number): (string | number)[] {
  const start = new Date(Date.UTC(2026, 9, 1) + (i % 2_000_000) * 2_000);
  const end = new Date(start.getTime() + 300_000 + (i % 7) * 60_000);
  const agent = `CS${String(1 + (i % 60)).padStart(4, '0')}`;
  const queue = i % 3 === 0 ? 'aftersales_chat' : 'presales_chat';
  return [
    `B-${i}`,
    queue,
    agent,
    `buyer-${i % 150_000}`,
    start.toISOString(),
    end.toISOString(),
    5 + (i % 40),
    10 + (i % 50),
    3 + (i % 20),
    4 + (i % 22),
    queue === 'presales_chat' ? 1 : 0,
    i % 5 ? 1 : 0,
    i % 3 ? '' : 1 + (i % 5),
    '顾客: 在吗?\n客服: 在的亲, 有什么可以帮您?',
  ];
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const cell = (v: string | number) =>
    typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);
  out.write(HEADER.join(',') + '\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(sessionRow(i).map(cell).join(',') + '\n'))
      await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('sessions');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(sessionRow(1_000_000 + i)).commit();
  sheet.commit();
  await workbook.commit();
}

/** The import runs in a child process of its own, so its peak RSS is the import's alone. */
async function child(url: string, shopId: string, path: string, format: ImportFormat): Promise<void> {
  const db = connect(url, 4);
  const repository = new ImportRepository(db);
  const started = Date.now();
  const { agentIdByEmployeeNo, queueIdByCode, skillIdByCode } = await repository.lookups(shopId);
  const record = await repository.createRecord({
    shopId,
    kind: 'sessions',
    fileName: path,
    format,
    mode: 'all',
    checksum: 'bench',
    status: 'running',
  });
  const outcome = await runImport(repository, {
    shopId,
    importId: record.id,
    kind: importKinds.sessions,
    mode: 'all',
    format,
    path,
    timeZone: 'Asia/Shanghai',
    attributionWindowDays: 1,
    lookups: { agentIdByEmployeeNo, queueIdByCode, skillIdByCode, customerHash: (k) => `h:${k}` },
    limits: { maxRows: 5_000_000, maxCellLength: 20_000, maxUncompressedBytes: 4 * 2 ** 30 },
  });
  const seconds = (Date.now() - started) / 1000;
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
  process.stdout.write(
    JSON.stringify({
      format,
      rows: outcome.rows,
      inserted: outcome.inserted,
      rejected: outcome.rejected.count,
      seconds,
      rowsPerSecond: Math.round(outcome.rows / seconds),
      peakRssMb: Math.round(peak),
    }) + '\n',
  );
  await db.close();
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child')
    return child(process.argv[3], process.argv[4], process.argv[5], process.argv[6] as ImportFormat);
  const name = `wfm_bench_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const dir = mkdtempSync(join(tmpdir(), 'wfm-ingest-'));
  try {
    const db = connect(url, 2);
    await applyMigrations(db, url);
    const { shopId } = await new DemoSeed(db).seed();
    await db.close();
    const csvPath = join(dir, 'sessions.csv');
    const xlsxPath = join(dir, 'sessions.xlsx');
    await writeCsv(csvPath, Number(arg('csv-rows', '1000000')));
    await writeXlsx(xlsxPath, Number(arg('xlsx-rows', '200000')));
    for (const [path, format] of [
      [csvPath, 'csv'],
      [xlsxPath, 'xlsx'],
    ] as const) {
      await new Promise<void>((resolve, reject) => {
        const p = spawn(
          process.execPath,
          [
            ...process.execArgv,
            ...(process.env.CHILD_NODE_OPTS ? process.env.CHILD_NODE_OPTS.split(' ') : []),
            __filename,
            '--child',
            url,
            shopId,
            path,
            format,
          ],
          { stdio: 'inherit' },
        );
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`import of ${format} exited with ${code}`))));
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
