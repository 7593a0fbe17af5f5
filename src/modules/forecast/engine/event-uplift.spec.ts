import { forecastQueue } from './forecast-queue';
import { addDays } from './slot-grid';
import { CalendarEvent, VolumeObservation } from './forecast-types';

/** Exact weekly queue, 10:00–21:59 hourly, 100 per hour; promotions multiply by a known curve. */
function history(promotions: { date: string; dayCurve: (hour: number) => number; nextDay: number }[]): VolumeObservation[] {
  const out: VolumeObservation[] = [];
  for (let d = 0; d < 70; d++) {
    const date = addDays('2026-03-02', d);
    for (let h = 10; h < 22; h++) {
      let factor = 1;
      for (const p of promotions) {
        if (date === p.date) factor *= p.dayCurve(h);
        if (date === addDays(p.date, 1)) factor *= p.nextDay;
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
  const observations = history(past.map((e) => ({ date: e.date, dayCurve: curve, nextDay: 1.5 })));

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
});
