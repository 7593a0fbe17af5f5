import { KPI_SUMS, KpiDefinition, KpiSums } from './kpi-definitions';

/** Half up at `decimals` places, done on a scaled integer so 0.125 → 0.13 and never 0.12. */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const rounded = Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5 + 1e-9);
  return rounded / scale;
}

/** One figure from summed numerators and denominators; a zero (or missing) denominator is null, never 0 or NaN. */
export function kpiValue(definition: KpiDefinition, sums: KpiSums): number | null {
  const numerator = sums[definition.numerator];
  if (!definition.denominator) return roundHalfUp(numerator, definition.decimals);
  const denominator = sums[definition.denominator];
  if (!denominator) return null;
  return roundHalfUp(numerator / denominator, definition.decimals);
}

export function kpiValues(definitions: readonly KpiDefinition[], sums: KpiSums): Record<string, number | null> {
  return Object.fromEntries(definitions.map((d) => [d.key, kpiValue(d, sums)]));
}

/** Sums as the database returns them (bigint and numeric come back as strings) → numbers. */
export function toSums(row: Record<string, unknown>): KpiSums {
  return Object.fromEntries(KPI_SUMS.map((k) => [k, Number(row[k] ?? 0)])) as KpiSums;
}

export const emptySums = (): KpiSums => Object.fromEntries(KPI_SUMS.map((k) => [k, 0])) as KpiSums;

export function addSums(a: KpiSums, b: KpiSums): KpiSums {
  return Object.fromEntries(KPI_SUMS.map((k) => [k, a[k] + b[k]])) as KpiSums;
}
