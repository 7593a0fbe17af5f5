import { BacktestPoint } from './forecast-types';
import { arrivalsSoFar, ArrivalsSoFar, dayState, IntradayParams, ratioAtLead } from './intraday-update';

/** One past day: the day-ahead forecast made the evening before and what arrived, per grid slot (NaN: none). */
export interface PastDay {
  forecast: Float64Array;
  actual: Float64Array;
}

/** K as a share of a mean day's expected volume: from "trust today at once" to "two days of doubt". */
const CREDIBILITY_SHARES = [0, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];
/** The recent ratio rests on an hour or two: its prior is a smaller share. */
const RECENT_CREDIBILITY_SHARES = [0, 0.005, 0.01, 0.02, 0.05, 0.1];
const RECENT_HALF_LIVES = [15, 30, 60, 120];
const PERSISTENCE_HALF_LIVES = [0, 15, 30, 60, 120, 240, 480];
/** Where the search starts (grid indices): the defaults' shares, 30 minutes, an hour. */
const START = [3, 2, 1, 3];
const MAX_ROUNDS = 4;
/** Fewer past days than this and the defaults stand. */
const MIN_DAYS = 5;

/** The backtest's points laid back onto day rows. */
export function pastDaysOf(points: BacktestPoint[], slotsPerDay: number): PastDay[] {
  const byDate = new Map<string, PastDay>();
  for (const p of points) {
    let day = byDate.get(p.localDate);
    if (!day) {
      day = { forecast: new Float64Array(slotsPerDay).fill(NaN), actual: new Float64Array(slotsPerDay).fill(NaN) };
      byDate.set(p.localDate, day);
    }
    day.forecast[p.slot] = p.forecast;
    day.actual[p.slot] = p.actual;
  }
  return [...byDate.keys()].sort().map((d) => byDate.get(d) as PastDay);
}

interface Origin {
  day: PastDay;
  slot: number;
}

/** Origins every hour (every slot for hour-long slots or longer) with expected arrivals on both sides. */
function originsOf(days: PastDay[], slotMinutes: number): Origin[] {
  const step = Math.max(1, Math.round(60 / slotMinutes));
  const origins: Origin[] = [];
  for (const day of days) {
    const open: number[] = [];
    day.forecast.forEach((f, s) => {
      if (f > 0 && Number.isFinite(day.actual[s])) open.push(s);
    });
    if (open.length < 2) continue;
    for (let slot = open[0] + 1; slot <= open[open.length - 1]; slot += step) origins.push({ day, slot });
  }
  return origins;
}

/** The weight of the recent deviation at each lead (in slots), as `ratioAtLead` applies it. */
function persistenceByLead(slotsPerDay: number, slotMinutes: number, halfLifeMinutes: number): Float64Array {
  const fade = new Float64Array(slotsPerDay);
  for (let h = 0; h < slotsPerDay; h++)
    fade[h] = ratioAtLead({ level: 0, recent: 1 }, h * slotMinutes, {
      credibility: 0,
      recentCredibility: 0,
      recentHalfLifeMinutes: 1,
      persistenceHalfLifeMinutes: halfLifeMinutes,
    });
  return fade;
}

/** Total absolute error over the rest of every past day from every origin, with these constants. */
function restOfDayError(origins: Origin[], sums: ArrivalsSoFar[], slotMinutes: number, params: IntradayParams): number {
  const fade = persistenceByLead(origins[0].day.forecast.length, slotMinutes, params.persistenceHalfLifeMinutes);
  let error = 0;
  origins.forEach((o, k) => {
    const { forecast, actual } = o.day;
    const { level, recent } = dayState(sums[k], params);
    for (let t = o.slot; t < forecast.length; t++) {
      if (!Number.isFinite(forecast[t]) || !Number.isFinite(actual[t])) continue;
      error += Math.abs(forecast[t] * Math.max(0, level + fade[t - o.slot] * (recent - level)) - actual[t]);
    }
  });
  return error;
}

/**
 * Learns the updating's constants on the series' own past: every backtest day is re-forecast from
 * every hour of it, and the constants with the least absolute error over the rest of those days
 * win. The grid is searched one constant at a time from the defaults (coordinate descent: a few
 * dozen evaluations instead of every combination). Null when there is too little past to judge.
 */
export function fitIntradayParams(days: PastDay[], slotMinutes: number): IntradayParams | null {
  const withData = days.filter((d) => d.actual.some((a, s) => Number.isFinite(a) && d.forecast[s] > 0));
  if (withData.length < MIN_DAYS) return null;
  let total = 0;
  for (const d of withData)
    d.forecast.forEach((f, s) => (total += Number.isFinite(f) && Number.isFinite(d.actual[s]) ? f : 0));
  const meanDay = total / withData.length;
  const origins = originsOf(withData, slotMinutes);
  if (origins.length === 0 || !(meanDay > 0)) return null;
  const grids = [CREDIBILITY_SHARES, RECENT_CREDIBILITY_SHARES, RECENT_HALF_LIVES, PERSISTENCE_HALF_LIVES];
  const paramsAt = (ix: number[]): IntradayParams => ({
    credibility: CREDIBILITY_SHARES[ix[0]] * meanDay,
    recentCredibility: RECENT_CREDIBILITY_SHARES[ix[1]] * meanDay,
    recentHalfLifeMinutes: RECENT_HALF_LIVES[ix[2]],
    persistenceHalfLifeMinutes: PERSISTENCE_HALF_LIVES[ix[3]],
  });
  // What arrived before each origin depends only on the recent half-life: summed once per half-life.
  const sums = RECENT_HALF_LIVES.map((h) =>
    origins.map((o) => arrivalsSoFar(o.day.forecast, o.day.actual, o.slot, slotMinutes, h)),
  );
  const errors = new Map<string, number>();
  const errorAt = (ix: number[]) => {
    const key = ix.join();
    let e = errors.get(key);
    if (e === undefined) errors.set(key, (e = restOfDayError(origins, sums[ix[2]], slotMinutes, paramsAt(ix))));
    return e;
  };
  let current = START;
  let currentError = errorAt(current);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    grids.forEach((grid, dim) => {
      for (let v = 0; v < grid.length; v++) {
        const candidate = current.map((c, d) => (d === dim ? v : c));
        const e = errorAt(candidate);
        if (e < currentError * (1 - 1e-12)) [current, currentError, moved] = [candidate, e, true];
      }
    });
    if (!moved) break;
  }
  return paramsAt(current);
}
