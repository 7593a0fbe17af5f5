import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { localRunInstant } from 'src/platform/jobs/nightly/nightly-clock';
import { NightlyPipeline } from 'src/platform/jobs/nightly/nightly-pipeline';
import type { NightlyPayload } from 'src/platform/jobs/nightly/nightly.jobs';
import { ShopService } from 'src/modules/org/shop.service';
import { ComplaintRepository } from './complaint.repository';
import { complaintsFlagOverdueJob } from './complaints.jobs';
import { addDays } from 'src/platform/time/calendar-date';

/** After KPIs (10), forecasts (20) and QC sampling (30): nothing else reads the flags at night. */
const NIGHTLY_ORDER = 40;

/**
 * The night's instant the flags are computed for: the shop's nightly run time (02:00 local on the
 * day after the night's date), or now if that is still ahead (a night run by hand early). Fixed
 * per night, so a re-run of the same night gives the same flags.
 */
export function overdueAsOf(date: string, timeZone: string, now: Date): Date {
  const next = addDays(date, 1);
  const runAt = localRunInstant(next, timeZone);
  return runAt < now ? runAt : now;
}

@Injectable()
export class ComplaintOverdue implements OnModuleInit {
  constructor(
    private readonly nightly: NightlyPipeline,
    private readonly complaints: ComplaintRepository,
    private readonly shops: ShopService,
  ) {}

  onModuleInit(): void {
    this.nightly.register({ job: complaintsFlagOverdueJob, order: NIGHTLY_ORDER });
  }

  @JobHandler(complaintsFlagOverdueJob)
  async flag(payload: NightlyPayload): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    const asOf = overdueAsOf(payload.date, shop.timeZone, new Date());
    const counts = await this.complaints.flagOverdue(shop.id, asOf);
    return { date: payload.date, asOf: asOf.toISOString(), ...counts };
  }
}
