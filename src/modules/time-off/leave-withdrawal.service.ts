import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { Notices } from 'src/modules/notification/notification.service';
import type { Leave } from 'src/modules/org/leave.repository';
import { LeaveService } from 'src/modules/org/leave.service';
import { SelfServiceRepository } from 'src/modules/self-service/self-service.repository';
import { LeaveReturn, Returned } from './leave-return';
import { timeOffEvent } from './time-off-audit';
import { datesOf } from './time-off-freeing';
import { TimeOffRepository, TimeOffRequest } from './time-off.repository';

/**
 * Leave cancelled, from the leave list or as an approved time-off request withdrawn: whoever may see
 * the leave may cancel it (the agent their own, a supervisor their team's, managers and HR any), and
 * approved leave gives back the published shifts it took (`LeaveReturn`).
 */
@Injectable()
export class LeaveWithdrawal {
  constructor(
    private readonly db: Db,
    private readonly leave: LeaveService,
    private readonly returning: LeaveReturn,
    private readonly requests: TimeOffRepository,
    private readonly notices: Notices,
    private readonly trail: SelfServiceRepository,
  ) {}

  /** DELETE /leave/:id: a time-off request approved into this leave is cancelled with it. */
  async cancel(actor: Actor, id: string): Promise<Leave & Returned> {
    const cancelled = await this.db.transaction(async () => {
      const leave = await this.leave.cancellable(actor, id);
      const done = await this.withdraw(actor, leave, datesOf({ ...leave, startTime: null, endTime: null }));
      const requests = await this.requests.cancelOfLeave(actor.shopId, id);
      // The request's own trail says it ended with its leave, as a withdrawal of the request says so.
      await this.trail.record(
        requests.map((r) =>
          timeOffEvent(
            actor,
            r,
            'cancelled',
            done.returned.map((p) => p.rosterId),
            {
              returned: done.returned,
              withLeave: true,
            },
          ),
        ),
      );
      return done;
    });
    await this.notices.deliver(actor.shopId);
    return cancelled;
  }

  /** An approved request withdrawn (in the caller's transaction): its leave cancelled and given back; null for a waiting one. */
  async ofRequest(actor: Actor, request: TimeOffRequest): Promise<Returned | null> {
    if (!request.leaveId) return null;
    const leave = await this.leave.cancellable(actor, request.leaveId);
    // Leave approved before it kept what it published: the request did.
    const published = leave.published.length ? leave.published : request.published;
    const { returned, warnings } = await this.withdraw(actor, { ...leave, published }, datesOf(request));
    return { returned, warnings };
  }

  /** In the caller's transaction: the leave cancelled first (the rule check must no longer see it), then its shifts given back. */
  async withdraw(actor: Actor, leave: Leave, dates: string): Promise<Leave & Returned> {
    const cancelled = await this.leave.cancelled(leave.id);
    const returned: Returned =
      leave.status === 'approved' ? await this.returning.giveBack(actor, leave, dates) : { returned: [], warnings: [] };
    return { ...cancelled, ...returned };
  }
}
