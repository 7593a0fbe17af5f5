/**
 * Exponential smoothing of daily totals with multiplicative weekday effects (no trend: a trend
 * extrapolated four weeks ahead does more harm than good on queues). Days without a total are
 * skipped, so weekends of a weekday-only queue do not count as zeros. Two calendar effects are
 * learnt on the way, both shrunk towards 1 until the data shows them: the day after an unexpected
 * closure (carried-over demand), and the position in the month (paydays, bills, month end).
 */
export interface DayTotal {
  weekday: number;
  /** Position in the month: days 1…15 as is, later days counted back from the month's end (31 = last day). */
  monthDay: number;
  total: number;
  /** The day before was a usual working day but closed (holiday, outage). */
  afterClosure: boolean;
}

export interface DailyLevelModel {
  level: number;
  /** Weekday effect by ISO weekday 1…7; NaN for a weekday never observed. */
  weekdayEffect: Float64Array;
  reopenFactor: number;
  monthDayFactor: (monthDay: number) => number;
  alpha: number;
  gamma: number;
}

export interface DailyLevelOptions {
  monthDayEffect: boolean;
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5];
const GAMMAS = [0.02, 0.05, 0.1, 0.2, 0.3];
const WARM_UP_DAYS = 14;
/** Neighbouring month days share evidence (paydays move with weekends). */
const MONTH_KERNEL = [0.25, 0.5, 1, 0.5, 0.25];
/** Prior weight, in days at ratio 1, of each month-day factor. */
const PRIOR_DAYS = 3;
/** Closures are rare, so one day's prior lets the first few reopenings count. */
const REOPEN_PRIOR_DAYS = 1;

const MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function monthDayOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const length = MONTH_LENGTH[m - 1] + (leap ? 1 : 0);
  return d <= 15 ? d : 31 - (length - d);
}

function initialState(totals: DayTotal[]): { level: number; effect: Float64Array } {
  const first = totals.slice(0, Math.min(totals.length, 21));
  const level = first.reduce((s, d) => s + d.total, 0) / first.length;
  const sum = new Float64Array(8);
  const count = new Float64Array(8);
  for (const d of totals) {
    if (count[d.weekday] >= 3) continue;
    sum[d.weekday] += d.total;
    count[d.weekday]++;
  }
  const effect = new Float64Array(8).fill(NaN);
  for (let w = 1; w <= 7; w++) if (count[w] > 0 && level > 0) effect[w] = sum[w] / count[w] / level;
  return { level, effect };
}

class MonthDayFactors {
  private readonly sum = new Float64Array(32);
  private readonly count = new Float64Array(32);

  add(monthDay: number, ratio: number): void {
    this.sum[monthDay] += ratio;
    this.count[monthDay]++;
  }

  factor(monthDay: number): number {
    let sum = PRIOR_DAYS;
    let count = PRIOR_DAYS;
    MONTH_KERNEL.forEach((k, j) => {
      const day = ((monthDay - 1 + j - 2 + 31) % 31) + 1;
      sum += k * this.sum[day];
      count += k * this.count[day];
    });
    return sum / count;
  }
}

/** Runs the recursion; `onForecast` sees each day-ahead forecast before the day updates the state. */
export function runDailyLevel(
  totals: DayTotal[],
  alpha: number,
  gamma: number,
  options: DailyLevelOptions,
  onForecast?: (index: number, forecast: number) => void,
): DailyLevelModel {
  const { level: level0, effect } = initialState(totals);
  let level = level0;
  let reopenSum = REOPEN_PRIOR_DAYS;
  let reopenCount = REOPEN_PRIOR_DAYS;
  const month = new MonthDayFactors();
  const monthFactor = (d: DayTotal) => (options.monthDayEffect ? month.factor(d.monthDay) : 1);
  totals.forEach((d, i) => {
    const calendar = (d.afterClosure ? reopenSum / reopenCount : 1) * monthFactor(d);
    const e = effect[d.weekday];
    if (onForecast) onForecast(i, level * e * calendar);
    if (!(e > 0) || !(level > 0)) return;
    const usual = level * e;
    if (d.afterClosure) {
      reopenSum += d.total / (usual * monthFactor(d));
      reopenCount++;
    } else {
      month.add(d.monthDay, d.total / usual);
    }
    const y = d.total / calendar;
    const newLevel = alpha * (y / e) + (1 - alpha) * level;
    effect[d.weekday] = gamma * (y / newLevel) + (1 - gamma) * e;
    level = newLevel;
  });
  return {
    level,
    weekdayEffect: effect,
    reopenFactor: reopenSum / reopenCount,
    monthDayFactor: (monthDay) => (options.monthDayEffect ? month.factor(monthDay) : 1),
    alpha,
    gamma,
  };
}

export interface Smoothing {
  alpha: number;
  gamma: number;
}

/**
 * Picks alpha/gamma by day-ahead absolute error after a warm-up (unless given, as a backtest does
 * once for all its origins), then returns the final state.
 */
export function fitDailyLevel(totals: DayTotal[], options: DailyLevelOptions, smoothing?: Smoothing): DailyLevelModel | null {
  if (totals.length === 0) return null;
  if (smoothing) return runDailyLevel(totals, smoothing.alpha, smoothing.gamma, options);
  let best = { alpha: 0.2, gamma: 0.1, error: Infinity };
  if (totals.length > WARM_UP_DAYS + 7) {
    for (const alpha of ALPHAS) {
      for (const gamma of GAMMAS) {
        let error = 0;
        runDailyLevel(totals, alpha, gamma, options, (i, f) => {
          if (i >= WARM_UP_DAYS && Number.isFinite(f)) error += Math.abs(f - totals[i].total);
        });
        if (error < best.error) best = { alpha, gamma, error };
      }
    }
  }
  return runDailyLevel(totals, best.alpha, best.gamma, options);
}
