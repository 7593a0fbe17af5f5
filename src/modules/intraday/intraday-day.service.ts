import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { addDays, weekStartOf } from 'src/platform/time/calendar-date';
import { localDaysWindow, todayIn } from 'src/platform/time/shop-calendar';
import type { ScheduledShift } from 'src/modules/adherence/engine/adherence';
import { IntradayForecastService } from 'src/modules/forecast/intraday.service';
import type { Queue } from 'src/modules/queues/queue.repository';
import { QueueService } from 'src/modules/queues/queue.service';
import { ShopService } from 'src/modules/org/shop.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import type { RealTimeQueue } from 'src/modules/staffing/engine';
import { realTimeQueueOf } from 'src/modules/staffing/real-time-queue';
import type { AgentDay, DaySlot } from './engine/live-day';
import { IntradayProblems } from './intraday.problems';
import { IntradayReads, QueueAgent } from './intraday.reads';

export type PublishedShift = Awaited<ReturnType<RosterReading['publishedShifts']>>[number];

/** Everything known about a queue's day at one instant: the inputs of the live view and of the suggestions. */
export type LiveDay = {
  shop: Shop;
  queue: Queue;
  /** The skill the queue needs (code), null when anyone may serve it. */
  skill: string | null;
  date: string;
  weekStart: string;
  now: number;
  dayStart: number;
  dayEnd: number;
  realTime: RealTimeQueue;
  forecast: Awaited<ReturnType<IntradayForecastService['view']>>;
  /** Slots with the contacts the rest of the day is expected to bring (the update where there is one). */
  slots: DaySlot[];
  /** Agents with the queue's skill. */
  agents: QueueAgent[];
  /** Their shifts that serve the queue (skill worked), with breaks and training, and their reported states. */
  days: AgentDay[];
  /** Their published shifts touching the day, whatever skill they work. */
  shifts: PublishedShift[];
};

const spanOf = (s: { startsAt: Date; endsAt: Date }) => ({ from: s.startsAt.getTime(), to: s.endsAt.getTime() });

/** Reads one queue's day for the live view and the suggestions. */
@Injectable()
export class IntradayDayService {
  constructor(
    private readonly forecasts: IntradayForecastService,
    private readonly queues: QueueService,
    private readonly shops: ShopService,
    private readonly rosters: RosterReading,
    private readonly repository: IntradayReads,
  ) {}

  async read(actor: Actor, queueId: string, date: string | undefined, now = Date.now()): Promise<LiveDay> {
    const shop = await this.shops.context(actor.shopId);
    const day = date ?? todayIn(shop.timeZone, new Date(now));
    // The forecast view answers 404 for another shop's queue and 409 without a day-ahead forecast.
    const forecast = await this.forecasts.view(actor, queueId, { date: day });
    const queue = await this.queues.get(actor, queueId);
    if (queue.kind === 'deferred') throw IntradayProblems.notRealTime.at('queue', { queue: queue.name }, 'query');
    const window = localDaysWindow(day, day, shop.timeZone);
    const dayStart = window.start.getTime();
    const dayEnd = window.end.getTime();
    const slotMinutes = forecast.items[0]?.slotMinutes ?? shop.slotMinutes;
    const slots = forecast.items.map((i) => {
      const from = Date.parse(i.start);
      return { from, to: from + i.slotMinutes * 60_000, contacts: i.updated ?? i.adjusted };
    });
    const [skill, agents] = await Promise.all([
      this.repository.skillCode(shop.id, queue.requiredSkillId),
      this.repository.agentsFor(shop.id, queue.requiredSkillId),
    ]);
    const ids = agents.map((a) => a.id);
    const from = new Date(dayStart);
    const to = new Date(dayEnd);
    const [published, training, states] = await Promise.all([
      this.rosters.publishedShifts(shop.id, ids, addDays(day, -1), day),
      this.rosters
        .trainingDuring(shop.id, ids, from, to)
        .then((sessions) =>
          sessions.map((t) => ({ agentId: t.agentId, from: t.startsAt.getTime(), to: t.endsAt.getTime() })),
        ),
      this.repository.states(shop.id, ids, from, to),
    ]);
    const shifts = published.filter((s) => s.startsAt.getTime() < dayEnd && s.endsAt.getTime() > dayStart);
    const days: AgentDay[] = agents.map((a) => ({
      agentId: a.id,
      shifts: shifts
        .filter((s) => s.agentId === a.id && (!skill || s.skill === skill))
        .map((s) =>
          scheduledShiftOf(
            s,
            training.filter((t) => t.agentId === a.id),
          ),
        ),
      reports: states.filter((r) => r.agentId === a.id),
    }));
    return {
      shop,
      queue,
      skill,
      date: day,
      weekStart: weekStartOf(day),
      now,
      dayStart,
      dayEnd,
      realTime: realTimeQueueOf(queue, shop.settings, slotMinutes),
      forecast,
      slots,
      agents,
      days,
      shifts,
    };
  }
}

export function scheduledShiftOf(
  s: Pick<PublishedShift, 'startsAt' | 'endsAt' | 'breaks'>,
  training: { from: number; to: number }[],
): ScheduledShift {
  const span = spanOf(s);
  return {
    ...span,
    breaks: s.breaks.map(spanOf),
    training: training.filter((t) => t.from < span.to && t.to > span.from),
  };
}
