import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { Page } from 'src/platform/http/pagination';
import { fillText, text, Text } from 'src/platform/i18n/locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import { Notices } from 'src/modules/notification/notification.service';
import { agentName } from 'src/modules/org/org.labels';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { ShopService } from 'src/modules/org/shop.service';
import { coverNotDropped } from 'src/modules/self-service/cover-share';
import { CheckedRoster, PublishedShift, PublishedWeeks } from 'src/modules/self-service/published-weeks.service';
import { SelfServiceProblems } from 'src/modules/self-service/self-service.problems';
import type { AgentFacts } from 'src/modules/self-service/self-service.repository';
import { AcceptSwapBody, DecideSwapBody, ListSwapsQuery, OfferSwapBody } from './shift-swap.dto';
import { ShiftSwapStatusLabels } from './shift-swap.labels';
import { ShiftSwapProblems } from './shift-swap.problems';
import { NamedSwap, ShiftSwap, ShiftSwapRepository } from './shift-swap.repository';
import { SwapPlan, swapPlan, SwapShift } from './shift-swap-rules';

type Parties = { offerer: AgentFacts; taker: AgentFacts };

/**
 * Shift swaps between team mates: an agent offers a published shift (to a named colleague or the
 * team), a colleague takes it, optionally giving one of theirs back; both rosters after the swap
 * are checked against every hard rule before a supervisor sees it, and approval publishes the swap
 * as the roster's next version. Every answer re-reads the published week, so a stale offer is refused.
 */
@Injectable()
export class ShiftSwapService {
  constructor(
    private readonly db: Db,
    private readonly swaps: ShiftSwapRepository,
    private readonly weeks: PublishedWeeks,
    private readonly shops: ShopService,
    private readonly scope: AgentScope,
    private readonly notices: Notices,
  ) {}

  async offer(actor: Actor, body: OfferSwapBody) {
    const offerer = await this.weeks.actedFor(actor, body.agentId);
    await this.weeks.refusePast(actor.shopId, body.date, 'date');
    await this.weeks.requirePublished(actor.shopId, offerer, [body.date]);
    const shift = await this.weeks.shiftOn(actor.shopId, offerer, body.date);
    const name = await this.shiftName(actor.shopId, shift);
    const to = body.toAgentId
      ? await this.weeks.agent(actor.shopId, body.toAgentId).catch(() => {
          throw SelfServiceProblems.agentNotFound();
        })
      : null;
    if (to) {
      if (to.id === offerer.id) throw ShiftSwapProblems.ownShift({ agent: agentName(offerer) });
      this.weeks.requireTeamMate(to, offerer, name, body.date);
      await this.weeks.requireSkill(actor.shopId, to, shift.skill, name, body.date);
    }
    const row = await this.db.transaction(async () => {
      if (await this.swaps.active(actor.shopId, offerer.id, body.date))
        throw ShiftSwapProblems.alreadyOffered({ agent: agentName(offerer), date: body.date });
      const saved = await this.swaps.insert({
        shopId: actor.shopId,
        offererId: offerer.id,
        offerDate: body.date,
        toAgentId: to?.id ?? null,
        status: 'open',
        reason: body.reason ?? null,
        requestedBy: actor.userId,
      });
      await this.audit(actor, saved, 'offered', [shift.rosterId]);
      const told = to ? [to.id] : await this.swaps.teamMates(actor.shopId, offerer.teamId, offerer.id);
      await this.notices.tellAgents(actor.shopId, told, {
        kind: 'swap-offered',
        subject: 'shift-swap',
        subjectId: saved.id,
        message: fillText(text('{agent} offers {shift} on {date} to swap', '{agent}想换出 {date} 的{shift}'), {
          agent: agentName(offerer),
          shift: name,
          date: body.date,
        }),
      });
      return saved;
    });
    await this.notices.deliver(actor.shopId);
    return this.view({ ...row, offererName: offerer.name, takerName: null });
  }

  async list(actor: Actor, query: ListSwapsQuery): Promise<Page<ReturnType<ShiftSwapService['view']>>> {
    // Agents see their own swaps and what is offered to them or their team; leaders what their scope covers.
    const reach =
      actor.role === 'agent' && actor.agentId
        ? { agent: { id: actor.agentId, teamId: (await this.weeks.agent(actor.shopId, actor.agentId)).teamId } }
        : { agentIds: await this.scope.visibleAgentIds(actor) };
    const { rows, total } = await this.swaps.list(actor.shopId, reach, query.status, query.limit, query.offset);
    return { items: rows.map((r) => this.view(r)), total, limit: query.limit, offset: query.offset };
  }

  /** A colleague takes the offer (one winner: the row is locked); checked now, then the supervisor's or approved at once. */
  async accept(actor: Actor, id: string, body: AcceptSwapBody) {
    const named = await this.db.transaction(async () => {
      const swap = await this.open(actor, id);
      const parties = {
        offerer: await this.weeks.agent(actor.shopId, swap.offererId),
        taker: await this.weeks.actedFor(actor, body.agentId),
      };
      const { offerer, taker } = parties;
      if (taker.id === offerer.id) throw ShiftSwapProblems.ownShift({ agent: agentName(taker) });
      if (swap.toAgentId && swap.toAgentId !== taker.id)
        throw ShiftSwapProblems.notForYou({ to: agentName(await this.weeks.agent(actor.shopId, swap.toAgentId)) });
      const taken = { ...swap, takerId: taker.id, returnDate: body.returnDate ?? null };
      const plan = await this.plan(actor.shopId, taken, parties);
      const checked = await this.weeks.check(actor.shopId, plan.changes);
      let row = await this.swaps.update(id, {
        status: 'pending',
        takerId: taker.id,
        returnDate: taken.returnDate,
        acceptedAt: new Date(),
      });
      await this.audit(actor, row, body.returnDate ? 'countered' : 'accepted', [...plan.changes.keys()]);
      if (await this.approvesAtOnce(actor.shopId, offerer, checked, plan))
        row = await this.approve(actor, row, plan, parties, true);
      else {
        const message = fillText(
          text(
            '{taker} takes {offerer}’s shift on {date}{back}; waiting for a supervisor',
            '{taker}接{offerer} {date} 的班{back}，待主管审批',
          ),
          this.words(row, parties),
        );
        await this.notices.tellSupervisorsOf(actor.shopId, [offerer.id], {
          kind: 'request-waiting',
          subject: 'shift-swap',
          subjectId: row.id,
          message,
        });
        await this.notices.tellAgents(actor.shopId, [offerer.id], {
          kind: 'swap-offered',
          subject: 'shift-swap',
          subjectId: row.id,
          message,
        });
      }
      return { ...row, offererName: offerer.name, takerName: taker.name };
    });
    await this.notices.deliver(actor.shopId);
    return this.view(named);
  }

  /** The named colleague says no; the offerer is told. */
  async decline(actor: Actor, id: string) {
    const named = await this.db.transaction(async () => {
      const swap = await this.open(actor, id);
      const offerer = await this.weeks.agent(actor.shopId, swap.offererId);
      if (!swap.toAgentId || !(await this.scope.canSee(actor, swap.toAgentId))) throw ShiftSwapProblems.notFound();
      const row = await this.swaps.update(id, { status: 'declined', decidedBy: actor.userId, decidedAt: new Date() });
      await this.audit(actor, row, 'declined', []);
      await this.tellDecision(actor.shopId, row, [offerer.id], {
        offerer,
        taker: await this.weeks.agent(actor.shopId, swap.toAgentId),
      });
      return { ...row, offererName: offerer.name, takerName: null };
    });
    await this.notices.deliver(actor.shopId);
    return this.view(named);
  }

  /** One decision per swap (locked row: of two supervisors at once the second gets 409); approval checks every rule again. */
  async decide(actor: Actor, id: string, body: DecideSwapBody) {
    const named = await this.db.transaction(async () => {
      const swap = await this.swaps.lock(actor.shopId, id);
      if (!swap || !(await this.scope.canSee(actor, swap.offererId))) throw ShiftSwapProblems.notFound();
      if (swap.status !== 'pending') throw this.decided(swap);
      const parties = {
        offerer: await this.weeks.agent(actor.shopId, swap.offererId),
        taker: await this.weeks.agent(actor.shopId, swap.takerId!),
      };
      let row: ShiftSwap;
      if (body.decision === 'rejected') {
        row = await this.swaps.update(id, {
          status: 'rejected',
          decidedBy: actor.userId,
          decidedAt: new Date(),
          note: body.note ?? null,
        });
        await this.audit(actor, row, 'rejected', [], { note: row.note });
        await this.tellDecision(actor.shopId, row, [parties.offerer.id, parties.taker.id], parties);
      } else {
        const plan = await this.plan(actor.shopId, swap, parties);
        await this.weeks.check(actor.shopId, plan.changes);
        row = await this.approve(actor, { ...swap, note: body.note ?? null }, plan, parties, false);
      }
      return { ...row, offererName: parties.offerer.name, takerName: parties.taker.name };
    });
    await this.notices.deliver(actor.shopId);
    return this.view(named);
  }

  /** The offerer (or whoever leads them) withdraws the offer before it is decided. */
  async cancel(actor: Actor, id: string) {
    return this.db.transaction(async () => {
      const swap = await this.swaps.lock(actor.shopId, id);
      // Agents may see offers of the shop's teams, so only the offerer's own is theirs to withdraw.
      if (!swap || (actor.role !== 'agent' && !(await this.scope.canSee(actor, swap.offererId))))
        throw ShiftSwapProblems.notFound();
      const offerer = await this.weeks.agent(actor.shopId, swap.offererId);
      if (actor.role === 'agent' && swap.offererId !== actor.agentId)
        throw ShiftSwapProblems.notYours({ agent: agentName(offerer) });
      if (swap.status !== 'open' && swap.status !== 'pending') throw this.decided(swap);
      const row = await this.swaps.update(id, { status: 'cancelled' });
      await this.audit(actor, row, 'cancelled', []);
      return this.view({
        ...row,
        offererName: offerer.name,
        takerName: row.takerId ? (await this.weeks.agent(actor.shopId, row.takerId)).name : null,
      });
    });
  }

  /** The swap locked, of this shop and still open to take. */
  private async open(actor: Actor, id: string): Promise<ShiftSwap> {
    const swap = await this.swaps.lock(actor.shopId, id);
    if (!swap) throw ShiftSwapProblems.notFound();
    if (swap.status !== 'open') throw this.decided(swap);
    return swap;
  }

  private decided(swap: ShiftSwap) {
    return SelfServiceProblems.decided(
      { state: labelOf(ShiftSwapStatusLabels, swap.status) },
      { extra: { state: swap.status } },
    );
  }

  /**
   * The rules a swap must meet before anyone approves it (re-read at every step): days today or
   * later in published weeks, both shifts still published, team mates, each able to work the other's
   * shift, and neither left with two shifts on a day.
   */
  private async plan(
    shopId: string,
    swap: Pick<ShiftSwap, 'offerDate' | 'returnDate'>,
    { offerer, taker }: Parties,
  ): Promise<SwapPlan> {
    const dates = [swap.offerDate, ...(swap.returnDate ? [swap.returnDate] : [])];
    await this.weeks.refusePast(shopId, swap.offerDate, 'offerDate');
    if (swap.returnDate) await this.weeks.refusePast(shopId, swap.returnDate, 'returnDate');
    for (const agent of [offerer, taker]) await this.weeks.requirePublished(shopId, agent, dates);
    const offered = await this.shiftOf(shopId, offerer, swap.offerDate);
    this.weeks.requireTeamMate(taker, offerer, offered.name, swap.offerDate);
    await this.weeks.requireSkill(shopId, taker, offered.skill, offered.name, swap.offerDate);
    const back = swap.returnDate ? await this.shiftOf(shopId, taker, swap.returnDate) : null;
    if (back) await this.weeks.requireSkill(shopId, offerer, back.skill, back.name, back.date);
    if (back?.date !== swap.offerDate) {
      await this.weeks.refuseBusy(shopId, taker, swap.offerDate);
      if (back) await this.weeks.refuseBusy(shopId, offerer, back.date);
    }
    const rosters = new Map<string, string>();
    for (const [agent, date] of [[taker, swap.offerDate], ...(back ? [[offerer, back.date] as const] : [])] as const)
      rosters.set(`${agent.id}/${date}`, await this.weeks.rosterOf(shopId, agent, date));
    return swapPlan(offered, taker.id, back, (agentId, date) => rosters.get(`${agentId}/${date}`)!);
  }

  private async shiftOf(shopId: string, agent: AgentFacts, date: string): Promise<SwapShift & { name: string }> {
    const shift = await this.weeks.shiftOn(shopId, agent, date);
    const code = await this.weeks.shiftCode(shopId, shift.shiftTemplateId);
    return {
      agentId: agent.id,
      date,
      rosterId: shift.rosterId,
      code,
      startMinutes: shift.startMinutes,
      skill: shift.skill,
      name: await this.shiftName(shopId, shift),
    };
  }

  private async shiftName(shopId: string, shift: PublishedShift): Promise<string> {
    return (await this.weeks.shiftNames(shopId)).get(shift.shiftTemplateId)?.name ?? '—';
  }

  /** Approved at once where the shop says so (for the offerer's team) and cover per skill on the days touched does not drop. */
  private async approvesAtOnce(
    shopId: string,
    offerer: AgentFacts,
    checked: CheckedRoster[],
    plan: SwapPlan,
  ): Promise<boolean> {
    const rule = (await this.shops.context(shopId)).settings.shiftSwapAutoApprove;
    if (!rule || (rule.teamIds && !rule.teamIds.includes(offerer.teamId ?? ''))) return false;
    return checked.every((c) =>
      coverNotDropped(
        c.before,
        c.after,
        plan.touched.filter((t) => t.rosterId === c.rosterId),
      ),
    );
  }

  /** The swap published as each roster's next version and approved: in the caller's transaction. */
  private async approve(
    actor: Actor,
    swap: ShiftSwap,
    plan: SwapPlan,
    parties: Parties,
    auto: boolean,
  ): Promise<ShiftSwap> {
    const published = await this.weeks.publish(actor, plan.changes);
    const row = await this.swaps.update(swap.id, {
      status: 'approved',
      autoApproved: auto,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      note: swap.note,
      published,
    });
    await this.audit(
      actor,
      row,
      auto ? 'auto-approved' : 'approved',
      published.map((p) => p.rosterId),
      { published, note: swap.note },
    );
    await this.tellDecision(actor.shopId, row, [parties.offerer.id, parties.taker.id], parties);
    return row;
  }

  private words(row: ShiftSwap, { offerer, taker }: Parties): Record<string, Text | string> {
    return {
      taker: agentName(taker),
      offerer: agentName(offerer),
      date: row.offerDate,
      back: row.returnDate
        ? fillText(text(' and gives back {date}', '并换回 {date} 的班'), { date: row.returnDate })
        : text('', ''),
    };
  }

  private tellDecision(shopId: string, row: ShiftSwap, agentIds: string[], parties: Parties) {
    return this.notices.tellAgents(shopId, agentIds, {
      kind: 'request-decided',
      subject: 'shift-swap',
      subjectId: row.id,
      message: fillText(
        text(
          'Swap: {taker} takes {offerer}’s shift on {date}{back} — {state}.{note}',
          '换班：{taker}接{offerer} {date} 的班{back}——{state}。{note}',
        ),
        {
          ...this.words(row, parties),
          state: labelOf(ShiftSwapStatusLabels, row.status),
          note: row.note ? ` ${row.note}` : '',
        },
      ),
    });
  }

  private audit(
    actor: Actor,
    row: ShiftSwap,
    action: string,
    rosterIds: string[],
    detail: Record<string, unknown> = {},
  ) {
    return this.weeks.org.record([
      {
        shopId: actor.shopId,
        subject: 'shift-swap',
        subjectId: row.id,
        action,
        actorUserId: actor.userId,
        rosterIds,
        agentIds: [row.offererId, ...(row.takerId ? [row.takerId] : row.toAgentId ? [row.toAgentId] : [])],
        detail: { offerDate: row.offerDate, returnDate: row.returnDate, ...detail },
      },
    ]);
  }

  private view(row: NamedSwap) {
    const { shopId: _shop, requestedBy: _by, updatedAt: _updated, ...rest } = row;
    return { ...rest, statusLabel: labelIn(ShiftSwapStatusLabels, row.status) };
  }
}
