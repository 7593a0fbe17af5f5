import type { RosterEvaluation } from 'src/modules/roster/solver';

type Cover = Pick<RosterEvaluation, 'coverage' | 'dayCoverage'>;

/**
 * Cover of a skill on a day as a share of its requirement: Σ min(scheduled, required) / Σ required
 * over the day's slots (or day-cover rows) of that skill; 1 when nothing is required.
 */
export function coverShare(evaluation: Cover, day: number, skill: string | null): number {
  const rows = [
    ...evaluation.coverage.filter((c) => c.day === day && (c.skill === skill || c.skill === null)),
    ...evaluation.dayCoverage.filter((c) => c.day === day && (c.skill === skill || c.skill === null)),
  ];
  const required = rows.reduce((sum, r) => sum + r.required, 0);
  return required === 0 ? 1 : rows.reduce((sum, r) => sum + Math.min(r.scheduled, r.required), 0) / required;
}

/** No (day, skill) touched by a change is covered less after it than before (swaps approved at once). */
export function coverNotDropped(
  before: Cover,
  after: Cover,
  touched: { day: number; skill: string | null }[],
): boolean {
  return touched.every((t) => coverShare(after, t.day, t.skill) >= coverShare(before, t.day, t.skill) - 1e-9);
}
