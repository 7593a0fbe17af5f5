import { Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { qcSettings } from 'src/platform/db/schema';
import { DEFAULT_OUTCOME_WEIGHTS, Outcome } from './engine/daily-sample';

export type QcSettings = {
  shopId: string;
  samplesPerAgent: number;
  randomFloorPercent: number;
  lowRatingMax: number;
  slowFirstResponseSeconds: number;
  outcomeWeights: Record<Outcome, number>;
  coachingThreshold: number;
  coachingDueDays: number;
};

export type QcSettingsChange = Partial<Omit<QcSettings, 'shopId' | 'outcomeWeights'>> & {
  outcomeWeights?: Partial<Record<Outcome, number>>;
};

/** A shop's QC settings; the table's defaults stand in for a shop that never saved any. */
@Injectable()
export class QcSettingsRepository {
  constructor(private readonly db: Db) {}

  async find(shopId: string): Promise<QcSettings> {
    const [row] = await this.db.q.select().from(qcSettings).where(eq(qcSettings.shopId, shopId)).limit(1);
    const defaults = {
      samplesPerAgent: 15,
      randomFloorPercent: 30,
      lowRatingMax: 2,
      slowFirstResponseSeconds: 60,
      coachingThreshold: 80,
      coachingDueDays: 3,
    };
    return {
      shopId,
      samplesPerAgent: row?.samplesPerAgent ?? defaults.samplesPerAgent,
      randomFloorPercent: row?.randomFloorPercent ?? defaults.randomFloorPercent,
      lowRatingMax: row?.lowRatingMax ?? defaults.lowRatingMax,
      slowFirstResponseSeconds: row?.slowFirstResponseSeconds ?? defaults.slowFirstResponseSeconds,
      outcomeWeights: { ...DEFAULT_OUTCOME_WEIGHTS, ...(row?.outcomeWeights ?? {}) },
      coachingThreshold: row ? Number(row.coachingThreshold) : defaults.coachingThreshold,
      coachingDueDays: row?.coachingDueDays ?? defaults.coachingDueDays,
    };
  }

  async save(shopId: string, change: QcSettingsChange, userId: string): Promise<QcSettings> {
    const current = await this.find(shopId);
    const next = {
      ...current,
      ...change,
      outcomeWeights: { ...current.outcomeWeights, ...(change.outcomeWeights ?? {}) },
    };
    const values = {
      samplesPerAgent: next.samplesPerAgent,
      randomFloorPercent: next.randomFloorPercent,
      lowRatingMax: next.lowRatingMax,
      slowFirstResponseSeconds: next.slowFirstResponseSeconds,
      outcomeWeights: next.outcomeWeights,
      coachingThreshold: String(next.coachingThreshold),
      coachingDueDays: next.coachingDueDays,
      updatedBy: userId,
    };
    await this.db.q
      .insert(qcSettings)
      .values({ shopId, ...values })
      .onConflictDoUpdate({ target: qcSettings.shopId, set: { ...values, updatedAt: sql`now()` } });
    return this.find(shopId);
  }
}
