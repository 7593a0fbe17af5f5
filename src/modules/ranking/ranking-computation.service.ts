import { Injectable } from '@nestjs/common';
import { Db } from 'src/platform/db/db';
import { JobContext, UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { JobHandler, OnRunFailed } from 'src/platform/jobs/job-handler.decorator';
import { recordGone } from 'src/platform/jobs/run-end-reasons';
import { KpiService } from 'src/modules/kpi/kpi.service';
import { KpiAggregation } from 'src/modules/kpi/kpi-aggregation.service';
import { emptySums } from 'src/modules/kpi/kpi-values';
import { AgentService } from 'src/modules/org/agent.service';
import { Candidate, rankGroup, RankingRules } from './engine/scorecard-ranking';
import { RankingPayload, rankingComputeJob } from './ranking.jobs';
import { NewRankingRow, RankingRepository, RankingRun } from './ranking.repository';
import type { Scorecard } from './scorecard.repository';
import { monthDays } from 'src/platform/time/calendar-date';
import { workOnRecord } from 'src/platform/jobs/record-status';
import { RankingJobTexts } from './ranking.labels';

/** Reads the month's KPI sums of the scorecard's group, runs the pure engine and stores the version's rows. */
@Injectable()
export class RankingComputation {
  constructor(
    private readonly db: Db,
    private readonly runs: RankingRepository,
    private readonly kpis: KpiService,
    private readonly agents: AgentService,
    private readonly aggregation: KpiAggregation,
  ) {}

  @JobHandler(rankingComputeJob)
  async computeInJob(payload: RankingPayload, context: JobContext): Promise<Record<string, unknown>> {
    const run = await this.runs.find(payload.shopId, payload.runId);
    if (!run) throw new UnrecoverableJobError(recordGone('ranking_runs'));
    if (run.status === 'approved') throw new UnrecoverableJobError(RankingJobTexts.frozen);
    return workOnRecord(
      context,
      (status, error) => this.runs.update(run.id, { status, error }),
      async () => {
        await this.runs.update(run.id, { status: 'running', error: null });
        await context.progress(5, RankingJobTexts.aggregating);
        const aggregated = await this.aggregation.aggregateMissing(
          run.shopId,
          monthDays(run.month).from,
          monthDays(run.month).to,
        );
        await context.progress(10, { template: RankingJobTexts.readingSums, params: { days: aggregated.length } });
        return { ...(await this.compute(run)), aggregatedDays: aggregated };
      },
    );
  }

  /** However the run ended for good (its last attempt, its workers stopping), the ranking says so. */
  @OnRunFailed(rankingComputeJob)
  async runFailed(payload: RankingPayload, failure: { error: string }): Promise<void> {
    const run = await this.runs.find(payload.shopId, payload.runId);
    if (run && (run.status === 'queued' || run.status === 'running'))
      await this.runs.update(run.id, { status: 'failed', error: failure.error });
  }

  async compute(run: RankingRun): Promise<{ ranked: number; ineligible: number }> {
    const card = run.scorecard as unknown as Scorecard;
    const { from, to } = monthDays(run.month);
    const definitions = new Map(this.kpis.definitions().map((d) => [d.key, d]));
    const rules: RankingRules = {
      metrics: card.metrics.map((m) => ({
        metric: m.metric,
        weight: m.weight,
        direction: definitions.get(m.metric)!.direction,
      })),
      minDaysWorked: card.minDaysWorked,
      minInquiries: card.minInquiries,
      topN: card.topN,
      bottomPercent: card.bottomPercent,
      tieRule: card.tieRule as RankingRules['tieRule'],
    };
    const keys = card.metrics.map((m) => m.metric);
    const group = (await this.kpis.agentTotals(run.shopId, from, to)).filter((a) => a.roleGroup === card.roleGroup);
    // Active agents of the group with no figures at all this month are listed as not ranked too (0 days), so HR sees everyone.
    const counted = new Set(group.map((a) => a.agentId));
    for (const a of (await this.agents.labels(run.shopId)).values()) {
      if (a.active && a.roleGroup === card.roleGroup && !counted.has(a.id)) {
        group.push({
          agentId: a.id,
          teamId: a.teamId,
          roleGroup: a.roleGroup,
          employeeNo: a.employeeNo,
          daysWorked: 0,
          sums: emptySums(),
        });
      }
    }
    const byAgent = new Map(group.map((a) => [a.agentId, a]));
    const candidates: Candidate[] = group.map((a) => ({
      agentId: a.agentId,
      tieKey: a.employeeNo ?? a.agentId,
      daysWorked: a.daysWorked,
      inquiries: a.sums.inquiries,
      values: this.kpis.values(a.sums, keys),
    }));
    const { ranked, ineligible } = rankGroup(candidates, rules);
    const base = (agentId: string) => ({
      shopId: run.shopId,
      runId: run.id,
      agentId,
      teamId: byAgent.get(agentId)!.teamId,
      daysWorked: byAgent.get(agentId)!.daysWorked,
      inquiries: byAgent.get(agentId)!.sums.inquiries,
    });
    const rows: NewRankingRow[] = [
      ...ranked.map((r) => ({
        ...base(r.agentId),
        eligible: true,
        rank: r.rank,
        metrics: r.metrics,
        total: r.total,
        percentile: r.percentile,
        top: r.top,
        bottom: r.bottom,
      })),
      ...ineligible.map((r) => ({
        ...base(r.agentId),
        eligible: false,
        rank: null,
        metrics: r.metrics,
        total: null,
        percentile: null,
        ineligibleReasons: r.reasons,
      })),
    ];
    await this.db.transaction(async () => {
      await this.runs.replaceRows(run.id, rows);
      await this.runs.update(run.id, { status: 'completed', error: null, completedAt: new Date() });
    });
    return { ranked: ranked.length, ineligible: ineligible.length };
  }
}
