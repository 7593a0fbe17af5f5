import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { AgentRepository } from './agent.repository';
import { TeamRepository } from './team.repository';

/**
 * Whose records a user may see: agents their own, supervisors their teams' (and their own),
 * everyone else the whole shop (`undefined`). Every module that lists per-agent data asks here.
 */
@Injectable()
export class AgentScope {
  constructor(
    private readonly agents: AgentRepository,
    private readonly teams: TeamRepository,
  ) {}

  async visibleAgentIds(actor: Actor): Promise<string[] | undefined> {
    if (actor.role === 'agent') return actor.agentId ? [actor.agentId] : [];
    if (actor.role !== 'supervisor') return undefined;
    if (!actor.agentId) return [];
    const teamIds = await this.teams.teamsSupervisedBy(actor.shopId, actor.agentId);
    const ids = await this.agents.idsInTeams(actor.shopId, teamIds);
    return ids.includes(actor.agentId) ? ids : [...ids, actor.agentId];
  }

  async canSee(actor: Actor, agentId: string): Promise<boolean> {
    const ids = await this.visibleAgentIds(actor);
    return !ids || ids.includes(agentId);
  }
}
