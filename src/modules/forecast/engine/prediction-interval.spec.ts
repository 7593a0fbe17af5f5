import { forecastQueue } from './forecast-queue';
import { simulateQueue } from './simulated-queue';
import { buildDayMatrix } from './slot-grid';
import { addDays } from 'src/platform/time/calendar-date';

describe('80 % prediction intervals', () => {
  it('cover roughly 80 % of what arrives on simulated queues', () => {
    let inside = 0;
    let total = 0;
    for (const [seed, level] of [
      [11, 8],
      [12, 40],
      [13, 150],
    ]) {
      const zone = 'Asia/Shanghai';
      const observations = simulateQueue({ zone, slotMinutes: 30, from: '2026-01-05', days: 14 * 7, level, seed });
      const actual = buildDayMatrix(observations, zone, 30);
      for (const week of [10, 12]) {
        const from = addDays('2026-01-05', week * 7);
        const result = forecastQueue({ zone, slotMinutes: 30, observations }, { from, days: 7, method: 'auto' });
        for (const slot of result.slots) {
          if (slot.closed) continue;
          const row = actual.days.find((d) => d.date === slot.localDate);
          const [hh, mm] = slot.localTime.split(':').map(Number);
          const a = row?.values[(hh * 60 + mm) / 30];
          if (a === undefined || Number.isNaN(a)) continue;
          total++;
          if (a >= slot.lower && a <= slot.upper) inside++;
        }
      }
    }
    expect(total).toBeGreaterThan(1000);
    expect(inside / total).toBeGreaterThan(0.72);
    expect(inside / total).toBeLessThan(0.88);
  });
});
