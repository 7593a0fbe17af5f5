import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { AppError } from 'src/platform/errors/problem';
import { conflict, notFound } from 'src/platform/errors/common-problems';
import { KpiService } from 'src/modules/kpi/kpi.service';
import type { CreateScorecardBody } from './ranking.dto';
import { Scorecard, ScorecardRepository } from './scorecard.repository';

@Injectable()
export class ScorecardService {
  constructor(
    private readonly scorecards: ScorecardRepository,
    private readonly kpis: KpiService,
  ) {}

  /** Metrics must be registry keys; their direction is the registry's, so a scorecard cannot reward slowness. */
  async create(actor: Actor, body: CreateScorecardBody): Promise<Scorecard> {
    const known = new Set(this.kpis.definitions().map((d) => d.key));
    const unknown = body.metrics.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m.metric));
    if (unknown.length) {
      throw new AppError('validation', `Unknown KPI ${unknown.map((u) => u.m.metric).join(', ')}`, unknown.map((u) => ({ field: `metrics.${u.i}.metric`, message: 'not a KPI of GET /kpis/definitions', in: 'body' })));
    }
    if (await this.scorecards.findByName(actor.shopId, body.name)) throw conflict(`A scorecard named ${body.name} already exists`);
    return this.scorecards.insert({ ...body, shopId: actor.shopId, createdBy: actor.userId });
  }

  list(actor: Actor): Promise<Scorecard[]> {
    return this.scorecards.list(actor.shopId);
  }

  async get(actor: Actor, id: string): Promise<Scorecard> {
    const card = await this.scorecards.find(actor.shopId, id);
    if (!card) throw notFound('Scorecard');
    return card;
  }
}
