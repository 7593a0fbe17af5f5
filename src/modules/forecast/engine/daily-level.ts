/**
 * Exponential smoothing of daily totals with multiplicative weekday effects (no trend: a trend
 * extrapolated four weeks ahead does more harm than good on queues). Days without a total are
 * skipped, so weekends of a weekday-only queue do not count as zeros. Two calendar effects are
 * learnt on the way, each shrunk towards a prior until the data shows it: the day after an
 * unexpected closure (carried-over demand; prior: it looks like the week's first day, which follows
 * the usual closed days), and the position in the month (paydays, bills, month end; prior 1).
 * The smoothing is robust (Gelper, Fried & Croux 2010): a day's surprise enters the level and the
 * weekday effect clipped at Huber's k = 1.5 scales, so one day of an outage or an unmarked
 * campaign does not carry into the following weeks.
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
  /** Multiplier of a day that follows an unexpected closure, by its ISO weekday. */
  reopenFactor: (weekday: number) => number;
  monthDayFactor: (monthDay: number) => number;
  alpha: number;
  gamma: number;
}

export interface DailyLevelOptions {
  monthDayEffect: boolean;
  /** Weekdays that open the usual week (after its closed days): a reopening's prior looks like them. */
  weekStarts?: readonly number[];
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5];
const GAMMAS = [0.02, 0.05, 0.1, 0.2, 0.3];
const WARM_UP_DAYS = 14;
/** Neighbouring month days share evidence (paydays move with weekends). */
const MONTH_KERNEL = [0.25, 0.5, 1, 0.5, 0.25];
/**
 * Bounds of the prior weight (days at ratio 1) of each month-day factor; within them it is the
 * empirical-Bayes ratio of day-to-day noise to the spread between month days, so a series with
 * strong paydays trusts them soon and one without keeps its factors near 1.
 */
const MIN_PRIOR_DAYS = 1;
const MAX_PRIOR_DAYS = 30;
/** Huber's constant: surprises beyond 1.5 scales are clipped (a scale is 1.25 × the mean absolute surprise). */
const HUBER_K = 1.5;
const SCALE_MEMORY = 0.98;
/** Surprises seen before any is clipped: the scale needs a few weeks to mean something. */
const MIN_SCALE_DAYS = 10;
/**
 * Closures are rare, so one day's prior lets the first few reopenings count; the prior is the
 * week's first day against this weekday (carried-over demand, as after a weekend).
 */
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
  private readonly sumSquares = new Float64Array(32);
  private readonly count = new Float64Array(32);

  add(monthDay: number, ratio: number): void {
    this.sum[monthDay] += ratio;
    this.sumSquares[monthDay] += ratio * ratio;
    this.count[monthDay]++;
  }

  /** Noise within month days over the spread between them (method of moments), bounded. */
  priorDays(): number {
    let within = 0;
    let withinDf = 0;
    const means: number[] = [];
    let inverseCounts = 0;
    for (let d = 1; d <= 31; d++) {
      const n = this.count[d];
      if (n === 0) continue;
      const mean = this.sum[d] / n;
      within += this.sumSquares[d] - n * mean * mean;
      withinDf += n - 1;
      means.push(mean);
      inverseCounts += 1 / n;
    }
    if (withinDf < 10 || means.length < 5) return MAX_PRIOR_DAYS;
    const noise = within / withinDf;
    const grand = means.reduce((a, b) => a + b, 0) / means.length;
    const spread =
      means.reduce((a, m) => a + (m - grand) ** 2, 0) / (means.length - 1) - (noise * inverseCounts) / means.length;
    return spread > 0 ? Math.min(MAX_PRIOR_DAYS, Math.max(MIN_PRIOR_DAYS, noise / spread)) : MAX_PRIOR_DAYS;
  }

  factor(monthDay: number, prior = this.priorDays()): number {
    let sum = prior;
    let count = prior;
    MONTH_KERNEL.forEach((k, j) => {
      const day = ((monthDay - 1 + j - 2 + 31) % 31) + 1;
      sum += k * this.sum[day];
      count += k * this.count[day];
    });
    return sum / count;
  }
}

/**
 * What a reopening is expected to look like before any was seen: the week's first day, which also
 * follows closed days and catches their demand (1 when the week has no start, or when the week's
 * first day is not busier than this weekday).
 */
function reopenPrior(effect: Float64Array, weekStarts: readonly number[], weekday: number): number {
  const starts = weekStarts.map((w) => effect[w]).filter((e) => e > 0);
  if (starts.length === 0 || !(effect[weekday] > 0)) return 1;
  return Math.max(1, starts.reduce((a, b) => a + b, 0) / starts.length / effect[weekday]);
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
  const weekStarts = options.weekStarts ?? [];
  let reopenSum = 0;
  let reopenCount = 0;
  const reopenFactor = (weekday: number) =>
    (REOPEN_PRIOR_DAYS * reopenPrior(effect, weekStarts, weekday) + reopenSum) / (REOPEN_PRIOR_DAYS + reopenCount);
  let surpriseSum = 0;
  let surpriseCount = 0;
  const month = new MonthDayFactors();
  const monthFactor = (d: DayTotal) => (options.monthDayEffect ? month.factor(d.monthDay) : 1);
  totals.forEach((d, i) => {
    const calendar = (d.afterClosure ? reopenFactor(d.weekday) : 1) * monthFactor(d);
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
    const surprise = d.total / calendar / usual - 1;
    const limit = HUBER_K * 1.25 * (surpriseSum / Math.max(1, surpriseCount));
    const clipped =
      surpriseCount >= MIN_SCALE_DAYS && Math.abs(surprise) > limit ? Math.sign(surprise) * limit : surprise;
    surpriseSum = SCALE_MEMORY * surpriseSum + Math.abs(surprise);
    surpriseCount = SCALE_MEMORY * surpriseCount + 1;
    const y = usual * (1 + clipped);
    const newLevel = alpha * (y / e) + (1 - alpha) * level;
    effect[d.weekday] = gamma * (y / newLevel) + (1 - gamma) * e;
    level = newLevel;
  });
  const prior = month.priorDays();
  return {
    level,
    weekdayEffect: effect,
    reopenFactor,
    monthDayFactor: (monthDay) => (options.monthDayEffect ? month.factor(monthDay, prior) : 1),
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
export function fitDailyLevel(
  totals: DayTotal[],
  options: DailyLevelOptions,
  smoothing?: Smoothing,
): DailyLevelModel | null {
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
