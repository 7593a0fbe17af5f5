/**
 * Job platform throughput: 10,000 trivial jobs through the real BullMQ runner (PostgreSQL run
 * records included), with 1 and then 2 worker processes; latency is enqueue → start, from the
 * job_runs table. Needs the compiled app: `npm run build && npx tsx bench/jobs.ts [--jobs N]`.
 */
import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import postgres from 'postgres';
import { compiled } from './compiled-app';

const { AppModule } = compiled<typeof import('src/app.module')>('app.module');
const { loadConfig } = compiled<typeof import('src/platform/config/app-config')>('platform/config/app-config');
const { DemoSeed } = compiled<typeof import('src/demo/demo-seed')>('demo/demo-seed');
const { defineJob } = compiled<typeof import('src/platform/jobs/job-definition')>('platform/jobs/job-definition');
const { JobHandler } = compiled<typeof import('src/platform/jobs/job-handler.decorator')>(
  'platform/jobs/job-handler.decorator',
);
const { JobQueue } = compiled<typeof import('src/platform/jobs/job-queue')>('platform/jobs/job-queue');

const noop = defineJob<{ shopId: string }>({
  name: 'bench.noop',
  description: 'does nothing',
  attempts: 1,
  backoffMs: 10,
});

@Injectable()
class BenchJobs {
  @JobHandler(noop)
  async run() {
    return undefined;
  }
}

@Module({ providers: [BenchJobs] })
class BenchJobsModule {}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function boot(databaseUrl: string, prefix: string, workers: 'inline' | 'off') {
  const config = {
    ...loadConfig({}),
    databaseUrl,
    redisUrl,
    queuePrefix: prefix,
    workers,
    logLevel: 'warn',
    schedules: 'off' as const,
    seedDemo: 'never' as const,
    jobConcurrency: 8,
  };
  return NestFactory.createApplicationContext(AppModule.register(config, [BenchJobsModule]), { logger: ['error'] });
}

async function workerMain(databaseUrl: string, prefix: string): Promise<void> {
  const app = await boot(databaseUrl, prefix, 'inline');
  process.send?.('ready');
  process.on('message', async (m) => {
    if (m === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
}

async function round(
  workers: number,
  jobs: number,
  sql: postgres.Sql,
  databaseUrl: string,
): Promise<Record<string, number>> {
  const prefix = `wfmbench${randomBytes(3).toString('hex')}`;
  const producer = await boot(databaseUrl, prefix, 'off');
  const shopId = (await producer.get(DemoSeed).seed()).shopId;
  await sql`DELETE FROM job_runs`;
  const children: ChildProcess[] = [];
  process.once('exit', () => children.forEach((c) => c.kill()));
  for (let i = 0; i < workers; i++) {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--worker', databaseUrl, prefix], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise((r) => child.once('message', r));
    children.push(child);
  }
  const queue = producer.get(JobQueue);
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < jobs) {
        next++;
        await queue.enqueue(noop, { shopId });
      }
    }),
  );
  const enqueueSeconds = (Date.now() - started) / 1000;
  for (;;) {
    const [{ done }] = await sql`SELECT count(*)::int AS done FROM job_runs WHERE status IN ('completed', 'failed')`;
    if (done >= jobs) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - started) / 1000;
  const [lat] = await sql`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - queued_at)) * 1000 AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - queued_at)) * 1000 AS p99,
           count(*) FILTER (WHERE status = 'failed')::int AS failed
    FROM job_runs`;
  for (const child of children) {
    const exited = new Promise((r) => child.once('exit', r));
    child.send('stop');
    await exited;
  }
  await producer.close();
  return {
    workers,
    jobs,
    enqueueSeconds,
    seconds,
    jobsPerSecond: Math.round(jobs / seconds),
    p50Ms: Math.round(lat.p50 * 10) / 10,
    p99Ms: Math.round(lat.p99 * 10) / 10,
    failed: lat.failed,
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--worker')) {
    const i = process.argv.indexOf('--worker');
    return workerMain(process.argv[i + 1], process.argv[i + 2]);
  }
  const jobs = Number(arg('jobs', '10000'));
  const name = `wfm_bench_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined });
  try {
    for (const workers of [1, 2])
      process.stdout.write(JSON.stringify(await round(workers, jobs, sql, url.toString())) + '\n');
  } finally {
    await sql.end();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
