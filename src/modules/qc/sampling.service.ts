import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { JobContext } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { accepted, Accepted } from 'src/platform/jobs/jobs.service';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';
import { ShopService } from 'src/modules/org/shop.service';
import { drawDailySample, sampleSeed, SamplingSettings } from './engine/daily-sample';
import { QcScope } from './qc-scope.service';
import { QcSettingsRepository } from './qc-settings.repository';
import { RunSampleBody, SamplesQuery } from './qc.dto';
import { qcSampleJob } from './qc.jobs';
import { SampleCandidateReads } from './sample-candidates.reads';
import { SampleRepository, StoredSample } from './sample.repository';
import { addDays } from 'src/platform/time/calendar-date';
import { localDaysWindow } from 'src/platform/time/shop-calendar';
import { QcJobTexts } from './qc.labels';

/** After KPIs (10) and the forecast refresh (20): the night's facts are all in by then. */
const NIGHTLY_ORDER = 30;

export type SampleDay = {
  date: string;
  sessionDate: string | null;
  seed: string | null;
  mix: unknown[];
  items: Omit<StoredSample, 'shopId' | 'runId' | 'createdAt'>[];
};

/**
 * The daily QC sample: the night after a day, each agent's sessions of that day are drawn for
 * review on the next. A re-run of the night gives the same draw (the seed is the shop, the day and
 * the settings) and keeps samples already reviewed.
 */
@Injectable()
export class SamplingService implements OnModuleInit {
  constructor(
    private readonly nightly: NightlyPipeline,
    private readonly db: Db,
    private readonly samples: SampleRepository,
    private readonly candidateReads: SampleCandidateReads,
    private readonly settings: QcSettingsRepository,
    private readonly shops: ShopService,
    private readonly scope: QcScope,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.nightly.register({ job: qcSampleJob, order: NIGHTLY_ORDER });
  }

  /** A manual draw for a day of sessions, as a job (202). */
  async run(actor: Actor, body: RunSampleBody): Promise<Accepted> {
    const { run } = await this.queue.enqueue(
      qcSampleJob,
      { shopId: actor.shopId, date: body.sessionDate },
      { requestedBy: actor.userId },
    );
    return accepted(run);
  }

  @JobHandler(qcSampleJob)
  async draw(payload: NightlyPayload, context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    const stored = await this.settings.find(shop.id);
    const settings: SamplingSettings = {
      perAgent: stored.samplesPerAgent,
      randomFloorPercent: stored.randomFloorPercent,
      outcomeWeights: stored.outcomeWeights,
    };
    const sessionDate = payload.date;
    const sampleDate = addDays(sessionDate, 1);
    const { start: from, end: to } = localDaysWindow(sessionDate, sessionDate, shop.timeZone);
    return this.db.transaction(async () => {
      await this.samples.lock(shop.id);
      const candidates = await this.candidateReads.candidates(shop.id, from, to, stored);
      const elsewhere = await this.samples.sampledElsewhere(shop.id, from, to, sampleDate);
      const run = await this.samples.upsertRun({
        shopId: shop.id,
        sampleDate,
        sessionDate,
        seed: sampleSeed(shop.id, sessionDate, settings),
        settings: { ...settings },
        jobRunId: context.runId,
      });
      const kept = await this.samples.resetRun(shop.id, run.id);
      const filled = new Map<string, number>();
      for (const k of kept) filled.set(k.agentId, (filled.get(k.agentId) ?? 0) + 1);
      const alreadySampled = new Set([...elsewhere, ...kept.map((k) => k.sessionId)]);
      const sample = drawDailySample({ shopId: shop.id, sessionDate, settings, candidates, alreadySampled, filled });
      await this.samples.insertSamples(shop.id, run, sample.samples, filled);
      await this.samples.saveMix(run.id, sample.mix);
      await context.progress(100, {
        template: QcJobTexts.sampled,
        params: { sessions: sample.samples.length, agents: sample.mix.length },
      });
      return {
        sessionDate,
        sampleDate,
        seed: sample.seed,
        sessions: candidates.length,
        sampled: sample.samples.length,
        kept: kept.length,
        agents: sample.mix.length,
      };
    });
  }

  async list(actor: Actor, query: SamplesQuery): Promise<SampleDay> {
    const agentIds = await this.scope.agentFilter(actor, query.agent);
    const run = await this.samples.findRun(actor.shopId, query.date);
    const rows = run ? await this.samples.list(actor.shopId, query.date, agentIds) : [];
    const mix = (run?.mix ?? []).filter((m) => !agentIds || agentIds.includes((m as { agentId: string }).agentId));
    return {
      date: query.date,
      sessionDate: run?.sessionDate ?? null,
      seed: run?.seed ?? null,
      mix,
      items: rows.map(({ shopId: _s, runId: _r, createdAt: _c, ...row }) => row),
    };
  }
}
