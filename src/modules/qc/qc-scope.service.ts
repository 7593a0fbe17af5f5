import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { QcProblems } from './qc.problems';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { AgentService } from 'src/modules/org/agent.service';

/** Whose QC records a caller may list: agents their own, supervisors their teams', the rest the shop. */
@Injectable()
export class QcScope {
  constructor(
    private readonly scope: AgentScope,
    private readonly agents: AgentService,
  ) {}

  /** Agent ids to filter by (undefined: the whole shop), narrowed to `agent` when asked; an agent not visible is not found. */
  async agentFilter(actor: Actor, agent?: string): Promise<string[] | undefined> {
    const visible = await this.scope.visibleAgentIds(actor);
    if (!agent) return visible;
    if (visible && !visible.includes(agent)) throw QcProblems.agentNotFound();
    if (!visible) await this.agents.get(actor, agent);
    return [agent];
  }

  canSee(actor: Actor, agentId: string): Promise<boolean> {
    return this.scope.canSee(actor, agentId);
  }
}
