import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { defineJob, JobContext, UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';

/**
 * Real jobs for the job-platform tests: they write to a table of the test file's own database,
 * so a test can count executions and outputs. Nothing here is mocked.
 */
export type ProbePayload = { shopId: string; key: string; failTimes: number; sleepMs: number };

export const probeJob = defineJob<ProbePayload>({
  name: 'test.probe',
  description: 'records one execution',
  attempts: 3,
  backoffMs: 20,
});
/** Stores its output through the run's fence, after the gate. */
export const fencedJob = defineJob<ProbePayload>({
  name: 'test.fenced',
  description: 'stores through the fence',
  attempts: 1,
  backoffMs: 20,
});
export const badInputJob = defineJob<ProbePayload>({
  name: 'test.bad-input',
  description: 'refuses its input',
  attempts: 3,
  backoffMs: 20,
});
export const stepA = defineJob<NightlyPayload>({
  name: 'test.step-a',
  description: 'idempotent output',
  attempts: 2,
  backoffMs: 10,
  manual: true,
});
export const stepBroken = defineJob<NightlyPayload>({
  name: 'test.step-broken',
  description: 'always throws',
  attempts: 2,
  backoffMs: 10,
});
export const stepC = defineJob<NightlyPayload>({
  name: 'test.step-c',
  description: 'runs after a failed step',
  attempts: 1,
  backoffMs: 10,
});
export const stepMonthly = defineJob<NightlyPayload>({
  name: 'test.step-monthly',
  description: 'only on the 1st',
  attempts: 1,
  backoffMs: 10,
});

/** Lets a test hold a job mid-flight (while it takes Redis away) and see that it started. */
export class Gate {
  started!: Promise<void>;
  private markStarted!: () => void;
  private released!: Promise<void>;
  private markReleased!: () => void;
  private hold = false;
  constructor() {
    this.reset();
  }
  reset(): void {
    this.started = new Promise((r) => (this.markStarted = r));
    this.released = new Promise((r) => (this.markReleased = r));
  }
  holdUntilReleased(): void {
    this.hold = true;
  }
  release(): void {
    this.markReleased();
  }
  async pass(): Promise<void> {
    this.markStarted();
    if (this.hold) await this.released;
  }
}

@Injectable()
export class TestJobs implements OnModuleInit {
  readonly gate = new Gate();

  constructor(
    private readonly db: Db,
    private readonly nightly: NightlyPipeline,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.db
      .client`CREATE TABLE IF NOT EXISTS test_executions (run_id uuid, key text, attempt int, instance text, at timestamptz default now())`;
    await this.db
      .client`CREATE TABLE IF NOT EXISTS test_outputs (shop_id uuid, day date, step text, value int, PRIMARY KEY (shop_id, day, step))`;
    this.nightly.register({ job: stepA, order: 1 });
    this.nightly.register({ job: stepBroken, order: 2 });
    this.nightly.register({ job: stepC, order: 3 });
    this.nightly.register({ job: stepMonthly, order: 4, when: (date) => date.endsWith('-01') });
  }

  instance = 'app';

  @JobHandler(probeJob)
  async probe(p: ProbePayload, ctx: JobContext) {
    await this.db
      .client`INSERT INTO test_executions (run_id, key, attempt, instance) VALUES (${ctx.runId}, ${p.key}, ${ctx.attempt}, ${this.instance})`;
    await ctx.progress(50, 'half way');
    if (p.key.startsWith('gate')) await this.gate.pass();
    if (p.sleepMs) await new Promise((r) => setTimeout(r, p.sleepMs));
    if (ctx.attempt <= p.failTimes) throw new Error(`planned failure ${ctx.attempt}`);
    await this.db
      .client`INSERT INTO test_outputs (shop_id, day, step, value) VALUES (${p.shopId}, '2000-01-01', ${'probe:' + p.key}, 1)
      ON CONFLICT (shop_id, day, step) DO UPDATE SET value = excluded.value`;
    return { key: p.key, attempt: ctx.attempt };
  }

  @JobHandler(fencedJob)
  async fenced(p: ProbePayload, ctx: JobContext) {
    await this.db
      .client`INSERT INTO test_executions (run_id, key, attempt, instance) VALUES (${ctx.runId}, ${p.key}, ${ctx.attempt}, ${this.instance})`;
    await this.gate.pass();
    await ctx.fenced(() =>
      this.db.q.execute(
        sql`INSERT INTO test_outputs (shop_id, day, step, value) VALUES (${p.shopId}, '2000-01-01', ${'fenced:' + p.key}, 1)`,
      ),
    );
    return { key: p.key };
  }

  @JobHandler(badInputJob)
  async badInput(p: ProbePayload) {
    throw new UnrecoverableJobError(`key ${p.key} is not acceptable`);
  }

  @JobHandler(stepA)
  async a(p: NightlyPayload, ctx: JobContext) {
    await this.db
      .client`INSERT INTO test_executions (run_id, key, attempt, instance) VALUES (${ctx.runId}, 'step-a', ${ctx.attempt}, ${this.instance})`;
    // Replaces its output for the day: re-running never duplicates.
    await this.db.client`INSERT INTO test_outputs (shop_id, day, step, value) VALUES (${p.shopId}, ${p.date}, 'a', 1)
      ON CONFLICT (shop_id, day, step) DO UPDATE SET value = test_outputs.value + 1`;
    return { date: p.date };
  }

  @JobHandler(stepBroken)
  async broken(_p: NightlyPayload, ctx: JobContext) {
    await this.db
      .client`INSERT INTO test_executions (run_id, key, attempt, instance) VALUES (${ctx.runId}, 'step-broken', ${ctx.attempt}, ${this.instance})`;
    throw new Error('the broken step broke');
  }

  @JobHandler(stepC)
  async c(p: NightlyPayload) {
    await this.db.client`INSERT INTO test_outputs (shop_id, day, step, value) VALUES (${p.shopId}, ${p.date}, 'c', 1)
      ON CONFLICT (shop_id, day, step) DO UPDATE SET value = 1`;
  }

  @JobHandler(stepMonthly)
  async monthly(p: NightlyPayload) {
    await this.db
      .client`INSERT INTO test_outputs (shop_id, day, step, value) VALUES (${p.shopId}, ${p.date}, 'monthly', 1)
      ON CONFLICT (shop_id, day, step) DO UPDATE SET value = 1`;
  }
}

@Module({ providers: [TestJobs] })
export class TestJobsModule {}
