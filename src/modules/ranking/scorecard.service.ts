import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { KpiService } from 'src/modules/kpi/kpi.service';
import type { CreateScorecardBody, UpdateScorecardBody } from './ranking.dto';
import { RankingProblems } from './ranking.problems';
import { Scorecard, ScorecardRepository } from './scorecard.repository';

@Injectable()
export class ScorecardService {
  constructor(
    private readonly scorecards: ScorecardRepository,
    private readonly kpis: KpiService,
  ) {}

  /** Metrics must be registry keys; their direction is the registry's, so a scorecard cannot reward slowness. */
  async create(actor: Actor, body: CreateScorecardBody): Promise<Scorecard> {
    this.checkMetrics(body.metrics);
    if (await this.scorecards.findByName(actor.shopId, body.name))
      throw RankingProblems.scorecardNameTaken({ name: body.name });
    return this.scorecards.insert({ ...body, shopId: actor.shopId, createdBy: actor.userId });
  }

  /** New weights or rules apply to the next ranking run; runs already made keep the scorecard they were made with. */
  async update(actor: Actor, id: string, body: UpdateScorecardBody): Promise<Scorecard> {
    const current = await this.get(actor, id);
    if (body.metrics) this.checkMetrics(body.metrics);
    if (body.name && body.name !== current.name && (await this.scorecards.findByName(actor.shopId, body.name)))
      throw RankingProblems.scorecardNameTaken({ name: body.name });
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const updated = await this.scorecards.update(actor.shopId, id, changes);
    if (!updated) throw RankingProblems.scorecardNotFound();
    return updated;
  }

  private checkMetrics(metrics: CreateScorecardBody['metrics']): void {
    const known = new Set(this.kpis.definitions().map((d) => d.key));
    const unknown = metrics.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m.metric));
    if (unknown.length) {
      const problem = RankingProblems.unknownKpi;
      throw problem(
        { metric: unknown.map((u) => u.m.metric) },
        {
          errors: unknown.map((u) => ({
            field: `metrics.${u.i}.metric`,
            message: problem.message({ metric: u.m.metric }),
            code: problem.code,
            in: 'body',
          })),
        },
      );
    }
  }

  list(actor: Actor): Promise<Scorecard[]> {
    return this.scorecards.list(actor.shopId);
  }

  async get(actor: Actor, id: string): Promise<Scorecard> {
    const card = await this.scorecards.find(actor.shopId, id);
    if (!card) throw RankingProblems.scorecardNotFound();
    return card;
  }
}
