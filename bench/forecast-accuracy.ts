/**
 * Forecast accuracy on real data: every method (and `auto`) forecasts one day ahead for each of
 * the last n days present in the file, each from the days before it only. Prints one JSON line per
 * method with MAE, RMSE and WAPE at the native interval and WAPE at 30 minutes (fractions).
 *
 *   npx tsx bench/forecast-accuracy.ts --data ../shared/bench-data/bank-calls-2003/bank_calls.csv \
 *     --time-column DateTime --value-column Calls --interval 5 --test-days 20 [--zone UTC] [--out f.csv]
 *
 * With `--intraday HH:MM` the same days are scored from that local time on only: `auto` (the
 * day-ahead forecast), `auto-intraday` (updated at the cut-off from that day's arrivals before it,
 * the update the API shows at that moment) and `auto-intraday-rolling` (each slot as last updated
 * before it began); `--out` then writes the rows of `auto` and `auto-intraday` after the cut-off.
 *
 * Time stamps with an offset (or Z) are instants; without one they are local clock in --zone.
 */
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { forecastMatrix, baselineOf } from 'src/modules/forecast/engine/forecast-queue';
import { METHOD_NAMES, MethodName } from 'src/modules/forecast/engine/forecast-types';
import { fitIntradayParams, pastDaysOf } from 'src/modules/forecast/engine/intraday-fit';
import { defaultIntradayParams, updateRestOfDay } from 'src/modules/forecast/engine/intraday-update';
import { forecastMethod } from 'src/modules/forecast/engine/method-catalogue';
import { buildDayMatrix, DayMatrix, historyBefore } from 'src/modules/forecast/engine/slot-grid';
import { readObservations } from './volume-csv';

const arg = (name: string, fallback?: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
};

class Score {
  abs = 0;
  sq = 0;
  actual = 0;
  n = 0;
  abs30 = 0;
  actual30 = 0;

  /** Scores slots from `from` on; 30-minute buckets are counted from local midnight. */
  addDay(forecast: Float64Array, actual: Float64Array, interval: number, from = 0): void {
    const buckets = new Map<number, { f: number; a: number }>();
    for (let s = from; s < actual.length; s++) {
      if (Number.isNaN(actual[s])) continue;
      const f = Number.isNaN(forecast[s]) ? 0 : forecast[s];
      this.abs += Math.abs(f - actual[s]);
      this.sq += (f - actual[s]) ** 2;
      this.actual += actual[s];
      this.n++;
      const key = Math.floor((s * interval) / 30);
      const b = buckets.get(key) ?? { f: 0, a: 0 };
      b.f += f;
      b.a += actual[s];
      buckets.set(key, b);
    }
    for (const b of buckets.values()) {
      this.abs30 += Math.abs(b.f - b.a);
      this.actual30 += b.a;
    }
  }

  line(method: string, interval: number, extra: object = {}): string {
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return JSON.stringify({
      method,
      mae: round(this.abs / this.n),
      rmse: round(Math.sqrt(this.sq / this.n)),
      wape: round(this.abs / this.actual),
      wape30: 30 % interval === 0 ? round(this.abs30 / this.actual30) : null,
      slots: this.n,
      ...extra,
    });
  }
}

function slotStartIso(date: string, slot: number, interval: number, zone: string): string {
  const minute = slot * interval;
  return DateTime.fromISO(date, { zone })
    .set({ hour: Math.floor(minute / 60), minute: minute % 60 })
    .toUTC()
    .toISO() as string;
}

function cutSlotOf(hhmm: string, interval: number): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`--intraday takes HH:MM, got ${hhmm}`);
  return Math.ceil((Number(m[1]) * 60 + Number(m[2])) / interval);
}

/** Day-ahead `auto` and its updates from the day's own arrivals: at the cut-off, and slot by slot after it. */
function intradayForecasts(history: DayMatrix, row: DayMatrix['days'][number], cut: number, interval: number) {
  const result = forecastMatrix(history, [], [{ date: row.date, weekday: row.weekday }], 'auto');
  const dayAhead = result.days[0].forecast;
  let total = 0;
  dayAhead.forEach((f) => (total += Number.isFinite(f) ? f : 0));
  const params =
    fitIntradayParams(pastDaysOf(result.backtest?.points ?? [], history.slotsPerDay), interval) ??
    defaultIntradayParams(total);
  const atCut = updateRestOfDay(dayAhead, row.values, cut, interval, params).forecast;
  const rolling = new Float64Array(dayAhead.length).fill(NaN);
  for (let t = cut; t < dayAhead.length; t++)
    rolling[t] = updateRestOfDay(dayAhead, row.values, t, interval, params).forecast[t];
  return {
    method: result.method,
    params,
    forecasts: { auto: dayAhead, 'auto-intraday': atCut, 'auto-intraday-rolling': rolling },
  };
}

function main(): void {
  const data = arg('data', '../shared/bench-data/bank-calls-2003/bank_calls.csv');
  const interval = Number(arg('interval', '5'));
  const testDays = Number(arg('test-days', '20'));
  const zone = arg('zone', 'UTC');
  const outPath = process.argv.includes('--out') ? arg('out') : null;
  const cut = process.argv.includes('--intraday') ? cutSlotOf(arg('intraday'), interval) : null;
  const observations = readObservations(data, arg('time-column', 'DateTime'), arg('value-column', 'Calls'), zone);
  const matrix: DayMatrix = buildDayMatrix(observations, zone, interval);
  const testRows = matrix.days.filter((d) => d.values.some((v) => !Number.isNaN(v))).slice(-testDays);
  const names: string[] = cut === null ? [...METHOD_NAMES, 'auto'] : ['auto', 'auto-intraday', 'auto-intraday-rolling'];
  const written = cut === null ? names : ['auto', 'auto-intraday'];
  const scores = new Map(names.map((m) => [m, new Score()]));
  const chosen = new Map<string, number>();
  const fitted: object[] = [];
  const csv: string[] = ['method,timestamp,forecast,actual'];
  const started = Date.now();
  for (const row of testRows) {
    const history = historyBefore(matrix, row.date);
    const target = [{ date: row.date, weekday: row.weekday }];
    const forecasts = new Map<string, Float64Array>();
    if (cut !== null) {
      const day = intradayForecasts(history, row, cut, interval);
      chosen.set(day.method, (chosen.get(day.method) ?? 0) + 1);
      fitted.push(day.params);
      for (const [name, f] of Object.entries(day.forecasts)) forecasts.set(name, f);
    } else {
      const baseline = baselineOf(history, []);
      for (const method of names) {
        if (method === 'auto') {
          const result = forecastMatrix(history, [], target, 'auto');
          chosen.set(result.method, (chosen.get(result.method) ?? 0) + 1);
          forecasts.set(method, result.days[0].forecast);
        } else {
          forecasts.set(method, forecastMethod(method as MethodName).forecast(baseline, target)[0]);
        }
      }
    }
    for (const [method, forecast] of forecasts) {
      scores.get(method)?.addDay(forecast, row.values, interval, cut ?? 0);
      if (!outPath || !written.includes(method)) continue;
      row.values.forEach((a, s) => {
        if (Number.isNaN(a) || s < (cut ?? 0)) return;
        const f = Number.isNaN(forecast[s]) ? 0 : forecast[s];
        csv.push(`${method},${slotStartIso(row.date, s, interval, zone)},${f.toFixed(3)},${a}`);
      });
    }
    process.stderr.write(`${row.date} done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  for (const method of names) {
    const extra =
      method === 'auto' ? { chosen: Object.fromEntries(chosen) } : method === 'auto-intraday' ? { fitted } : {};
    console.log(scores.get(method)?.line(method, interval, extra));
  }
  if (outPath) writeFileSync(outPath, csv.join('\n') + '\n');
}

main();
