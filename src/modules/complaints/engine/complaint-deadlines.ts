import { DateTime } from 'luxon';
import type { DeadlineRule } from './complaint-catalogue';

/** A negative review (中差评) must be handled within this many days, whatever the shop's rule says. */
export const NEGATIVE_REVIEW_DAYS = 7;

export type DueTimes = { firstResponseDueAt: Date; resolveDueAt: Date };

/**
 * When a complaint received at `receivedAt` must be answered and resolved.
 * - First response: elapsed minutes (an hour is an hour, also on the night the clocks change).
 * - Resolution: calendar days of the shop's zone, same wall-clock time N local days later, so a
 *   day that has 23 or 25 hours counts as one day. Nothing is skipped (no business hours, no
 *   weekends). A wall-clock time that does not exist on the due day (spring-forward gap) moves
 *   forward by the length of the gap, as luxon does; an ambiguous one keeps the received offset.
 * - The first response is never due after the resolution.
 */
export function complaintDueTimes(
  receivedAt: Date,
  timeZone: string,
  rule: DeadlineRule,
  negativeReview: boolean,
): DueTimes {
  if (!Number.isInteger(rule.firstResponseMinutes) || rule.firstResponseMinutes <= 0)
    throw new Error('firstResponseMinutes must be a positive whole number');
  if (!Number.isInteger(rule.resolveDays) || rule.resolveDays <= 0)
    throw new Error('resolveDays must be a positive whole number');
  const local = DateTime.fromJSDate(receivedAt, { zone: timeZone });
  if (!local.isValid) throw new Error(`invalid time zone ${timeZone}`);
  const days = negativeReview ? Math.min(rule.resolveDays, NEGATIVE_REVIEW_DAYS) : rule.resolveDays;
  const resolveDueAt = local.plus({ days }).toJSDate();
  const firstResponse = new Date(receivedAt.getTime() + rule.firstResponseMinutes * 60_000);
  return { firstResponseDueAt: firstResponse < resolveDueAt ? firstResponse : resolveDueAt, resolveDueAt };
}

export type OverdueReason = 'first_response' | 'resolution';

/** Whether a complaint still being worked on has missed a deadline at `asOf` (resolution first: it is the graver miss). */
export function overdueReason(
  c: { status: string; firstRespondedAt: Date | null; firstResponseDueAt: Date; resolveDueAt: Date },
  asOf: Date,
): OverdueReason | null {
  if (c.status === 'resolved' || c.status === 'closed') return null;
  if (c.resolveDueAt <= asOf) return 'resolution';
  if (!c.firstRespondedAt && c.firstResponseDueAt <= asOf) return 'first_response';
  return null;
}
