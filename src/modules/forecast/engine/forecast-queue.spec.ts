import { forecastQueue } from './forecast-queue';
import { simulateQueue } from './simulated-queue';
import { SeededRandom } from './seeded-random';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';
import { VolumeObservation } from './forecast-types';

/** A queue whose every week repeats exactly, with a jagged (unsmooth) intraday pattern. */
function jaggedWeeks(weeks: number): VolumeObservation[] {
  const random = new SeededRandom(5);
  const pattern = Array.from({ length: 8 }, () =>
    Array.from({ length: 48 }, () => 10 + Math.floor(random.next() * 90)),
  );
  const out: VolumeObservation[] = [];
  for (let d = 0; d < weeks * 7; d++) {
    const date = addDays('2026-01-05', d);
    for (let s = 16; s < 48; s++) {
      const time = `${String(Math.floor(s / 2)).padStart(2, '0')}:${s % 2 ? '30' : '00'}`;
      out.push({ start: `${date}T${time}:00Z`, volume: pattern[isoWeekday(date)][s] });
    }
  }
  return out;
}

describe('auto method choice and the backtest breakdown', () => {
  it('picks per series by its own backtest: a jagged exact week and a noisy smooth queue choose differently', () => {
    const exact = forecastQueue(
      { zone: 'UTC', slotMinutes: 30, observations: jaggedWeeks(8) },
      { from: '2026-03-02', days: 7 },
    );
    expect(['seasonal-naive', 'weekday-mean', 'double-seasonal']).toContain(exact.method);
    expect(exact.candidates.find((c) => c.method === exact.method)?.wape).toBeCloseTo(0, 9);

    const noisy = simulateQueue({ zone: 'UTC', slotMinutes: 30, from: '2026-01-05', days: 56, level: 30, seed: 3 });
    const smooth = forecastQueue(
      { zone: 'UTC', slotMinutes: 30, observations: noisy },
      { from: '2026-03-02', days: 7 },
    );
    expect(smooth.method).not.toBe('seasonal-naive');
    const best = Math.min(...smooth.candidates.map((c) => c.wape ?? Infinity));
    expect(smooth.candidates.find((c) => c.method === smooth.method)?.wape).toBe(best);
    expect(smooth.candidates).toHaveLength(6);
  });

  it('reports the backtest by weekday and by hour over the last four weeks', () => {
    const observations = simulateQueue({
      zone: 'Asia/Shanghai',
      slotMinutes: 30,
      from: '2026-01-05',
      days: 56,
      level: 30,
      seed: 4,
    });
    const report = forecastQueue(
      { zone: 'Asia/Shanghai', slotMinutes: 30, observations },
      { from: '2026-03-02', days: 7, method: 'weekday-mean' },
    ).backtest;
    expect(report).not.toBeNull();
    expect(Object.keys(report?.byWeekday ?? {}).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // open 08:00–24:00 local
    expect(Object.keys(report?.byHour ?? {}).map(Number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 8));
    expect(new Set(report?.points.map((p) => p.localDate)).size).toBe(28);
    const sumCounts = Object.values(report?.byHour ?? {}).reduce((n, m) => n + m.count, 0);
    expect(sumCounts).toBe(report?.overall.count);
  });

  it('keeps a one-off spike out of the baseline', () => {
    const observations = jaggedWeeks(6);
    const spiked = observations.map((o) =>
      o.start === '2026-02-09T12:00:00Z' ? { ...o, volume: o.volume * 10 + 500 } : o,
    );
    const clean = forecastQueue(
      { zone: 'UTC', slotMinutes: 30, observations },
      { from: '2026-02-16', days: 1, method: 'weekday-mean' },
    );
    const withSpike = forecastQueue(
      { zone: 'UTC', slotMinutes: 30, observations: spiked },
      { from: '2026-02-16', days: 1, method: 'weekday-mean' },
    );
    const at = (r: typeof clean) => r.slots.find((s) => s.localTime === '12:00')?.forecast;
    expect(at(withSpike)).toBe(at(clean));
  });

  it('only uses history before the first forecast day', () => {
    const observations = simulateQueue({
      zone: 'UTC',
      slotMinutes: 30,
      from: '2026-01-05',
      days: 70,
      level: 30,
      seed: 9,
    });
    const cut = observations.filter((o) => o.start < '2026-03-02');
    const a = forecastQueue({ zone: 'UTC', slotMinutes: 30, observations }, { from: '2026-03-02', days: 3 });
    const b = forecastQueue({ zone: 'UTC', slotMinutes: 30, observations: cut }, { from: '2026-03-02', days: 3 });
    expect(a.slots).toEqual(b.slots);
  });
});
