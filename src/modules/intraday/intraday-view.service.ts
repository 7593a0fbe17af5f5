import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { activityAt, inAdherence, stateAt } from 'src/modules/adherence/engine/adherence';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { staffSlot } from 'src/modules/staffing/engine';
import { loggedInIn, projectRest, restServiceLevel, scheduledIn } from './engine/live-day';
import { IntradayDayService, LiveDay } from './intraday-day.service';
import type { LiveViewQuery } from './intraday.dto';

const round = (n: number | null, places: number) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** places) / 10 ** places;

/** The live view of a queue's day (`GET /intraday`). */
@Injectable()
export class IntradayViewService {
  constructor(
    private readonly days: IntradayDayService,
    private readonly scope: AgentScope,
  ) {}

  async view(actor: Actor, query: LiveViewQuery) {
    const day = await this.days.read(actor, query.queue, query.date);
    const projections = projectRest(day.realTime, day.slots, day.days, day.now);
    const target = day.realTime.target;
    const items = day.forecast.items.map((i, n) => {
      const slot = day.slots[n];
      const projected = projections[n];
      return {
        start: i.start,
        slotMinutes: i.slotMinutes,
        forecast: i.adjusted,
        updated: i.updated,
        actual: i.actual,
        required: slot.contacts > 0 ? staffSlot(day.realTime, slot.contacts).rawAgents : 0,
        scheduled: round(scheduledIn(slot, day.days), 2),
        loggedIn: round(loggedInIn(slot, day.days, day.now), 2),
        projected: projected && {
          serviceLevel: round(projected.serviceLevel, 4),
          asaSeconds: round(projected.asaSeconds, 1),
          belowTarget: projected.serviceLevel < target.serviceLevel! && slot.contacts > 0,
        },
      };
    });
    return {
      queue: { id: day.queue.id, code: day.queue.code, name: day.queue.name },
      date: day.date,
      asOf: new Date(day.now).toISOString(),
      target: { serviceLevel: target.serviceLevel, answerWithinSeconds: target.answerWithinSeconds },
      forecastId: day.forecast.forecastId,
      update: day.forecast.update,
      restOfDay: {
        serviceLevel: round(restServiceLevel(day.slots, projections), 4),
        slotsBelowTarget: items.filter((i) => i.projected?.belowTarget).length,
      },
      outOfAdherence: await this.outOfAdherence(actor, day),
      items,
    };
  }

  /** Agents on shift now whose reported state is not the one their scheduled activity expects (supervisors: their teams). */
  private async outOfAdherence(actor: Actor, day: LiveDay) {
    if (day.now < day.dayStart || day.now >= day.dayEnd) return [];
    const visible = await this.scope.visibleAgentIds(actor);
    const byId = new Map(day.agents.map((a) => [a.id, a]));
    return day.days
      .filter((d) => !visible || visible.includes(d.agentId))
      .flatMap((d) => {
        const expected = activityAt(d.shifts, day.now);
        if (!expected) return [];
        const { state, since } = stateAt(d.reports, day.now);
        if (inAdherence(expected, state)) return [];
        const agent = byId.get(d.agentId)!;
        return [
          {
            agentId: agent.id,
            name: agent.name,
            employeeNo: agent.employeeNo,
            expected,
            expectedStates: expected === 'work' ? ['online', 'busy'] : ['away', 'offline'],
            state,
            since: since === null ? null : new Date(since).toISOString(),
          },
        ];
      });
  }
}
