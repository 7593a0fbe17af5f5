import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { OrgProblems } from './org.problems';
import { AgentScope } from './agent-scope.service';
import { AgentRepository } from './agent.repository';
import { CreateAvailabilityBody, ListAvailabilityQuery } from './availability.dto';
import { Availability, AvailabilityRepository } from './availability.repository';

/** When agents cannot, or would rather not, work; the roster reads these as hard or soft rules. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly entries: AvailabilityRepository,
    private readonly agents: AgentRepository,
    private readonly scope: AgentScope,
  ) {}

  async create(actor: Actor, body: CreateAvailabilityBody): Promise<Availability> {
    const agentId = body.agentId ?? actor.agentId;
    if (!agentId || !(await this.scope.canSee(actor, agentId)) || !(await this.agents.find(actor.shopId, agentId)))
      throw OrgProblems.agentNotFound();
    const { agentId: _given, ...rest } = body;
    return this.entries.insert({ shopId: actor.shopId, agentId, ...rest });
  }

  async list(actor: Actor, query: ListAvailabilityQuery): Promise<Availability[]> {
    const visible = await this.scope.visibleAgentIds(actor);
    const wanted = query.agentId ? (visible && !visible.includes(query.agentId) ? [] : [query.agentId]) : visible;
    return this.entries.list(actor.shopId, wanted);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const entry = await this.entries.find(actor.shopId, id);
    if (!entry || !(await this.scope.canSee(actor, entry.agentId))) throw OrgProblems.availabilityNotFound();
    await this.entries.remove(actor.shopId, id);
  }
}
