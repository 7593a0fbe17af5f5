import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { conflict, forbidden, notFound } from 'src/platform/errors/common-problems';
import type { Page } from 'src/platform/http/pagination';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { MakeupTask, MakeupTaskRepository } from './makeup-task.repository';
import type { CloseMakeupBody, ListMakeupQuery } from './training.dto';

export type MakeupTaskView = Omit<MakeupTask, 'shopId'>;

const view = ({ shopId: _shop, ...task }: MakeupTask): MakeupTaskView => task;

/** Make-up coaching for invitees a session could not take; their team supervisor closes each with a note. */
@Injectable()
export class MakeupTaskService {
  constructor(
    private readonly tasks: MakeupTaskRepository,
    private readonly scope: AgentScope,
  ) {}

  async list(actor: Actor, query: ListMakeupQuery): Promise<Page<MakeupTaskView>> {
    const visible = await this.scope.visibleAgentIds(actor);
    if (query.agent && visible && !visible.includes(query.agent)) throw notFound('Agent');
    const { rows, total } = await this.tasks.list(actor.shopId, {
      status: query.status, sessionId: query.session, agentIds: query.agent ? [query.agent] : visible, limit: query.limit, offset: query.offset,
    });
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  /** Only the supervisor the task is assigned to closes it, and only with a note of what was coached. */
  async close(actor: Actor, id: string, body: CloseMakeupBody): Promise<MakeupTaskView> {
    const task = await this.tasks.find(actor.shopId, id);
    if (!task || !(await this.scope.canSee(actor, task.agentId))) throw notFound('Make-up task');
    if (!actor.agentId || task.supervisorAgentId !== actor.agentId) throw forbidden("Only the agent's team supervisor may close this make-up task");
    if (task.status !== 'open') throw conflict('The make-up task is already closed', { state: task.status });
    const closed = await this.tasks.close(actor.shopId, id, body.note, actor.userId);
    if (!closed) throw conflict('The make-up task is already closed');
    return view(closed);
  }
}
