import { Injectable } from '@nestjs/common';
import { addDays } from 'src/platform/time/calendar-date';
import { clockAt } from 'src/platform/time/shop-calendar';
import type { Shop } from 'src/modules/org/shop.repository';
import { dayOfWeek, PublishedWeeks, RosterChanges } from 'src/modules/self-service/published-weeks.service';
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

/** Time off laid on the agent's published shifts (the rules of it are `planLeave`'s). */
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
        ...(shortenedStart(to) ? { start: shortenedStart(to) } : {}),
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
}
