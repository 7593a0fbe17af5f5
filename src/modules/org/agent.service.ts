import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { Page } from 'src/platform/http/pagination';
import { agentName } from './org.labels';
import { OrgProblems } from './org.problems';
import { AgentView, CreateAgentBody, ListAgentsQuery, UpdateAgentBody } from './agent.dto';
import { AgentLabel, AgentRepository, NewAgent, SkillLink } from './agent.repository';
import { SkillRepository } from './skill.repository';
import { TeamRepository } from './team.repository';

@Injectable()
export class AgentService {
  constructor(
    private readonly db: Db,
    private readonly agents: AgentRepository,
    private readonly teams: TeamRepository,
    private readonly skills: SkillRepository,
  ) {}

  create(actor: Actor, body: CreateAgentBody): Promise<AgentView> {
    return this.db.transaction(async () => {
      if (await this.agents.findByEmployeeNo(actor.shopId, body.employeeNo)) {
        throw OrgProblems.employeeNoTaken({ employeeNo: body.employeeNo });
      }
      const links = await this.skillLinks(actor.shopId, body.skills);
      await this.checkTeam(actor.shopId, body.teamId);
      const id = await this.agents.insert({ shopId: actor.shopId, ...this.columns(body) } as NewAgent);
      await this.agents.replaceSkills(actor.shopId, id, links);
      return (await this.agents.view(actor.shopId, id))!;
    });
  }

  /** Agents see only themselves; everyone else sees the shop. */
  async list(actor: Actor, query: ListAgentsQuery): Promise<Page<AgentView>> {
    const only = actor.role === 'agent' ? [actor.agentId ?? ''].filter(Boolean) : undefined;
    const { rows, total } = await this.agents.list(actor.shopId, query, only);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  /** Labels for reports: every agent of the shop by id (scoping stays with the report's own data). */
  async labels(shopId: string): Promise<Map<string, AgentLabel>> {
    return new Map((await this.agents.labels(shopId)).map((a) => [a.id, a]));
  }

  async get(actor: Actor, id: string): Promise<AgentView> {
    const visible = actor.role !== 'agent' || actor.agentId === id;
    const agent = visible ? await this.agents.view(actor.shopId, id) : undefined;
    if (!agent) throw OrgProblems.agentNotFound();
    return agent;
  }

  me(actor: Actor): Promise<AgentView> {
    if (!actor.agentId) throw OrgProblems.noAgentRecord();
    return this.get(actor, actor.agentId);
  }

  update(actor: Actor, id: string, body: UpdateAgentBody): Promise<AgentView> {
    return this.db.transaction(async () => {
      const current = await this.agents.find(actor.shopId, id);
      if (!current) throw OrgProblems.agentNotFound();
      if (body.version && body.version !== current.updatedAt.toISOString()) {
        throw OrgProblems.agentChanged(
          { agent: agentName(current) },
          { extra: { currentVersion: current.updatedAt.toISOString() } },
        );
      }
      if (
        body.employeeNo &&
        body.employeeNo !== current.employeeNo &&
        (await this.agents.findByEmployeeNo(actor.shopId, body.employeeNo))
      ) {
        throw OrgProblems.employeeNoTaken({ employeeNo: body.employeeNo });
      }
      if (body.teamId !== undefined) await this.checkTeam(actor.shopId, body.teamId);
      if (body.skills)
        await this.agents.replaceSkills(actor.shopId, id, await this.skillLinks(actor.shopId, body.skills));
      const { version: _version, ...changes } = body;
      await this.agents.update(actor.shopId, id, this.columns(changes));
      return (await this.agents.view(actor.shopId, id))!;
    });
  }

  /** Agents are deactivated, not deleted: their history (KPIs, rosters, reviews) stays theirs. */
  async deactivate(actor: Actor, id: string): Promise<AgentView> {
    if (!(await this.agents.find(actor.shopId, id))) throw OrgProblems.agentNotFound();
    await this.agents.update(actor.shopId, id, { active: false });
    return (await this.agents.view(actor.shopId, id))!;
  }

  private columns(body: Partial<CreateAgentBody>): Partial<NewAgent> {
    const { contract, skills: _skills, ...rest } = body;
    return { ...rest, ...(contract ?? {}) };
  }

  private async checkTeam(shopId: string, teamId: string | null | undefined): Promise<void> {
    if (teamId && !(await this.teams.findTeam(shopId, teamId))) throw OrgProblems.teamUnknown.at('teamId');
  }

  private async skillLinks(shopId: string, wanted: { skill: string; proficiency: number }[]): Promise<SkillLink[]> {
    const known = new Map((await this.skills.listSkills(shopId)).map((s) => [s.code, s.id]));
    const unknown = wanted.map((w, i) => ({ w, i })).filter(({ w }) => !known.has(w.skill));
    if (unknown.length) {
      throw OrgProblems.skillUnknown(
        { skill: unknown.map(({ w }) => w.skill) },
        {
          errors: unknown.map(({ w, i }) => ({
            field: `skills.${i}.skill`,
            message: OrgProblems.skillUnknown.message({ skill: w.skill }),
            code: OrgProblems.skillUnknown.code,
            in: 'body',
          })),
        },
      );
    }
    return wanted.map((w) => ({ skillId: known.get(w.skill)!, proficiency: w.proficiency }));
  }
}
