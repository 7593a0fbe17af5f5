import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { PublishedChange } from 'src/platform/db/schema';
import { fillText } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { defineTexts, labelOf } from 'src/platform/i18n/texts';
import { addDays } from 'src/platform/time/calendar-date';
import { clockAt } from 'src/platform/time/shop-calendar';
import { agentName, LeaveKindLabels } from 'src/modules/org/org.labels';
import type { Shop } from 'src/modules/org/shop.repository';
import {
  CheckedRoster,
  dayOfWeek,
  PublishedWeeks,
  RosterChanges,
} from 'src/modules/self-service/published-weeks.service';
import type { AgentFacts } from 'src/modules/self-service/self-service.repository';
import { LeavePlan, planLeave, shortenedStart } from './time-off-leave';
import { TimeOffProblems } from './time-off.problems';
import type { TimeOffRequest } from './time-off.repository';

export type Wish = Pick<TimeOffRequest, 'agentId' | 'startDate' | 'endDate' | 'startTime' | 'endTime'>;
/** The roster changes time off makes (by roster), the (day, skill) it frees for the cover check, and the leave to grant. */
export type Freed = {
  changes: RosterChanges;
  days: Map<string, { day: number; skill: string | null }[]>;
  leave: Pick<LeavePlan, 'startsAt' | 'endsAt' | 'credit'>;
};

export type Weighed = Freed & { checked: CheckedRoster[] };

export const LeaveOnRosterTexts = defineTexts('time-off.on-roster', {
  note: {
    en: '{kind} of {agent} {dates}: the shifts it overlaps are taken off or cut',
    zh: '{agent} {dates} {kind}：与之重叠的班次已取消或缩短',
  },
});

/** A leave's dates (and hours) as people write them. */
export const datesOf = (r: Pick<Wish, 'startDate' | 'endDate' | 'startTime' | 'endTime'>) =>
  `${r.startDate}${r.endDate !== r.startDate ? `–${r.endDate}` : ''}${r.startTime ? ` ${r.startTime}–${r.endTime}` : ''}`;

/**
 * Leave laid on the agent's published shifts (the rules of it are `planLeave`'s), one way for every
 * path that grants leave: a self-service request approved, or leave decided on the leave list.
 */
@Injectable()
export class TimeOffFreeing {
  constructor(private readonly weeks: PublishedWeeks) {}

  /**
   * What the time off does to the agent's published shifts, by roster (see `planLeave`: a whole day
   * starts after the night already rostered into it; part of a day frees or cuts what it overlaps).
   */
  async freed(shop: Shop, agent: AgentFacts, wish: Wish): Promise<Freed> {
    const { byId, active } = await this.weeks.templatesOf(shop.id);
    const shifts = (await this.weeks.shifts(shop.id, [agent.id], addDays(wish.startDate, -1), wish.endDate)).filter(
      (s) => byId.has(s.shiftTemplateId),
    );
    const plan = planLeave(wish, shop.timeZone, shifts, byId, active);
    const [stuck] = plan.unshortenable;
    if (stuck)
      throw TimeOffProblems.cannotShorten.at('startTime', {
        shift: `${byId.get(stuck.shiftTemplateId)!.name} ${clockAt(stuck.startsAt, shop.timeZone)}–${clockAt(stuck.endsAt, shop.timeZone)}`,
        date: wish.startDate,
        from: wish.startTime ?? '00:00',
        to: wish.endTime ?? '24:00',
      });
    const changes: RosterChanges = new Map();
    const days = new Map<string, { day: number; skill: string | null }[]>();
    const cut = plan.shortened.map(({ shift, to }) => ({
      shift,
      change: {
        agentId: agent.id,
        date: shift.date,
        shiftTemplate: to.template.code,
        ...shortenedStart(to),
        ...(shift.skill ? { skill: shift.skill } : {}),
      },
    }));
    const off = plan.freed.map((shift) => ({
      shift,
      change: { agentId: agent.id, date: shift.date, shiftTemplate: null },
    }));
    for (const { shift: s, change } of [...off, ...cut]) {
      changes.set(s.rosterId, [...(changes.get(s.rosterId) ?? []), change]);
      days.set(s.rosterId, [...(days.get(s.rosterId) ?? []), { day: dayOfWeek(s.date), skill: s.skill }]);
    }
    return { changes, days, leave: { startsAt: plan.startsAt, endsAt: plan.endsAt, credit: plan.credit } };
  }

  /** `freed`, checked against every hard rule of the published versions with the leave granted (409 naming them). */
  async weighed(shop: Shop, agent: AgentFacts, wish: Wish): Promise<Weighed> {
    const freed = await this.freed(shop, agent, wish);
    const checked = await this.weeks.check(shop.id, freed.changes, {
      leaveOf: [wish.agentId],
      addLeave: [{ agentId: wish.agentId, ...freed.leave }],
    });
    return { ...freed, checked };
  }

  /**
   * The freed shifts published as each roster's next version (carried into a pending draft), with a
   * note saying which leave did it. The leave must be stored (approved) first: publishing re-reads it.
   */
  publish(actor: Actor, agent: AgentFacts, wish: Wish & { kind: string }, freed: Freed): Promise<PublishedChange[]> {
    const note = say(
      fillText(LeaveOnRosterTexts.note, {
        kind: labelOf(LeaveKindLabels, wish.kind),
        agent: agentName(agent),
        dates: datesOf(wish),
      }),
    );
    return this.weeks.publish(actor, freed.changes, { leaveOf: [wish.agentId], note });
  }
}
