import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { JobContext } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';
import { ShopService } from 'src/modules/org/shop.service';
import type { SessionOption } from './engine/placement-types';
import { SessionPlacement } from './engine/session-placement';
import { PlacementContextService } from './placement-context.service';
import { TrainingNeedsService } from './training-needs.service';
import { TrainingSessionRepository } from './training-session.repository';
import { draftSettingsOf, minServiceLevelOf } from './training-settings';
import { trainingWeeklyDraftJob } from './training.jobs';
import { impactOf } from './training-view';
import { addDays } from 'src/platform/time/calendar-date';
import { localDayStart, localDaysWindow } from 'src/platform/time/shop-calendar';
import { draftWeekOf, runsOnMonday } from './draft-week';
import { TrainingTexts } from './training.problems';
import { TrainingJobTexts } from './training.labels';

/** After the forecast refresh (20) and the QC steps (30s): it reads both. */
const NIGHTLY_ORDER = 60;

/**
 * The Monday step: for the top needs (by findings of the needs window up to the night), sessions
 * for the affected agents placed in next week's quietest slots of the published roster, stored as
 * drafts for the trainer to book. Drafts assume one trainer, so they never overlap each other. A
 * re-run replaces the week's drafts.
 */
@Injectable()
export class WeeklyDraft implements OnModuleInit {
  constructor(
    private readonly nightly: NightlyPipeline,
    private readonly db: Db,
    private readonly shops: ShopService,
    private readonly needs: TrainingNeedsService,
    private readonly placementContext: PlacementContextService,
    private readonly sessions: TrainingSessionRepository,
  ) {}

  onModuleInit(): void {
    this.nightly.register({ job: trainingWeeklyDraftJob, order: NIGHTLY_ORDER, when: runsOnMonday });
  }

  @JobHandler(trainingWeeklyDraftJob)
  async draft(payload: NightlyPayload, context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    const settings = draftSettingsOf(shop);
    const week = draftWeekOf(payload.date);
    const window = localDaysWindow(week, addDays(week, 6), shop.timeZone);
    // The night's own reads (queues, forecasts) are the shop's; no user asked for them.
    const actor: Actor = {
      userId: context.runId,
      username: trainingWeeklyDraftJob.name,
      role: 'manager',
      shopId: shop.id,
      agentId: null,
    };
    const endOfNight = localDayStart(addDays(payload.date, 1), shop.timeZone);
    const { needs } = await this.needs.rank(shop.id, undefined, endOfNight);
    const top = needs.filter((n) => n.affectedAgents.length > 0).slice(0, settings.topNeeds);
    const { context: placementContext, warnings } = top.length
      ? await this.placementContext.load(actor, shop, window)
      : { context: { slotMinutes: shop.slotMinutes, shifts: [], queues: [] }, warnings: [TrainingTexts.noNeed] };
    const placement = new SessionPlacement(placementContext);
    const minServiceLevel = minServiceLevelOf(shop);
    const busy: { start: number; end: number }[] = [];
    const drafts: { category: string; option: SessionOption }[] = [];
    const unplaced: Record<string, string[]> = {};
    for (const need of top) {
      const plan = placement.plan({
        lengthMinutes: settings.lengthMinutes,
        capacity: settings.capacity,
        invitees: need.affectedAgents.map((a) => a.agentId),
        window: { start: window.start.getTime(), end: window.end.getTime() },
        trainerBusy: [...busy],
        minServiceLevel,
      });
      for (const option of plan.sessions) {
        drafts.push({ category: need.category, option });
        busy.push({ start: option.start, end: option.end });
      }
      if (plan.makeUp.length) unplaced[need.category] = plan.makeUp;
    }
    const replaced = await this.db.transaction(async () => {
      await this.sessions.lockShop(shop.id);
      const removed = await this.sessions.deleteDrafts(shop.id, week);
      for (const { category, option } of drafts) {
        await this.sessions.insert(
          {
            shopId: shop.id,
            category,
            title: category,
            status: 'draft',
            startsAt: new Date(option.start),
            endsAt: new Date(option.end),
            capacity: settings.capacity,
            draftWeek: week,
            impact: impactOf(option, minServiceLevel),
            lostContactsWithinTarget: option.lostContactsWithinTarget,
            createdBy: null,
          },
          option.attendees,
        );
      }
      return removed;
    });
    await context.progress(100, { template: TrainingJobTexts.drafted, params: { drafts: drafts.length, week } });
    return {
      date: payload.date,
      week,
      needs: top.map((n) => n.category),
      drafted: drafts.length,
      replaced,
      unplaced,
      warnings,
    };
  }
}
