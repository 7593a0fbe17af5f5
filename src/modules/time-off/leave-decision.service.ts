import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { PublishedChange } from 'src/platform/db/schema';
import { Notices } from 'src/modules/notification/notification.service';
import type { DecideLeaveBody } from 'src/modules/org/leave.dto';
import type { Leave } from 'src/modules/org/leave.repository';
import { LeaveService } from 'src/modules/org/leave.service';
import { ShopService } from 'src/modules/org/shop.service';
import { datesBetween, PublishedWeeks } from 'src/modules/self-service/published-weeks.service';
import { TimeOffFreeing, Wish } from './time-off-freeing';

/**
 * A decision on leave asked for on the leave list. Approved leave is laid on the agent's published
 * shifts exactly as an approved time-off request is (`TimeOffFreeing`): the shifts it overlaps are
 * freed in each roster's next published version (carried into a pending draft), and a hard rule the
 * freeing breaks refuses the decision with 409. Unlike a request, leave may cover weeks not yet
 * published (the roster is made around it) and days already past (recorded after the fact: the
 * published past is history and stays as it was worked).
 */
@Injectable()
export class LeaveDecisions {
  constructor(
    private readonly db: Db,
    private readonly leave: LeaveService,
    private readonly shops: ShopService,
    private readonly weeks: PublishedWeeks,
    private readonly freeing: TimeOffFreeing,
    private readonly notices: Notices,
  ) {}

  async decide(actor: Actor, id: string, body: DecideLeaveBody): Promise<Leave & { published: PublishedChange[] }> {
    const decided = await this.db.transaction(async () => {
      const leave = await this.leave.decidable(actor, id);
      // A decision that touches no published shift: stored as it is.
      const untouched = async (decision: 'approved' | 'rejected') => ({
        ...(await this.leave.decided(actor, id, decision)),
        published: [] as PublishedChange[],
      });
      if (body.decision === 'rejected') return untouched('rejected');
      const today = await this.weeks.today(actor.shopId);
      if (leave.endDate < today) return untouched('approved');
      const planned = leave.startDate >= today;
      const wish: Wish = {
        agentId: leave.agentId,
        startDate: planned ? leave.startDate : today,
        endDate: leave.endDate,
        startTime: null,
        endTime: null,
      };
      const shop = await this.shops.context(actor.shopId);
      const agent = await this.weeks.agent(actor.shopId, leave.agentId);
      const freed = await this.freeing.weighed(shop, agent, wish);
      if (freed.changes.size === 0) return untouched('approved');
      // The paid minutes of the freed shifts are the leave's credit only where every week it covers is
      // published (as for a request); over weeks still to be rostered it keeps a working day's share.
      const whole =
        planned &&
        (await this.weeks.firstUnpublished(actor.shopId, agent, datesBetween(leave.startDate, leave.endDate))) === null;
      const approved = await this.leave.decided(actor, id, 'approved', {
        startsAt: planned ? freed.leave.startsAt : leave.startsAt,
        endsAt: freed.leave.endsAt,
        credit: whole ? freed.leave.credit : null,
      });
      const published = await this.freeing.publish(actor, agent, { ...wish, kind: leave.kind }, freed);
      // Kept on the leave: cancelling it gives back what these versions took.
      await this.leave.recordPublished(id, published);
      return { ...approved, published };
    });
    // A draft carried the freed shifts: its author hears of any warning once the change is committed.
    await this.notices.deliver(actor.shopId);
    return decided;
  }
}
