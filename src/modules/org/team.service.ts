import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { Page } from 'src/platform/http/pagination';
import { AgentRepository } from './agent.repository';
import { agentName } from './org.labels';
import { OrgProblems } from './org.problems';
import { CreateTeamBody, ListTeamsQuery, UpdateTeamBody } from './team.dto';
import { Team, TeamRepository } from './team.repository';

@Injectable()
export class TeamService {
  constructor(
    private readonly teams: TeamRepository,
    private readonly agents: AgentRepository,
  ) {}

  async create(actor: Actor, body: CreateTeamBody): Promise<Team> {
    await this.checkSupervisor(actor.shopId, body.supervisorAgentId);
    return this.teams.createTeam({ shopId: actor.shopId, ...body });
  }

  async list(actor: Actor, query: ListTeamsQuery): Promise<Page<Team>> {
    const { rows, total } = await this.teams.listTeams(actor.shopId, query);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<Team> {
    const team = await this.teams.findTeam(actor.shopId, id);
    if (!team) throw OrgProblems.teamNotFound();
    return team;
  }

  async update(actor: Actor, id: string, body: UpdateTeamBody): Promise<Team> {
    await this.get(actor, id);
    if (body.supervisorAgentId !== undefined) await this.checkSupervisor(actor.shopId, body.supervisorAgentId);
    return (await this.teams.updateTeam(actor.shopId, id, body))!;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const team = await this.get(actor, id);
    if (await this.teams.teamHasAgents(actor.shopId, id)) throw OrgProblems.teamHasAgents({ team: team.name });
    await this.teams.deleteTeam(actor.shopId, id);
  }

  /** Team ids a supervisor user leads (empty for anyone else). */
  async supervisedTeamIds(actor: Actor): Promise<string[]> {
    if (!actor.agentId) return [];
    return this.teams.teamsSupervisedBy(actor.shopId, actor.agentId);
  }

  private async checkSupervisor(shopId: string, agentId: string | null): Promise<void> {
    if (!agentId) return;
    const agent = await this.agents.find(shopId, agentId);
    if (!agent) throw OrgProblems.agentUnknown.at('supervisorAgentId');
    if (!agent.isSupervisor) throw OrgProblems.notSupervisor.at('supervisorAgentId', { agent: agentName(agent) });
  }
}
