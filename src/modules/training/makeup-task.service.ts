import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { labelIn } from 'src/platform/i18n/texts';
import { QcCategoryLabels } from 'src/modules/qc/qc.labels';
import { MakeupReasonLabels } from './training.labels';
import { TrainingProblems } from './training.problems';
import type { Page } from 'src/platform/http/pagination';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { MakeupTask, MakeupTaskRepository } from './makeup-task.repository';
import type { CloseMakeupBody, ListMakeupQuery } from './training.dto';

export type MakeupTaskView = Omit<MakeupTask, 'shopId'> & { categoryLabel: string; reasonLabel: string };

const view = ({ shopId: _shop, ...task }: MakeupTask): MakeupTaskView => ({
  ...task,
  categoryLabel: labelIn(QcCategoryLabels, task.category),
  reasonLabel: labelIn(MakeupReasonLabels, task.reason),
});

/** Make-up coaching for invitees a session could not take; their team supervisor closes each with a note. */
@Injectable()
export class MakeupTaskService {
  constructor(
    private readonly tasks: MakeupTaskRepository,
    private readonly scope: AgentScope,
  ) {}

  async list(actor: Actor, query: ListMakeupQuery): Promise<Page<MakeupTaskView>> {
    const visible = await this.scope.visibleAgentIds(actor);
    if (query.agent && visible && !visible.includes(query.agent)) throw TrainingProblems.agentNotFound();
    const { rows, total } = await this.tasks.list(actor.shopId, {
      status: query.status,
      sessionId: query.session,
      agentIds: query.agent ? [query.agent] : visible,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  /** Only the supervisor the task is assigned to closes it, and only with a note of what was coached. */
  async close(actor: Actor, id: string, body: CloseMakeupBody): Promise<MakeupTaskView> {
    const task = await this.tasks.find(actor.shopId, id);
    if (!task || !(await this.scope.canSee(actor, task.agentId))) throw TrainingProblems.makeupNotFound();
    if (!actor.agentId || task.supervisorAgentId !== actor.agentId) throw TrainingProblems.makeupNotYours();
    if (task.status !== 'open') throw TrainingProblems.makeupClosed(undefined, { extra: { state: task.status } });
    const closed = await this.tasks.close(actor.shopId, id, body.note, actor.userId);
    if (!closed) throw TrainingProblems.makeupClosed();
    return view(closed);
  }
}
