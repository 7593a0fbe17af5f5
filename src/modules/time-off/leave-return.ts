import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { PublishedChange } from 'src/platform/db/schema';
import { AppError, renderMessage } from 'src/platform/errors/problem';
import { fillText, text, Text } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { defineTexts, labelOf } from 'src/platform/i18n/texts';
import { clockAt } from 'src/platform/time/shop-calendar';
import { Notices } from 'src/modules/notification/notification.service';
import type { Leave } from 'src/modules/org/leave.repository';
import { agentName, LeaveKindLabels } from 'src/modules/org/org.labels';
import { ShopService } from 'src/modules/org/shop.service';
import type { ShiftChange } from 'src/modules/roster/roster.dto';
import type { RosterShift } from 'src/modules/roster/roster.repository';
import { changeStart, clockText } from 'src/modules/roster/roster-week';
import type { ShiftTemplate } from 'src/modules/roster/shift-template.repository';
import { ruleKey } from 'src/modules/roster/roster-violations';
import { PublishedShift, PublishedWeeks, RosterChanges } from 'src/modules/self-service/published-weeks.service';
import { RuleLabels } from 'src/modules/self-service/self-service.labels';
import type { AgentFacts } from 'src/modules/self-service/self-service.repository';

export const LeaveReturnTexts = defineTexts('time-off.leave-return', {
  note: {
    en: '{kind} of {agent} {dates} cancelled: the shifts it took off or cut are given back',
    zh: '{agent} {dates} {kind}已取消：因其取消或缩短的班次已恢复',
  },
  givenAway: {
    en: 'The leave of {agent} {dates} was cancelled, but the shift {shift} was not given back: {other} works it now',
    zh: '{agent} {dates} 的休假已取消，但班次 {shift} 未恢复：该时段现由{other}上班',
  },
  dayChanged: {
    en: 'The leave of {agent} {dates} was cancelled, but the shift {shift} was not given back: {agent}’s day has changed since ({now})',
    zh: '{agent} {dates} 的休假已取消，但班次 {shift} 未恢复：{agent}当天的排班已有变动（{now}）',
  },
  notAllowed: {
    en: 'The leave of {agent} {dates} was cancelled, but the shift {shift} was not given back: {agent} may no longer work it ({reason})',
    zh: '{agent} {dates} 的休假已取消，但班次 {shift} 未恢复：{agent}已不能再上该班（{reason}）',
  },
});

/** What cancelling approved leave gave back (each roster's version) and, in both languages, what it could not. */
export type Returned = { returned: PublishedChange[]; warnings: Text[] };
type Span = { shiftTemplateId: string; startsAt: Date; endsAt: Date };

const sameSpan = (a: Span | undefined, b: Span | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.shiftTemplateId === b.shiftTemplateId &&
    a.startsAt.getTime() === b.startsAt.getTime() &&
    a.endsAt.getTime() === b.endsAt.getTime());

/** A refusal's text in both languages (the rule check answers in the caller's). */
const bothLanguages = (e: AppError): Text => ({
  en: renderMessage(e.detailMessage, 'en'),
  zh: renderMessage(e.detailMessage, 'zh'),
});

/**
 * Cancelled leave gives back the published shifts its approval took off or cut: each as it was in the
 * version before the leave (the approval kept which versions), from today on (the past stays as it
 * was worked). A shift is left as it is when the slot was since given to someone else, the agent's
 * day changed since, or a hard rule (or the agent's state) no longer lets the agent work it; the
 * managers are told which, naming agent and shift, in both languages.
 */
@Injectable()
export class LeaveReturn {
  constructor(
    private readonly weeks: PublishedWeeks,
    private readonly shops: ShopService,
    private readonly notices: Notices,
  ) {}

  /** In the caller's transaction, with the leave already cancelled: the rule check re-reads the agent's leave. */
  async giveBack(actor: Actor, leave: Leave, dates: string): Promise<Returned> {
    const shopId = actor.shopId;
    const [today, shop, { byId }, agent] = await Promise.all([
      this.weeks.today(shopId),
      this.shops.context(shopId),
      this.weeks.templatesOf(shopId),
      this.weeks.org.agents(shopId, [leave.agentId]).then((m) => m.get(leave.agentId)),
    ]);
    const about = { agent: agent ? agentName(agent) : '—', dates, kind: labelOf(LeaveKindLabels, leave.kind) };
    const describe = (s: Span & { date: string }) =>
      `${byId.get(s.shiftTemplateId)?.name ?? '—'} ${s.date} ${clockAt(s.startsAt, shop.timeZone)}–${clockAt(s.endsAt, shop.timeZone)}`;
    const changes: RosterChanges = new Map();
    // What each roster broke before the leave (a week given back may break it again), and the shifts going back to it.
    const baseline = new Map<string, Set<string>>();
    const candidates = new Map<string, string[]>();
    const warnings: Text[] = [];
    const warn = async (warning: Text) => {
      warnings.push(warning);
      await this.notices.tellManagers(shopId, {
        kind: 'shift-not-returned',
        subject: 'leave',
        subjectId: leave.id,
        message: warning,
      });
    };
    for (const p of leave.published) {
      const [before, after] = await Promise.all([
        this.weeks.versionShifts(shopId, p.rosterId, p.from),
        this.weeks.versionShifts(shopId, p.rosterId, p.to),
      ]);
      // Published versions are never deleted (a retried solve replaces only its own draft): a roster gone since has nothing to take them back.
      if (!before || !after) continue;
      baseline.set(p.rosterId, new Set(before.violations));
      const own = (shifts: RosterShift[], date: string) =>
        shifts.find((s) => s.agentId === leave.agentId && s.localDate === date);
      const taken = before.shifts.filter((s) => s.agentId === leave.agentId && s.localDate >= today);
      if (taken.length === 0) continue;
      // Today's published shifts of the agent and the roster's mates on those dates, read once for every day.
      const dates = taken.map((s) => s.localDate).sort();
      const everyone = [...new Set([leave.agentId, ...after.agentIds])];
      const published = await this.weeks.shifts(shopId, everyone, dates[0], dates[dates.length - 1]);
      for (const was of taken) {
        const left = own(after.shifts, was.localDate);
        if (sameSpan(left, was)) continue;
        const shift = describe({ ...was, date: was.localDate });
        const onDay = published.filter((s) => s.date === was.localDate);
        const verdict = agent
          ? await this.verdict(shopId, agent, was, left, after, onDay, changes, byId)
          : { reason: text('no longer an agent of the shop', '已不是本店客服') };
        if ('rosterId' in verdict) {
          changes.set(verdict.rosterId, [...(changes.get(verdict.rosterId) ?? []), verdict.change]);
          candidates.set(verdict.rosterId, [...(candidates.get(verdict.rosterId) ?? []), shift]);
          continue;
        }
        const warning =
          'other' in verdict
            ? fillText(LeaveReturnTexts.givenAway, { ...about, shift, other: verdict.other })
            : 'now' in verdict
              ? fillText(LeaveReturnTexts.dayChanged, {
                  ...about,
                  shift,
                  now: verdict.now ? describe(verdict.now) : text('off', '休息'),
                })
              : fillText(LeaveReturnTexts.notAllowed, { ...about, shift, reason: verdict.reason });
        await warn(warning);
      }
    }
    // Given back together, a roster's shifts must leave the agent's week within every rule it kept
    // before the leave (publishing checks the whole week): a week short of its contract minimum because
    // one of them went to someone else gets none back, each named.
    for (const [rosterId, list] of changes) {
      const [checked] = await this.weeks.check(shopId, new Map([[rosterId, list]]), { leaveOf: [leave.agentId] });
      const had = baseline.get(rosterId) ?? new Set<string>();
      const broken = checked.after.violations.find((v) => v.agentIds.includes(leave.agentId) && !had.has(ruleKey(v)));
      if (!broken) continue;
      changes.delete(rosterId);
      for (const shift of candidates.get(rosterId) ?? [])
        await warn(
          fillText(LeaveReturnTexts.notAllowed, { ...about, shift, reason: labelOf(RuleLabels, broken.rule) }),
        );
    }
    const returned =
      changes.size > 0
        ? await this.weeks.publish(actor, changes, {
            leaveOf: [leave.agentId],
            note: say(fillText(LeaveReturnTexts.note, about)),
          })
        : [];
    return { returned, warnings };
  }

  /** Whether one shift can be given back: the change to publish, or why not. */
  private async verdict(
    shopId: string,
    agent: AgentFacts,
    was: RosterShift,
    left: RosterShift | undefined,
    after: { agentIds: string[]; shifts: RosterShift[] },
    onDay: PublishedShift[],
    accepted: RosterChanges,
    templates: Map<string, ShiftTemplate>,
  ): Promise<
    | { rosterId: string; change: ShiftChange }
    | { other: Text | string }
    | { now: (Span & { date: string }) | null }
    | { reason: Text | string }
  > {
    const date = was.localDate;
    if (!agent.active) return { reason: text('no longer active', '已不在职') };
    const now = onDay.find((s) => s.agentId === agent.id);
    if (!sameSpan(now, left)) return { now: now ?? null };
    // Given to someone else: a mate of the roster who works into those hours now (with its skill) and did not then.
    const taker = onDay.find(
      (s) =>
        s.agentId !== agent.id &&
        s.startsAt < was.endsAt &&
        was.startsAt < s.endsAt &&
        (!was.skill || s.skill === was.skill) &&
        !sameSpan(
          after.shifts.find((a) => a.agentId === s.agentId && a.localDate === s.date),
          s,
        ),
    );
    if (taker) {
      const other = (await this.weeks.org.agents(shopId, [taker.agentId])).get(taker.agentId);
      return { other: other ? agentName(other) : '—' };
    }
    const template = templates.get(was.shiftTemplateId);
    if (!template) return { reason: text('its shift template is gone', '其班次模板已不存在') };
    try {
      const rosterId = await this.weeks.rosterOf(shopId, agent, date);
      const change = this.changeOf(agent.id, was, template);
      await this.weeks.check(shopId, new Map([[rosterId, [...(accepted.get(rosterId) ?? []), change]]]), {
        leaveOf: [agent.id],
      });
      return { rosterId, change };
    } catch (e) {
      // A catalogued refusal (a hard rule, the week no longer published, the template's start changed) names why.
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      return { reason: bothLanguages(e) };
    }
  }

  /** The shift as it was: its template, start (after midnight too), skill and, where each is known, its breaks. */
  private changeOf(agentId: string, was: RosterShift, template: ShiftTemplate): ShiftChange {
    const rules = template.breaks.filter((r) => was.lengthMinutes >= r.minShiftMinutes);
    const breaks = rules.map((r) => was.breaks.find((b) => b.name === r.name));
    return {
      agentId,
      date: was.localDate,
      shiftTemplate: template.code,
      ...changeStart(was.startMinutes),
      ...(was.skill ? { skill: was.skill } : {}),
      ...(breaks.length > 0 && breaks.every((b) => b !== undefined)
        ? { breaks: breaks.map((b) => ({ start: clockText(b!.startMinutes % 1440) })) }
        : {}),
    };
  }
}
