import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import { QcCategoryLabels } from 'src/modules/qc/qc.labels';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { ShopService } from 'src/modules/org/shop.service';
import { rankTrainingNeeds, TrainingNeed } from './engine/training-needs';
import { TrainingInputReads } from './training-input.reads';
import { TrainingRequestRepository } from './training-request.repository';
import { needsDaysOf, severityWeightsOf } from './training-settings';
import { agentLabel } from './training-view';
import { TrainingProblems } from './training.problems';
import type { CreateRequestBody, NeedsQuery } from './training.dto';

const DAY = 86_400_000;

export type RankedNeeds = {
  days: number;
  since: string;
  severityWeights: Record<string, number>;
  needs: TrainingNeed[];
};

/** Needs ranked from the recent QC findings (frequency × severity), with topics asked for by the floor. */
@Injectable()
export class TrainingNeedsService {
  constructor(
    private readonly shops: ShopService,
    private readonly input: TrainingInputReads,
    private readonly requests: TrainingRequestRepository,
    private readonly scope: AgentScope,
  ) {}

  /** The ranking itself, for the API and the weekly draft; `visible` narrows the findings to some agents. */
  async rank(shopId: string, days: number | undefined, now: Date, visible?: string[]): Promise<RankedNeeds> {
    const shop = await this.shops.context(shopId);
    const window = days ?? needsDaysOf(shop);
    const since = new Date(now.getTime() - window * DAY);
    const weights = severityWeightsOf(shop);
    const allowed = visible ? new Set(visible) : null;
    const findings = (await this.input.findings(shop.id, since, now))
      .filter((f) => !allowed || allowed.has(f.agentId))
      .map((f) => ({
        category: f.category,
        severity: weights[f.severity] ?? 1,
        agentId: f.agentId,
        quote: f.quote,
        foundAt: f.sessionStartedAt.getTime(),
      }));
    const requests = (await this.requests.since(shop.id, since, now)).map((r) => ({
      category: r.category,
      requestedBy: r.requestedBy,
      note: r.note,
    }));
    return {
      days: window,
      since: since.toISOString(),
      severityWeights: weights,
      needs: rankTrainingNeeds(findings, requests),
    };
  }

  async needs(actor: Actor, query: NeedsQuery) {
    const ranked = await this.rank(actor.shopId, query.days, new Date(), await this.scope.visibleAgentIds(actor));
    const agents = new Map(
      (
        await this.input.agentsByIds(actor.shopId, [
          ...new Set(ranked.needs.flatMap((n) => n.affectedAgents.map((a) => a.agentId))),
        ])
      ).map((a) => [a.id, a]),
    );
    return {
      ...ranked,
      needs: ranked.needs.map((n, i) => ({
        rank: i + 1,
        ...n,
        categoryLabel: labelIn(QcCategoryLabels, n.category),
        affectedAgents: n.affectedAgents.map((a) => {
          const agent = agents.get(a.agentId);
          return {
            ...(agent ? agentLabel(agent) : { agentId: a.agentId, employeeNo: null, name: null }),
            findings: a.findings,
            score: a.score,
          };
        }),
      })),
    };
  }

  /** A topic joins the list for the needs window; the same person asking twice within it is refused. */
  async request(actor: Actor, body: CreateRequestBody) {
    const shop = await this.shops.context(actor.shopId);
    const since = new Date(Date.now() - needsDaysOf(shop) * DAY);
    if (await this.requests.findSince(shop.id, actor.userId, body.category, since)) {
      throw TrainingProblems.alreadyAsked(
        { topic: labelOf(QcCategoryLabels, body.category), days: needsDaysOf(shop) },
        { extra: { category: body.category } },
      );
    }
    const { shopId: _shop, ...stored } = await this.requests.insert({
      shopId: shop.id,
      category: body.category,
      note: body.note ?? null,
      requestedBy: actor.userId,
    });
    return stored;
  }
}
