import { categoryScore } from './category-score';
import { draftWeekOf, runsOnMonday } from './draft-week';
import { localDaysWindow } from 'src/platform/time/shop-calendar';
import { draftSettingsOf, minServiceLevelOf, needsDaysOf, severityWeightsOf } from './training-settings';
import type { ShopSettings } from 'src/modules/org/shop-settings';

describe('categoryScore', () => {
  it('scores points earned less deductions over the points available, held in 0–100', () => {
    expect(categoryScore({ earned: 6, maxPoints: 15, deducted: 0 })).toBeCloseTo(40, 12);
    expect(categoryScore({ earned: 15, maxPoints: 15, deducted: 3 })).toBeCloseTo(80, 12);
    expect(categoryScore({ earned: 5, maxPoints: 15, deducted: 100 })).toBe(0);
  });

  it('starts a deductions-only category from 100, as the review total does', () => {
    expect(categoryScore({ earned: 0, maxPoints: 0, deducted: 10 })).toBe(90);
    expect(categoryScore({ earned: 0, maxPoints: 0, deducted: 0 })).toBe(100);
  });
});

describe('the Monday draft week', () => {
  it('runs on the night whose next morning is a Monday and drafts the week after that Monday', () => {
    // 2026-11-29 is a Sunday: its night runs on Monday 2026-11-30.
    expect(runsOnMonday('2026-11-29')).toBe(true);
    expect(runsOnMonday('2026-11-30')).toBe(false);
    expect(draftWeekOf('2026-11-29')).toBe('2026-12-07');
    // Run by hand on any day, it drafts the next Monday's week after the run day.
    expect(draftWeekOf('2026-12-02')).toBe('2026-12-07');
    expect(draftWeekOf('2026-12-05')).toBe('2026-12-07');
  });
});

describe('roster times', () => {
  it('turns local days into a UTC window, 23 hours on a spring-forward day', () => {
    const { start, end } = localDaysWindow('2026-03-29', '2026-03-29', 'Europe/Berlin');
    expect(start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });
});

describe('training settings', () => {
  const shop = (settings: ShopSettings) => ({ settings });

  it('applies the defaults for settings the shop has not set', () => {
    expect(needsDaysOf(shop({}))).toBe(14);
    expect(needsDaysOf(shop({ trainingNeedsDays: 7 }))).toBe(7);
    expect(minServiceLevelOf(shop({}))).toBe(0.7);
    expect(minServiceLevelOf(shop({ trainingMinServiceLevel: 0 }))).toBe(0);
    expect(draftSettingsOf(shop({ trainingDraft: { topNeeds: 2 } }))).toEqual({
      topNeeds: 2,
      lengthMinutes: 60,
      capacity: 12,
    });
  });

  it("maps QC's severities to weights, overridable per severity", () => {
    expect(severityWeightsOf(shop({}))).toEqual({ low: 1, medium: 3, high: 6, critical: 10 });
    expect(severityWeightsOf(shop({ trainingSeverityWeights: { high: 5 } }))).toEqual({
      low: 1,
      medium: 3,
      high: 5,
      critical: 10,
    });
  });
});
