/**
 * A synthetic year to check forecasting changes against a series shaped unlike the bank's: a
 * seven-day chat queue on 30-minute slots (08:00–23:00), weekly and annual seasonality, a
 * drifting level, closed holidays, unmarked spikes on 3 % of days, a morning peak that moves by
 * day, 6 % day noise and Poisson counts. Deterministic for a seed.
 *
 *   npx tsx bench/synthetic-year.ts [seed=42] [out=synthetic-year.csv]
 *   npx tsx bench/forecast-accuracy.ts --data synthetic-year.csv --time-column time --value-column calls --interval 30 --test-days 28
 */
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { SeededRandom } from 'src/modules/forecast/engine/seeded-random';
const r = new SeededRandom(Number(process.argv[2] ?? 42));
const weekday = [0, 1.12, 1.04, 1, 0.98, 0.96, 0.85, 0.9];
const holidays = new Set([
  '2025-01-01',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-04-04',
  '2025-05-01',
  '2025-05-02',
  '2025-06-02',
  '2025-10-01',
  '2025-10-02',
  '2025-10-03',
]);
const lines = ['time,calls'];
let level = 40;
for (let d = 0; d < 365; d++) {
  const day = DateTime.fromISO('2025-01-01', { zone: 'UTC' }).plus({ days: d });
  const date = day.toISODate()!;
  if (holidays.has(date)) continue;
  level *= Math.exp(0.01 * r.normal());
  const annual = 1 + 0.15 * Math.sin((2 * Math.PI * (d - 80)) / 365);
  const spike = r.next() < 0.03 ? 1.5 + r.next() : 1;
  const dayLevel = level * annual * weekday[day.weekday] * Math.exp(0.06 * r.normal()) * spike;
  const shift = 0.5 * r.normal();
  for (let s = 16; s < 46; s++) {
    const h = s / 2;
    const shape = 0.4 + Math.exp(-(((h - 10.5 - shift) / 1.8) ** 2)) + 1.2 * Math.exp(-(((h - 20.5) / 1.6) ** 2));
    lines.push(
      `${date}T${String(Math.floor(h)).padStart(2, '0')}:${s % 2 ? '30' : '00'}:00Z,${r.poisson(dayLevel * shape)}`,
    );
  }
}
writeFileSync(process.argv[3] ?? 'synthetic-year.csv', lines.join('\n') + '\n');
