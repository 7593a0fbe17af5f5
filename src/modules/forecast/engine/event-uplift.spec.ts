import { waveLengths } from './event-uplift';
import { eventBaseline, forecastQueue } from './forecast-queue';
import { simulateQueue } from './simulated-queue';
import { buildDayMatrix } from './slot-grid';
import { addDays } from 'src/platform/time/calendar-date';
import { demoHistory } from 'src/demo/demo-history';
import { demoOrganisation } from 'src/demo/demo-organisation';
import { CalendarEvent, VolumeObservation } from './forecast-types';

/** Exact weekly queue, 10:00–21:59 hourly, 100 per hour; promotions multiply by a known curve, then by their wave. */
function history(
  promotions: { date: string; dayCurve: (hour: number) => number; after: number[] }[],
  days = 70,
): VolumeObservation[] {
  const out: VolumeObservation[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays('2026-03-02', d);
    for (let h = 10; h < 22; h++) {
      let factor = 1;
      for (const p of promotions) {
        if (date === p.date) factor *= p.dayCurve(h);
        p.after.forEach((f, k) => {
          if (date === addDays(p.date, k + 1)) factor *= f;
        });
      }
      out.push({ start: `${date}T${String(h).padStart(2, '0')}:00:00Z`, volume: 100 * factor });
    }
  }
  return out;
}

const curve = (h: number) => (h >= 20 ? 5 : 2);

describe('event uplifts', () => {
  const past: CalendarEvent[] = [
    { date: '2026-03-25', kind: 'promotion', label: 'flash-sale' },
    { date: '2026-04-15', kind: 'promotion', label: 'flash-sale' },
  ];
  const observations = history(past.map((e) => ({ date: e.date, dayCurve: curve, after: [1.5] })));

  it('re-applies a learnt promotion curve and its after-sales wave to a planned event of the same kind', () => {
    const planned: CalendarEvent = { date: '2026-05-13', kind: 'promotion', label: 'flash-sale', multiplier: 3 };
    const result = forecastQueue(
      { zone: 'UTC', slotMinutes: 60, observations, events: [...past, planned] },
      { from: '2026-05-11', days: 5, method: 'weekday-mean' },
    );
    const at = (date: string, time: string) => result.slots.find((s) => s.localDate === date && s.localTime === time);
    expect(at('2026-05-11', '12:00')?.forecast).toBeCloseTo(100, 6);
    expect(at('2026-05-13', '12:00')?.forecast).toBeCloseTo(200, 6);
    expect(at('2026-05-13', '21:00')?.forecast).toBeCloseTo(500, 6);
    expect(at('2026-05-14', '15:00')?.forecast).toBeCloseTo(150, 6);
    expect(at('2026-05-15', '15:00')?.forecast).toBeCloseTo(100, 6);
  });

  it('keeps past events out of the baseline', () => {
    const result = forecastQueue(
      { zone: 'UTC', slotMinutes: 60, observations, events: past },
      { from: '2026-04-22', days: 2, method: 'weekday-mean' },
    );
    // 2026-04-22 and 23 follow a promotion by one week: their baseline must not echo it.
    expect(result.slots.filter((s) => !s.closed).every((s) => Math.abs(s.forecast - 100) < 1e-6)).toBe(true);
  });

  it("uses the planner's multiplier for an event kind never seen", () => {
    const planned: CalendarEvent = { date: '2026-05-13', kind: 'promotion', label: 'brand-day', multiplier: 3 };
    const result = forecastQueue(
      { zone: 'UTC', slotMinutes: 60, observations, events: [...past, planned] },
      { from: '2026-05-13', days: 2, method: 'weekday-mean' },
    );
    const day = result.slots.filter((s) => s.localDate === '2026-05-13' && !s.closed);
    expect(day.every((s) => Math.abs(s.forecast - 300) < 1e-6 && s.uplift === 3)).toBe(true);
    const after = result.slots.filter((s) => s.localDate === '2026-05-14' && !s.closed);
    expect(after.every((s) => Math.abs(s.forecast - 100) < 1e-6)).toBe(true);
  });

  it('learns how many days the after-sales wave lasts, per kind of event, up to seven', () => {
    // After-sales: the wave of the demo shop (×1.6, 2.6, 1.9, 1.45 on the days after); a flash sale: one day.
    const sales: CalendarEvent[] = [
      { date: '2026-03-25', kind: 'promotion', label: 'double11' },
      { date: '2026-04-15', kind: 'promotion', label: 'double11' },
      { date: '2026-04-01', kind: 'promotion', label: 'flash' },
    ];
    const wave = [1.6, 2.6, 1.9, 1.45];
    const observations = history([
      ...sales.slice(0, 2).map((e) => ({ date: e.date, dayCurve: () => 1.2, after: wave })),
      { date: '2026-04-01', dayCurve: () => 2, after: [1.3] },
    ]);
    const raw = buildDayMatrix(observations, 'UTC', 60);
    const waves = waveLengths(raw, sales);
    expect(Object.fromEntries(waves)).toEqual({ 'promotion:double11': 4, 'promotion:flash': 1 });
    const planned: CalendarEvent[] = [...sales, { date: '2026-05-13', kind: 'promotion', label: 'double11' }];
    const result = forecastQueue(
      { zone: 'UTC', slotMinutes: 60, observations, events: planned },
      { from: '2026-05-11', days: 9, method: 'weekday-mean' },
    );
    const daily = (date: string) =>
      result.slots.filter((s) => s.localDate === date && !s.closed).reduce((n, s) => n + s.forecast, 0) / 1200;
    expect(daily('2026-05-12')).toBeCloseTo(1, 6);
    expect(daily('2026-05-13')).toBeCloseTo(1.2, 6);
    wave.forEach((f, k) => expect(daily(addDays('2026-05-13', k + 1))).toBeCloseTo(f, 6));
    expect(daily('2026-05-18')).toBeCloseTo(1, 6);
    expect(daily('2026-05-19')).toBeCloseTo(1, 6);
  });

  it('keeps a wave out of the baseline only as long as it lasts', () => {
    const sale: CalendarEvent = { date: '2026-04-01', kind: 'promotion', label: 'flash' };
    const observations = history([{ date: sale.date, dayCurve: () => 2, after: [] }]);
    const { baseline, waves } = eventBaseline(buildDayMatrix(observations, 'UTC', 60), [sale]);
    expect(waves.get('promotion:flash')).toBe(0);
    const masked = baseline.days.filter((d) => d.masked).map((d) => d.date);
    expect(masked).toEqual(['2026-04-01']);
  });

  it('finds a wave that starts late, and none in a noisy queue that has none', () => {
    const sale: CalendarEvent = { date: '2026-04-01', kind: 'promotion', label: 'returns' };
    const late = buildDayMatrix(history([{ date: sale.date, dayCurve: () => 1.5, after: [1, 1.5, 1.4] }]), 'UTC', 60);
    expect(waveLengths(late, [sale]).get('promotion:returns')).toBe(3);
    const noisy = simulateQueue({ zone: 'UTC', slotMinutes: 60, from: '2026-01-05', days: 70, level: 20, seed: 21 });
    const promoted = noisy.map((o) =>
      o.start.startsWith('2026-02-18') || o.start.startsWith('2026-03-04') ? { ...o, volume: o.volume * 2 } : o,
    );
    const events: CalendarEvent[] = ['2026-02-18', '2026-03-04'].map((date) => ({
      date,
      kind: 'promotion',
      label: 'flash',
    }));
    expect(waveLengths(buildDayMatrix(promoted, 'UTC', 60), events).get('promotion:flash')).toBe(0);
  });

  it('carries the demo shop’s after-sales wave to its third day (×1.4 there), and presales has none', () => {
    const org = demoOrganisation();
    // As deferred queues the generator writes volume only (no sessions): the same day factors, fast.
    const queues = org.queues
      .filter((q) => q.code === 'aftersales_chat' || q.code === 'presales_chat')
      .map((q) => ({ ...q, kind: 'deferred' as const }));
    const demo = demoHistory({
      timeZone: 'Asia/Shanghai',
      slotMinutes: 30,
      firstDate: '2026-09-28',
      days: 56,
      promotionDate: '2026-11-11',
      queues,
      agents: org.agents,
      seed: 7,
    });
    const events: CalendarEvent[] = ['2026-11-11', '2026-12-12'].map((date) => ({
      date,
      kind: 'promotion',
      label: 'double',
    }));
    const dayRatio = (queue: string) => {
      const observations = demo.volume
        .filter((v) => v.queue === queue)
        .map((v) => ({ start: v.slotStart.toISOString(), volume: v.offered }));
      const result = forecastQueue(
        { zone: 'Asia/Shanghai', slotMinutes: 30, observations, events },
        { from: '2026-12-01', days: 17 },
      );
      const total = (date: string) =>
        result.slots.filter((s) => s.localDate === date).reduce((n, s) => n + s.forecast, 0);
      return (k: number) => total(addDays('2026-12-12', k)) / total(addDays('2026-12-12', k - 7));
    };
    const after = dayRatio('aftersales_chat');
    expect(after(3)).toBeGreaterThan(1.25);
    expect(after(3)).toBeLessThan(1.55);
    expect(after(4)).toBeCloseTo(1, 6);
    expect(dayRatio('presales_chat')(1)).toBeCloseTo(1, 6);
  });
});
