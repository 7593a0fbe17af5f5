import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { say } from 'src/platform/i18n/request-locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import type { Page } from 'src/platform/http/pagination';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { accepted, Accepted } from 'src/platform/jobs/jobs.service';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { Db } from 'src/platform/db/db';
import { LedgerService } from './ledger.service';
import { ineligibleReason, RankingStatusLabels } from './ranking.labels';
import { RankingProblems } from './ranking.problems';
import type { CreateRankingBody, ListRankingsQuery } from './ranking.dto';
import { rankingComputeJob } from './ranking.jobs';
import { RankingRepository, RankingRowView, RankingRun } from './ranking.repository';
import { ScorecardService } from './scorecard.service';

const rankedView = (r: RankingRowView) => ({
  rank: r.rank,
  agentId: r.agentId,
  agentName: r.agentName,
  employeeNo: r.employeeNo,
  teamId: r.teamId,
  teamName: r.teamName,
  total: r.total,
  percentile: r.percentile,
  top: r.top,
  bottom: r.bottom,
  daysWorked: r.daysWorked,
  inquiries: r.inquiries,
  metrics: r.metrics,
});
/** Reasons are stored as codes and put in words for the reader, with the version's own floors. */
const ineligibleView = (r: RankingRowView, floors: { minDaysWorked?: number; minInquiries?: number }) => ({
  agentId: r.agentId,
  agentName: r.agentName,
  employeeNo: r.employeeNo,
  teamId: r.teamId,
  teamName: r.teamName,
  daysWorked: r.daysWorked,
  inquiries: r.inquiries,
  reasons: r.ineligibleReasons.map((code) => say(ineligibleReason(code, r, floors))),
  reasonCodes: r.ineligibleReasons,
  metrics: r.metrics,
});

/** Monthly rankings: versions per (scorecard, month), computed by a job, frozen by HR approval. */
@Injectable()
export class RankingService {
  constructor(
    private readonly db: Db,
    private readonly runs: RankingRepository,
    private readonly scorecards: ScorecardService,
    private readonly ledger: LedgerService,
    private readonly scope: AgentScope,
    private readonly queue: JobQueue,
  ) {}

  /** Always a new version (an approved one stays as it was); the job is queued after the version is committed. */
  async create(actor: Actor, body: CreateRankingBody): Promise<Accepted & { rankingId: string; version: number }> {
    const card = await this.scorecards.get(actor, body.scorecardId);
    const { id: _id, shopId: _shop, createdAt: _c, updatedAt: _u, createdBy: _b, ...snapshot } = card;
    const run = await this.db.transaction(() =>
      this.runs.insertNextVersion({
        shopId: actor.shopId,
        scorecardId: card.id,
        month: body.month,
        status: 'queued',
        scorecard: snapshot,
        createdBy: actor.userId,
      }),
    );
    const job = await this.queue.enqueueFor(
      rankingComputeJob,
      { shopId: actor.shopId, runId: run.id },
      { requestedBy: actor.userId },
      (v) => this.runs.update(run.id, v),
    );
    return { rankingId: run.id, version: run.version, ...accepted(job) };
  }

  async list(actor: Actor, query: ListRankingsQuery): Promise<Page<Omit<RankingRun, 'scorecard'>>> {
    const { rows, total } = await this.runs.list(actor.shopId, query);
    return {
      items: rows.map(({ scorecard: _s, ...run }) => ({
        ...run,
        statusLabel: labelIn(RankingStatusLabels, run.status),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** The version with its ranked rows and, apart, the ineligible; supervisors see their teams' rows only. */
  async get(actor: Actor, id: string) {
    const run = await this.find(actor, id);
    const rows = await this.runs.rows(actor.shopId, id, await this.scope.visibleAgentIds(actor));
    return {
      ...run,
      statusLabel: labelIn(RankingStatusLabels, run.status),
      ranked: rows.filter((r) => r.eligible).map(rankedView),
      ineligible: rows
        .filter((r) => !r.eligible)
        .map((r) => ineligibleView(r, run.scorecard as { minDaysWorked?: number; minInquiries?: number })),
    };
  }

  /** HR approval freezes the version and books the scorecard's reward/penalty rules as proposed entries. */
  async approve(actor: Actor, id: string) {
    return this.db.transaction(async () => {
      const run = await this.find(actor, id);
      await this.runs.lockMonth(run.scorecardId, run.month);
      if (run.status !== 'completed')
        throw RankingProblems.notCompleted(
          { state: labelOf(RankingStatusLabels, run.status) },
          { extra: { state: run.status } },
        );
      const already = await this.runs.approvedVersion(actor.shopId, run.scorecardId, run.month);
      if (already)
        throw RankingProblems.monthApproved({ version: already.version }, { extra: { approvedRankingId: already.id } });
      const approved = await this.runs.approve(actor.shopId, id, actor.userId);
      if (!approved) throw RankingProblems.changedWhileApproving();
      const rows = await this.runs.rows(actor.shopId, id);
      const booked = await this.ledger.bookRules(approved, rows);
      const { scorecard: _s, ...view } = approved;
      return { ...view, ledgerEntriesProposed: booked };
    });
  }

  private async find(actor: Actor, id: string): Promise<RankingRun> {
    const run = await this.runs.find(actor.shopId, id);
    if (!run) throw RankingProblems.rankingNotFound();
    return run;
  }
}
