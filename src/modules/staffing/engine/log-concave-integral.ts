/**
 * log ∫_0^upper exp(φ(s)) ds for a concave φ, computed around its peak so that neither a huge
 * peak (overflow) nor a narrow one (missed by the nodes) spoils it. Composite 10-point
 * Gauss–Legendre on panels short enough that φ changes by at most about 2 on each.
 */

export interface ConcaveExponent {
  value(s: number): number;
  slope(s: number): number;
  /** |φ''(s)|, assumed non-increasing in s (true for the Erlang A exponent). */
  curvature(s: number): number;
  /** Where φ is largest on [0, ∞). */
  peak: number;
}

/** Beyond this drop below the peak, e^φ adds less than e^−60 of the peak value per unit length. */
const NEGLIGIBLE_DROP = 60;
const MAX_PANELS = 4000;
const NODES = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const WEIGHTS = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];

export function logIntegralOfExp(phi: ConcaveExponent, upper: number): number {
  if (upper <= 0) return Number.NEGATIVE_INFINITY;
  const peak = Math.min(Math.max(phi.peak, 0), upper);
  const top = phi.value(peak);
  const floor = top - NEGLIGIBLE_DROP;
  const right = phi.value(upper) >= floor ? upper : levelCrossing(phi, peak, upper, floor);
  const left = peak === 0 || phi.value(0) >= floor ? 0 : levelCrossing(phi, peak, 0, floor);
  const total = panelSum(phi, top, left, peak) + panelSum(phi, top, peak, right);
  return top + Math.log(total);
}

/** ∫_a^b exp(φ − top). */
function panelSum(phi: ConcaveExponent, top: number, a: number, b: number): number {
  const width = b - a;
  if (width <= 0) return 0;
  const steepest = Math.max(Math.abs(phi.slope(a)), Math.abs(phi.slope(b)));
  const panels = Math.min(
    MAX_PANELS,
    Math.max(1, Math.ceil(Math.max((width * steepest) / 2, width * Math.sqrt(phi.curvature(a))))),
  );
  const half = width / panels / 2;
  let total = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (2 * p + 1) * half;
    for (let k = 0; k < NODES.length; k++) {
      const offset = NODES[k] * half;
      total += WEIGHTS[k] * (Math.exp(phi.value(mid - offset) - top) + Math.exp(phi.value(mid + offset) - top));
    }
  }
  return total * half;
}

/** The s between `inside` (φ ≥ level) and `outside` (φ < level) where φ = level; φ is monotone there. */
function levelCrossing(phi: ConcaveExponent, inside: number, outside: number, level: number): number {
  let a = inside;
  let b = outside;
  for (let i = 0; i < 80 && Math.abs(b - a) > 1e-15 * Math.max(1, Math.abs(a)); i++) {
    const mid = (a + b) / 2;
    if (phi.value(mid) >= level) a = mid;
    else b = mid;
  }
  return b;
}
