/**
 * Forecast speed: 100 simulated queues × 8 weeks of 30-minute history (fixed seeds, a third of
 * them in a DST zone), each forecast 4 weeks ahead with `auto` (backtest of every method included).
 *
 *   npx tsx bench/forecast-speed.ts [--queues 100] [--weeks 8] [--horizon-days 28]
 */
import { forecastQueue } from 'src/modules/forecast/engine/forecast-queue';
import { simulateQueue } from 'src/modules/forecast/engine/simulated-queue';
import { addDays } from 'src/platform/time/calendar-date';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const queues = Number(arg('queues', '100'));
const weeks = Number(arg('weeks', '8'));
const horizonDays = Number(arg('horizon-days', '28'));
const from = '2026-01-05';
const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin'];

const histories = Array.from({ length: queues }, (_, q) => {
  const zone = zones[q % zones.length];
  return {
    zone,
    slotMinutes: 30,
    observations: simulateQueue({
      zone,
      slotMinutes: 30,
      from,
      days: weeks * 7,
      level: 5 + (q % 20) * 10,
      seed: 1000 + q,
    }),
  };
});
const generatedSlots = histories.reduce((n, h) => n + h.observations.length, 0);

const started = process.hrtime.bigint();
const chosen = new Map<string, number>();
let slots = 0;
for (const history of histories) {
  const result = forecastQueue(history, { from: addDays(from, weeks * 7), days: horizonDays, method: 'auto' });
  chosen.set(result.method, (chosen.get(result.method) ?? 0) + 1);
  slots += result.slots.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(
  JSON.stringify({
    queues,
    weeks,
    horizonDays,
    historySlots: generatedSlots,
    forecastSlots: slots,
    seconds: Math.round(seconds * 100) / 100,
    chosen: Object.fromEntries(chosen),
  }),
);
