/**
 * Within-day updating: the rest of today re-forecast from what has arrived so far. Today's level
 * against the day-ahead forecast is a credibility estimate (Bühlmann–Straub, the linear form of
 * the gamma–Poisson update of Weinberg, Brown & Stroud 2007): after m expected arrivals it weighs
 * m / (m + K) and the rest goes to the day-ahead level, so one early slot moves little and a
 * half-day moves a lot. The last hour's ratio, shrunk the same way towards that level, is a
 * deviation that fades with lead time (Shen & Huang 2008 weigh recent slots alike): the next
 * slots follow it, the evening follows the day level.
 */
export interface IntradayParams {
  /** K: prior weight of the day-ahead level, in expected arrivals. */
  credibility: number;
  /** Prior weight of today's level against the recent ratio, in expected arrivals (recent slots are fewer). */
  recentCredibility: number;
  /** Half-life (minutes) of the weights that make the recent ratio. */
  recentHalfLifeMinutes: number;
  /** Half-life (minutes of lead time) of a recent deviation from the day level; 0 = none. */
  persistenceHalfLifeMinutes: number;
}

/** Before anything was learnt: a tenth of the day's expected volume as the prior, recent half-hours fading over an hour. */
const DEFAULT_CREDIBILITY_SHARE = 0.1;

export function defaultIntradayParams(dayAheadTotal: number): IntradayParams {
  const day = Math.max(0, dayAheadTotal);
  return {
    credibility: DEFAULT_CREDIBILITY_SHARE * day,
    recentCredibility: 0.1 * DEFAULT_CREDIBILITY_SHARE * day,
    recentHalfLifeMinutes: 30,
    persistenceHalfLifeMinutes: 60,
  };
}

export interface IntradayUpdate {
  /** First slot re-forecast: every slot before it is past. */
  fromSlot: number;
  /** Arrivals in the past slots that had both a forecast and an actual, and what was forecast for them. */
  observed: number;
  expected: number;
  /** Credibility of today's own level, m / (m + K). */
  weight: number;
  /** Today's level as a multiple of the day-ahead forecast, after shrinkage. */
  level: number;
  /** The recent ratio after shrinkage towards `level`. */
  recent: number;
  /** Per grid slot: the updated forecast from `fromSlot` on; NaN before it and where the day-ahead has none. */
  forecast: Float64Array;
}

const usable = (f: number, a: number) => Number.isFinite(f) && f >= 0 && Number.isFinite(a);

/** Multiplier for a slot `leadMinutes` after the origin. */
export function ratioAtLead(
  update: Pick<IntradayUpdate, 'level' | 'recent'>,
  leadMinutes: number,
  params: IntradayParams,
): number {
  if (!(params.persistenceHalfLifeMinutes > 0)) return update.level;
  return update.level + Math.pow(0.5, leadMinutes / params.persistenceHalfLifeMinutes) * (update.recent - update.level);
}

/** What arrived before the origin against what was forecast: all of it, and weighted towards the last slots. */
export interface ArrivalsSoFar {
  observed: number;
  expected: number;
  recentObserved: number;
  recentExpected: number;
}

export function arrivalsSoFar(
  dayAhead: ArrayLike<number>,
  actual: ArrayLike<number>,
  fromSlot: number,
  slotMinutes: number,
  recentHalfLifeMinutes: number,
): ArrivalsSoFar {
  const decay = Math.pow(0.5, slotMinutes / Math.max(1e-9, recentHalfLifeMinutes));
  const sums = { observed: 0, expected: 0, recentObserved: 0, recentExpected: 0 };
  for (let s = 0; s < fromSlot; s++) {
    sums.recentObserved *= decay;
    sums.recentExpected *= decay;
    if (!usable(dayAhead[s], actual[s])) continue;
    sums.observed += actual[s];
    sums.expected += dayAhead[s];
    sums.recentObserved += actual[s];
    sums.recentExpected += dayAhead[s];
  }
  return sums;
}

/** Today's level and recent ratio, each shrunk by its credibility. */
export function dayState(
  sums: ArrivalsSoFar,
  params: IntradayParams,
): { weight: number; level: number; recent: number } {
  const K = Math.max(0, params.credibility);
  const weight = sums.expected + K > 0 ? sums.expected / (sums.expected + K) : 0;
  const level = sums.expected > 0 ? 1 + weight * (sums.observed / sums.expected - 1) : 1;
  const Kr = Math.max(0, params.recentCredibility);
  const recentWeight = sums.recentExpected + Kr > 0 ? sums.recentExpected / (sums.recentExpected + Kr) : 0;
  const recent =
    sums.recentExpected > 0 ? level + recentWeight * (sums.recentObserved / sums.recentExpected - level) : level;
  return { weight, level, recent };
}

/**
 * Updates the day from `fromSlot` on. `actual[s]` for s < fromSlot is what arrived (NaN: missing,
 * skipped rather than read as zero); later entries are ignored.
 */
export function updateRestOfDay(
  dayAhead: ArrayLike<number>,
  actual: ArrayLike<number>,
  fromSlot: number,
  slotMinutes: number,
  params: IntradayParams,
): IntradayUpdate {
  const sums = arrivalsSoFar(dayAhead, actual, fromSlot, slotMinutes, params.recentHalfLifeMinutes);
  const { weight, level, recent } = dayState(sums, params);
  const forecast = new Float64Array(dayAhead.length).fill(NaN);
  for (let t = fromSlot; t < dayAhead.length; t++) {
    if (!Number.isFinite(dayAhead[t])) continue;
    forecast[t] = dayAhead[t] * Math.max(0, ratioAtLead({ level, recent }, (t - fromSlot) * slotMinutes, params));
  }
  return { fromSlot, observed: sums.observed, expected: sums.expected, weight, level, recent, forecast };
}
