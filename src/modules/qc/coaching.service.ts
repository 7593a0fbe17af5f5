import { Notices } from 'src/modules/notification/notification.service';
import { text } from 'src/platform/i18n/locale';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { Page } from 'src/platform/http/pagination';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';
import { CoachingRepository, CoachingTask } from './coaching.repository';
import { labelIn } from 'src/platform/i18n/texts';
import { CoachingReasonLabels } from './qc.labels';
import { QcProblems } from './qc.problems';
import { QcScope } from './qc-scope.service';
import { CloseCoachingBody, ListCoachingQuery } from './qc.dto';
import { qcCoachingOverdueJob } from './qc.jobs';
import type { Review } from './review.repository';
import type { ReviewedSession } from './reviewed-session.reads';
import { addDays } from 'src/platform/time/calendar-date';

/** After the QC sample (30); order does not matter to it, only that it runs every night. */
const NIGHTLY_ORDER = 31;

export type CoachingView = Omit<CoachingTask, 'shopId'> & { reasonLabel: string };
export type RaiseCoaching = {
  shopId: string;
  review: Review;
  session: ReviewedSession;
  reason: 'failed' | 'below_threshold';
  today: string;
  dueDays: number;
};

const view = ({ shopId: _shop, ...task }: CoachingTask): CoachingView => ({
  ...task,
  reasonLabel: labelIn(CoachingReasonLabels, task.reason),
});

/** Coaching tasks raised by weak reviews; the agent's supervisor confirms each with a note. */
@Injectable()
export class CoachingService implements OnModuleInit {
  constructor(
    private readonly nightly: NightlyPipeline,
    private readonly tasks: CoachingRepository,
    private readonly scope: QcScope,
    private readonly notices: Notices,
  ) {}

  onModuleInit(): void {
    this.nightly.register({ job: qcCoachingOverdueJob, order: NIGHTLY_ORDER });
  }

  /** Called inside the review's transaction; one task per failing session of an agent. */
  async raise(input: RaiseCoaching): Promise<CoachingTask | undefined> {
    const dueDate = addDays(input.today, input.dueDays);
    const task = await this.tasks.insertOnce(
      {
        shopId: input.shopId,
        reviewId: input.review.id,
        agentId: input.session.agentId,
        teamId: input.session.teamId,
        supervisorAgentId: input.session.supervisorAgentId,
        reason: input.reason,
        dueDate,
      },
      input.session.id,
    );
    // The agent and the supervisor who coaches them both see it in their feed.
    if (task) {
      await this.notices.tellAgents(
        input.shopId,
        [task.agentId, ...(task.supervisorAgentId ? [task.supervisorAgentId] : [])],
        {
          kind: 'coaching-task',
          subject: 'coaching-task',
          subjectId: task.id,
          message: text(`A coaching task after a QC review, due ${dueDate}`, `质检后的辅导任务，截止 ${dueDate}`),
        },
      );
    }
    return task;
  }

  async list(actor: Actor, query: ListCoachingQuery): Promise<Page<CoachingView>> {
    const agentIds = await this.scope.agentFilter(actor, query.agent);
    const { rows, total } = await this.tasks.list(actor.shopId, { ...query, agentIds });
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<CoachingView> {
    return view(await this.find(actor, id));
  }

  /** Only the supervisor the task is assigned to closes it, and only with a note of what was done. */
  async close(actor: Actor, id: string, body: CloseCoachingBody): Promise<CoachingView> {
    const task = await this.find(actor, id);
    if (!actor.agentId || task.supervisorAgentId !== actor.agentId) throw QcProblems.coachingNotYours();
    if (task.status !== 'open') throw QcProblems.coachingClosed(undefined, { extra: { state: task.status } });
    const closed = await this.tasks.close(actor.shopId, id, body.note, actor.userId);
    if (!closed) throw QcProblems.coachingClosed();
    return view(closed);
  }

  @JobHandler(qcCoachingOverdueJob)
  async flagOverdue(payload: NightlyPayload): Promise<Record<string, unknown>> {
    return { date: payload.date, ...(await this.tasks.flagOverdue(payload.shopId, payload.date)) };
  }

  private async find(actor: Actor, id: string): Promise<CoachingTask> {
    const task = await this.tasks.find(actor.shopId, id);
    if (!task || !(await this.scope.canSee(actor, task.agentId))) throw QcProblems.coachingNotFound();
    return task;
  }
}
