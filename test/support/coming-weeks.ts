import { DateTime } from 'luxon';

/** The tests' shops keep Shanghai time unless a test sets another zone. */
const SHOP_ZONE = 'Asia/Shanghai';

/**
 * The Monday `weeksFromNow` weeks after this week's in the shop's zone (negative: before it).
 * Self-service refuses past days, so the weeks a test publishes and asks about must lie ahead of
 * whenever the suite runs: a hard-coded week stops working the day it is reached.
 */
export function shopMonday(weeksFromNow: number, zone = SHOP_ZONE): string {
  return DateTime.now().setZone(zone).startOf('week').plus({ weeks: weeksFromNow }).toISODate()!;
}

/** A local date and time in the shop's zone as the UTC instant the server stores and returns ('…Z'). */
export function shopInstant(date: string, time: string, zone = SHOP_ZONE): string {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO()!;
}
