import { attributionWindowDays, kpiDay } from './kpi-day';
import { KpiSettings } from './kpi.settings';

const hours = (d: { start: Date; end: Date }) => (d.end.getTime() - d.start.getTime()) / 3_600_000;

describe('local KPI days', () => {
  it('maps a Shanghai day to UTC 16:00–16:00 with the window ending 24:00 of the next day', () => {
    const day = kpiDay('2026-11-20', 'Asia/Shanghai', 1);
    expect(day.start.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(day.ordersUntil.toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('has 25 hours on the autumn DST change and 23 on the spring one', () => {
    expect(hours(kpiDay('2026-10-25', 'Europe/Berlin', 1))).toBe(25);
    expect(hours(kpiDay('2026-03-29', 'Europe/Berlin', 1))).toBe(23);
    expect(hours(kpiDay('2026-11-01', 'America/New_York', 0))).toBe(25);
    expect(kpiDay('2026-10-25', 'Europe/Berlin', 0).ordersUntil).toEqual(kpiDay('2026-10-25', 'Europe/Berlin', 0).end);
  });

  it('reads the shop window (validated 0–7 by KpiSettings), 1 day unless set', () => {
    expect(attributionWindowDays({})).toBe(1);
    expect(attributionWindowDays({ attributionWindowDays: 0 })).toBe(0);
    expect(attributionWindowDays({ attributionWindowDays: 3 })).toBe(3);
    expect(KpiSettings.safeParse({ attributionWindowDays: 30 }).success).toBe(false);
  });
});
