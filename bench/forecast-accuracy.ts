/**
 * Forecast accuracy on real data: every method (and `auto`) forecasts one day ahead for each of
 * the last n days present in the file, each from the days before it only. Prints one JSON line per
 * method with MAE, RMSE and WAPE at the native interval and WAPE at 30 minutes (fractions).
 *
 *   npx tsx bench/forecast-accuracy.ts --data ../shared/bench-data/bank-calls-2003/bank_calls.csv \
 *     --time-column DateTime --value-column Calls --interval 5 --test-days 20 [--zone UTC] [--out f.csv]
 *
 * Time stamps with an offset (or Z) are instants; without one they are local clock in --zone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { forecastMatrix, baselineOf } from '../src/modules/forecast/engine/forecast-queue';
import { METHOD_NAMES, MethodName, VolumeObservation } from '../src/modules/forecast/engine/forecast-types';
import { forecastMethod } from '../src/modules/forecast/engine/method-catalogue';
import { buildDayMatrix, DayMatrix, historyBefore } from '../src/modules/forecast/engine/slot-grid';

const arg = (name: string, fallback?: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
};

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function readObservations(path: string, timeColumn: string, valueColumn: string, zone: string): VolumeObservation[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]).map((h) => h.trim());
  const ti = header.indexOf(timeColumn);
  const vi = header.indexOf(valueColumn);
  if (ti < 0 || vi < 0) throw new Error(`columns ${timeColumn}/${valueColumn} not in header ${header.join(',')}`);
  const out: VolumeObservation[] = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const text = cells[ti]?.trim() ?? '';
    let t = DateTime.fromISO(text, { zone });
    if (!t.isValid) t = DateTime.fromSQL(text, { zone });
    const volume = Number(cells[vi]);
    if (!t.isValid || cells[vi]?.trim() === '' || !Number.isFinite(volume)) continue;
    out.push({ start: t.toUTC().toISO() as string, volume });
  }
  return out;
}

class Score {
  abs = 0;
  sq = 0;
  actual = 0;
  n = 0;
  abs30 = 0;
  actual30 = 0;

  addDay(forecast: Float64Array, actual: Float64Array, interval: number): void {
    const buckets = new Map<number, { f: number; a: number }>();
    for (let s = 0; s < actual.length; s++) {
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
  return DateTime.fromISO(date, { zone }).set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toUTC().toISO() as string;
}

function main(): void {
  const data = arg('data', '../shared/bench-data/bank-calls-2003/bank_calls.csv');
  const interval = Number(arg('interval', '5'));
  const testDays = Number(arg('test-days', '20'));
  const zone = arg('zone', 'UTC');
  const outPath = process.argv.includes('--out') ? arg('out') : null;
  const observations = readObservations(data, arg('time-column', 'DateTime'), arg('value-column', 'Calls'), zone);
  const matrix: DayMatrix = buildDayMatrix(observations, zone, interval);
  const testRows = matrix.days.filter((d) => d.values.some((v) => !Number.isNaN(v))).slice(-testDays);
  const names: (MethodName | 'auto')[] = [...METHOD_NAMES, 'auto'];
  const scores = new Map(names.map((m) => [m, new Score()]));
  const chosen = new Map<string, number>();
  const csv: string[] = ['method,timestamp,forecast,actual'];
  const started = Date.now();
  for (const row of testRows) {
    const history = historyBefore(matrix, row.date);
    const baseline = baselineOf(history, []);
    const target = [{ date: row.date, weekday: row.weekday }];
    for (const method of names) {
      let forecast: Float64Array;
      if (method === 'auto') {
        const result = forecastMatrix(history, [], target, 'auto');
        chosen.set(result.method, (chosen.get(result.method) ?? 0) + 1);
        forecast = result.days[0].forecast;
      } else {
        forecast = forecastMethod(method).forecast(baseline, target)[0];
      }
      scores.get(method)?.addDay(forecast, row.values, interval);
      if (outPath) {
        row.values.forEach((a, s) => {
          if (Number.isNaN(a)) return;
          const f = Number.isNaN(forecast[s]) ? 0 : forecast[s];
          csv.push(`${method},${slotStartIso(row.date, s, interval, zone)},${f.toFixed(3)},${a}`);
        });
      }
    }
    process.stderr.write(`${row.date} done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  for (const method of names) {
    const extra = method === 'auto' ? { chosen: Object.fromEntries(chosen) } : {};
    console.log(scores.get(method)?.line(method, interval, extra));
  }
  if (outPath) writeFileSync(outPath, csv.join('\n') + '\n');
}

main();
