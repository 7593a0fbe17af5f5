import { DayMatrix } from './slot-grid';

/** How the intraday profile is estimated; defaults suit both 5- and 30-minute slots. */
export interface ProfileOptions {
  /** Weight of a day halves every this many weeks (recent weeks count more). */
  halfLifeWeeks: number;
  /** Pull of the all-weekday profile, in days' worth of weight (weekdays with little data lean on it). */
  shrinkageDays: number;
  /** Weight of each neighbouring slot in a 3-slot smoothing (0 = none); damps noise of short slots. */
  neighbourWeight: number;
}

export const DEFAULT_PROFILE: ProfileOptions = { halfLifeWeeks: 6, shrinkageDays: 3, neighbourWeight: 0.15 };

/** Share of the day's volume per slot, per ISO weekday (index 1…7); null for a weekday never observed. */
export type WeekdayProfiles = (Float64Array | null)[];

function shares(values: Float64Array): { total: number; observed: number } {
  let total = 0;
  let observed = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    total += v;
    observed++;
  }
  return { total, observed };
}

function normalise(profile: Float64Array): Float64Array {
  let sum = 0;
  for (const v of profile) sum += v;
  if (sum > 0) for (let s = 0; s < profile.length; s++) profile[s] /= sum;
  return profile;
}

/** 3-slot smoothing that never spreads volume into slots the queue is not open. */
function smooth(profile: Float64Array, open: Uint8Array, weight: number): Float64Array {
  if (weight <= 0) return profile;
  const out = new Float64Array(profile.length);
  for (let s = 0; s < profile.length; s++) {
    if (!open[s]) continue;
    let sum = profile[s];
    let w = 1;
    for (const n of [s - 1, s + 1]) {
      if (n < 0 || n >= profile.length || !open[n]) continue;
      sum += weight * profile[n];
      w += weight;
    }
    out[s] = sum / w;
  }
  return normalise(out);
}

/**
 * Weekday intraday profiles: exponentially weighted shares of each day's volume, shrunk towards
 * the profile pooled over all weekdays, then lightly smoothed over neighbouring slots.
 */
export function weekdayProfiles(history: DayMatrix, options: ProfileOptions = DEFAULT_PROFILE): WeekdayProfiles {
  const S = history.slotsPerDay;
  const decay = Math.pow(0.5, 1 / (7 * options.halfLifeWeeks));
  const last = history.days.length - 1;
  const maxObserved = Math.max(0, ...history.days.map((d) => shares(d.values).observed));
  const num = Array.from({ length: 8 }, () => new Float64Array(S));
  const den = Array.from({ length: 8 }, () => new Float64Array(S));
  const open = Array.from({ length: 8 }, () => new Uint8Array(S));
  history.days.forEach((day, i) => {
    const { total, observed } = shares(day.values);
    // Partial days (a closed afternoon, a gap in the feed) would distort the shares.
    if (total <= 0 || observed < 0.9 * maxObserved) return;
    const weight = Math.pow(decay, last - i);
    for (let s = 0; s < S; s++) {
      const v = day.values[s];
      if (Number.isNaN(v)) continue;
      for (const k of [day.weekday, 0]) {
        num[k][s] += (weight * v) / total;
        den[k][s] += weight;
        open[k][s] = 1;
      }
    }
  });
  const pooled = new Float64Array(S);
  for (let s = 0; s < S; s++) pooled[s] = den[0][s] > 0 ? num[0][s] / den[0][s] : 0;
  const profiles: WeekdayProfiles = [null];
  for (let w = 1; w <= 7; w++) {
    if (!open[w].some((o) => o)) {
      profiles.push(null);
      continue;
    }
    const p = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      if (!open[w][s]) continue;
      p[s] = (num[w][s] + options.shrinkageDays * pooled[s]) / (den[w][s] + options.shrinkageDays);
    }
    profiles.push(smooth(normalise(p), open[w], options.neighbourWeight));
  }
  return profiles;
}

/** Day total implied by the observed slots and the profile; NaN when too little of the day was seen. */
export function impliedDayTotal(values: Float64Array, profile: Float64Array | null): number {
  if (!profile) return NaN;
  let sum = 0;
  let share = 0;
  for (let s = 0; s < values.length; s++) {
    if (Number.isNaN(values[s])) continue;
    sum += values[s];
    share += profile[s];
  }
  return share >= 0.5 ? sum / share : NaN;
}

/**
 * Memories a profile may have: some queues' shapes drift with the season (short memory), others
 * are steady and gain from more weeks (long memory, little pooling). Each series picks its own.
 */
export const PROFILE_CANDIDATES: ProfileOptions[] = [
  DEFAULT_PROFILE,
  { halfLifeWeeks: 3, shrinkageDays: 3, neighbourWeight: 0.15 },
  { halfLifeWeeks: 12, shrinkageDays: 1, neighbourWeight: 0.15 },
];
/** A profile is judged on this many recent days, each with at least this many days before it. */
const SHAPE_BACKTEST_DAYS = 28;
const MIN_SHAPE_HISTORY_DAYS = 28;

/**
 * The candidate whose profiles, made from the days before each of the last four weeks' days,
 * best matched those days' shapes (absolute error with each day scaled to its own total): the
 * shape alone is judged, the day's level is the daily model's business.
 */
export function chooseProfile(history: DayMatrix, candidates: ProfileOptions[]): ProfileOptions {
  if (candidates.length === 1) return candidates[0];
  const origins: number[] = [];
  for (
    let i = Math.max(MIN_SHAPE_HISTORY_DAYS, history.days.length - SHAPE_BACKTEST_DAYS);
    i < history.days.length;
    i++
  ) {
    if (history.days[i].values.some((v) => !Number.isNaN(v))) origins.push(i);
  }
  if (origins.length < 5) return candidates[0];
  let best = candidates[0];
  let bestError = Infinity;
  for (const candidate of candidates) {
    let error = 0;
    for (const i of origins) {
      const day = history.days[i];
      const profile = weekdayProfiles({ ...history, days: history.days.slice(0, i) }, candidate)[day.weekday];
      const total = impliedDayTotal(day.values, profile);
      if (!profile || !Number.isFinite(total)) continue;
      for (let s = 0; s < day.values.length; s++)
        if (!Number.isNaN(day.values[s])) error += Math.abs(total * profile[s] - day.values[s]);
    }
    if (error < bestError) [best, bestError] = [candidate, error];
  }
  return best;
}
