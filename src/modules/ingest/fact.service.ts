import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import type { ListOrdersQuery, ListSessionsQuery } from './fact.dto';
import { FactRepository } from './fact.repository';
import { IngestProblems } from './ingest.problems';

/** Sessions and orders as stored: agents see their own, supervisors their teams', the rest the shop. */
@Injectable()
export class FactService {
  constructor(
    private readonly facts: FactRepository,
    private readonly scope: AgentScope,
  ) {}

  async sessions(actor: Actor, query: ListSessionsQuery) {
    return this.facts.sessions(actor.shopId, query, await this.scope.visibleAgentIds(actor));
  }

  async orders(actor: Actor, query: ListOrdersQuery) {
    return this.facts.orders(actor.shopId, query, await this.scope.visibleAgentIds(actor));
  }

  /** Transcripts are for QC, supervisors and managers of the shop only (the route's roles). */
  async transcript(actor: Actor, id: string) {
    const row = await this.facts.transcript(actor.shopId, id);
    if (!row) throw IngestProblems.sessionNotFound();
    return row;
  }
}
