import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { QcProblems } from './qc.problems';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { ShopService } from 'src/modules/org/shop.service';
import { AgentSummaryRow, FindingCountRow, QcSummaryRepository } from './qc-summary.repository';
import { SummaryQuery } from './qc.dto';
import { QcCategoryLabels, SeverityLabels } from './qc.labels';
import { labelIn } from 'src/platform/i18n/texts';
import { localDaysWindow } from 'src/platform/time/shop-calendar';

const TOP_FINDINGS = 5;
const round2 = (x: number) => Math.round(x * 100) / 100;

export type TeamSummary = {
  teamId: string | null;
  teamName: string | null;
  agents: Omit<AgentSummaryRow, 'teamId' | 'teamName' | 'scoreSum' | 'weightSum' | 'weightedSum'>[];
  sessionsReviewed: number;
  meanScore: number | null;
  weightedMeanScore: number | null;
  fails: number;
  topFindings: (Omit<FindingCountRow, 'teamId'> & { categoryLabel: string; severityLabel: string })[];
};

/** The daily QC summary per team, for its supervisor: raw and sampling-weighted means, fails, top findings. */
@Injectable()
export class QcSummaryService {
  constructor(
    private readonly summary: QcSummaryRepository,
    private readonly shops: ShopService,
    private readonly scope: AgentScope,
  ) {}

  async daily(actor: Actor, query: SummaryQuery): Promise<{ date: string; teams: TeamSummary[] }> {
    const shop = await this.shops.context(actor.shopId);
    if (query.team) {
      const team = await this.summary.team(actor.shopId, query.team);
      // A supervisor's summary is their own team's; any other team is not theirs to see.
      if (!team || (actor.role === 'supervisor' && team.supervisorAgentId !== actor.agentId))
        throw QcProblems.teamNotFound();
    }
    const visible = await this.scope.visibleAgentIds(actor);
    if (visible && !visible.length) return { date: query.date, teams: [] };
    const day = localDaysWindow(query.date, query.date, shop.timeZone);
    const scope = {
      shopId: actor.shopId,
      from: day.start,
      to: day.end,
      teamIds: query.team ? [query.team] : undefined,
      agentIds: visible,
    };
    const [agents, findings] = await Promise.all([this.summary.perAgent(scope), this.summary.findingCounts(scope)]);
    const teamIds = [...new Set(agents.map((a) => a.teamId))];
    return {
      date: query.date,
      teams: teamIds.map((teamId) => {
        const own = agents.filter((a) => a.teamId === teamId);
        const sessions = own.reduce((s, a) => s + a.sessionsReviewed, 0);
        const weights = own.reduce((s, a) => s + a.weightSum, 0);
        return {
          teamId,
          teamName: own[0].teamName,
          agents: own.map(({ teamId: _t, teamName: _n, scoreSum: _s, weightSum: _w, weightedSum: _ws, ...a }) => a),
          sessionsReviewed: sessions,
          meanScore: sessions ? round2(own.reduce((s, a) => s + a.scoreSum, 0) / sessions) : null,
          weightedMeanScore: weights ? round2(own.reduce((s, a) => s + a.weightedSum, 0) / weights) : null,
          fails: own.reduce((s, a) => s + a.fails, 0),
          topFindings: findings
            .filter((f) => f.teamId === teamId)
            .slice(0, TOP_FINDINGS)
            .map(({ teamId: _t, ...f }) => ({
              ...f,
              categoryLabel: labelIn(QcCategoryLabels, f.category),
              severityLabel: labelIn(SeverityLabels, f.severity),
            })),
        };
      }),
    };
  }
}
