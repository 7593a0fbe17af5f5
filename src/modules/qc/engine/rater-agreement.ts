/**
 * Agreement between inspectors who score the same sessions (calibration panels).
 *
 * ICC(1,1), Shrout & Fleiss's one-way random-effects intraclass correlation of single ratings:
 * each session is scored by its own panel (any two or more inspectors, not the same ones every
 * time), which is exactly the one-way design; ICC(2,1) needs every inspector on every session.
 * It measures absolute agreement: an inspector who is harsher than the rest lowers it. With
 * panels of unequal size the group size is the usual adjusted mean k₀ = (N − Σnᵢ²/N)/(g − 1):
 *
 *   MSB = Σ nᵢ(x̄ᵢ − x̄)² / (g − 1),   MSW = ΣΣ (x − x̄ᵢ)² / (N − g),
 *   ICC(1,1) = (MSB − MSW) / (MSB + (k₀ − 1)·MSW).
 */

/** One session's ratings, as sums (so the database can aggregate them). */
export type RatingGroup = { count: number; sum: number; sumOfSquares: number };

export type Agreement = {
  /** Null when it cannot be told: fewer than two sessions, no second rating, or no variation at all. */
  icc: number | null;
  sessions: number;
  ratings: number;
  msBetween: number | null;
  msWithin: number | null;
  /** √MSW: how far one inspector's score typically lies from the panel's, in points. */
  withinSd: number | null;
};

export const AGREEMENT_BANDS = ['poor', 'moderate', 'good', 'excellent'] as const;
export type AgreementBand = (typeof AGREEMENT_BANDS)[number];

export function ratingGroup(values: readonly number[]): RatingGroup {
  return {
    count: values.length,
    sum: values.reduce((s, v) => s + v, 0),
    sumOfSquares: values.reduce((s, v) => s + v * v, 0),
  };
}

export function intraclassCorrelation(groups: readonly RatingGroup[]): Agreement {
  const used = groups.filter((g) => g.count > 0);
  const g = used.length;
  const n = used.reduce((s, x) => s + x.count, 0);
  const none = { icc: null, sessions: g, ratings: n, msBetween: null, msWithin: null, withinSd: null };
  if (g < 1 || n <= g) return none;
  const grand = used.reduce((s, x) => s + x.sum, 0) / n;
  // Within a group: Σ(x − x̄ᵢ)² = Σx² − (Σx)²/nᵢ, never below 0 (rounding).
  const ssWithin = used.reduce((s, x) => s + Math.max(0, x.sumOfSquares - (x.sum * x.sum) / x.count), 0);
  const msWithin = ssWithin / (n - g);
  const withinSd = Math.sqrt(msWithin);
  if (g < 2) return { ...none, msWithin, withinSd };
  const ssBetween = used.reduce((s, x) => s + x.count * (x.sum / x.count - grand) ** 2, 0);
  const msBetween = ssBetween / (g - 1);
  const k0 = (n - used.reduce((s, x) => s + x.count * x.count, 0) / n) / (g - 1);
  const denominator = msBetween + (k0 - 1) * msWithin;
  const icc = denominator > 1e-12 ? (msBetween - msWithin) / denominator : null;
  return { icc, sessions: g, ratings: n, msBetween, msWithin, withinSd };
}

/** Koo & Li (2016): below 0.5 poor, to 0.75 moderate, to 0.9 good, above excellent. */
export function agreementBand(icc: number | null): AgreementBand | null {
  if (icc === null) return null;
  return icc < 0.5 ? 'poor' : icc < 0.75 ? 'moderate' : icc < 0.9 ? 'good' : 'excellent';
}

export type Leaning = 'harsher' | 'softer' | 'in-line';

/**
 * Whether an inspector's mean deviation from the panels' means (in score points; positive means
 * more points given) is told apart from 0: beyond two standard errors and at least `minPoints`.
 * One deviation alone is never a leaning.
 */
export function leaningOf(mean: number, sd: number | null, count: number, minPoints = 0.5): Leaning {
  if (count < 2 || sd === null || Math.abs(mean) < minPoints) return 'in-line';
  const standardError = sd / Math.sqrt(count);
  if (Math.abs(mean) <= 2 * standardError) return 'in-line';
  return mean < 0 ? 'harsher' : 'softer';
}
