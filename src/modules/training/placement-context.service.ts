import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Actor } from 'src/platform/auth/actor';
import { fillText, type Text } from 'src/platform/i18n/locale';
import { ForecastService } from 'src/modules/forecast/forecast.service';
import { QueueService } from 'src/modules/queues/queue.service';
import type { Shop } from 'src/modules/org/shop.repository';
import { realTimeQueueOf } from 'src/modules/staffing/real-time-queue';
import type { ForecastQueue, PlacementContext, RosteredShift, TimeRange } from './engine/placement-types';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import { TrainingInputReads } from './training-input.reads';
import { TrainingSessionRepository } from './training-session.repository';
import { TrainingTexts } from './training.problems';
import { localDateOf } from 'src/platform/time/shop-calendar';

export type LoadedContext = { context: PlacementContext; warnings: Text[] };

const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;

/**
 * What placement needs for a window: every published shift overlapping it (with its breaks, and
 * with training already booked counted as time away), each shift on the real-time queue its
 * skill serves, and each such queue's newest completed forecast (planner adjustments applied)
 * priced with the staffing module's queue model.
 */
@Injectable()
export class PlacementContextService {
  constructor(
    private readonly queues: QueueService,
    private readonly forecasts: ForecastService,
    private readonly rosters: RosterReading,
    private readonly input: TrainingInputReads,
    private readonly sessions: TrainingSessionRepository,
  ) {}

  async load(actor: Actor, shop: Shop, window: { start: Date; end: Date }): Promise<LoadedContext> {
    const warnings: Text[] = [];
    const range = { start: window.start.getTime(), end: window.end.getTime() };
    const localDate = (at: Date) => localDateOf(at, shop.timeZone);
    // A night shift of the day before can reach into the window.
    const fromDate = DateTime.fromISO(localDate(window.start)).minus({ days: 1 }).toISODate()!;
    const lastDate = localDate(new Date(range.end - 1));
    // Everyone rostered on a queue counts for its service, not only the invitees.
    const everyone = await this.input.agentIds(shop.id);
    const stored = (await this.rosters.publishedShifts(shop.id, everyone, fromDate, lastDate)).filter((s) =>
      overlaps({ start: s.startsAt.getTime(), end: s.endsAt.getTime() }, range),
    );
    const away = await this.sessions.bookedAttendance(shop.id, window.start, window.end);
    const queueOf = await this.queueBySkill(actor, shop.id);
    const shifts: RosteredShift[] = stored.map((s) => {
      const shift = { start: s.startsAt.getTime(), end: s.endsAt.getTime() };
      const training = away
        .filter((a) => a.agentId === s.agentId && overlaps(a, shift))
        .map(({ start, end }) => ({ start, end }));
      const queueId = queueOf.match(s.skill);
      return {
        agentId: s.agentId,
        queueId,
        ...shift,
        breaks: [...s.breaks.map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() })), ...training],
      };
    });
    const queues: ForecastQueue[] = [];
    for (const queueId of new Set(shifts.map((s) => s.queueId))) {
      const queue = queueOf.queues.get(queueId);
      if (!queue) {
        const skill = queueId.slice('skill:'.length);
        warnings.push(
          fillText(TrainingTexts.skillWithoutQueue, {
            skill: skill ? (queueOf.skillNames.get(skill) ?? skill) : TrainingTexts.noSkill,
          }),
        );
        continue;
      }
      const contacts = await this.contacts(actor, queue.id, { fromDate, lastDate }, window);
      if (!contacts) warnings.push(fillText(TrainingTexts.queueWithoutForecast, { queue: queue.name }));
      else
        queues.push({
          queueId: queue.id,
          queue: realTimeQueueOf(queue, shop.settings, shop.slotMinutes),
          contactsBySlot: contacts,
        });
    }
    if (stored.length === 0) warnings.push(TrainingTexts.noPublishedShift);
    return { context: { slotMinutes: shop.slotMinutes, shifts, queues }, warnings };
  }

  /** Forecast contacts per slot start of the newest completed version of the queue that reaches the window. */
  private async contacts(
    actor: Actor,
    queueId: string,
    dates: { fromDate: string; lastDate: string },
    window: { start: Date; end: Date },
  ): Promise<Map<number, number> | null> {
    const versions = await this.forecasts.list(actor, { queueId, status: 'completed', limit: 100, offset: 0 });
    const version = versions.items.find((v) => v.toDate >= dates.fromDate && v.fromDate <= dates.lastDate);
    if (!version) return null;
    const slots = await this.forecasts.slots(actor, version.id, {
      from: window.start.toISOString(),
      to: window.end.toISOString(),
    });
    return new Map(slots.items.map((s) => [Date.parse(s.start), s.adjusted]));
  }

  /**
   * A shift serves the active real-time queue requiring its skill (the first by code when several
   * do); a shift without a skill serves a queue requiring none, or the only real-time queue.
   */
  private async queueBySkill(actor: Actor, shopId: string) {
    const all = (await this.queues.list(actor))
      .filter((q) => q.active && q.kind === 'realtime')
      .sort((a, b) => a.code.localeCompare(b.code));
    const skills = await this.input.skills(shopId);
    const codes = new Map(skills.map((s) => [s.id, s.code]));
    const bySkill = new Map<string, string>();
    for (const q of all) {
      const skill = q.requiredSkillId ? (codes.get(q.requiredSkillId) ?? '') : '';
      if (!bySkill.has(skill)) bySkill.set(skill, q.id);
    }
    return {
      queues: new Map(all.map((q) => [q.id, q])),
      skillNames: new Map(skills.map((s) => [s.code, s.name])),
      match: (skill: string | null) =>
        bySkill.get(skill ?? '') ?? (!skill && all.length === 1 ? all[0].id : `skill:${skill ?? ''}`),
    };
  }
}
