import { DateTime } from 'luxon';

/** The shop's local days [from 00:00, the day after `to` 00:00) as UTC instants (23- and 25-hour days included). */
export function localWindow(shop: { timeZone: string }, from: string, to: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(from, { zone: shop.timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: shop.timeZone }).plus({ days: 1 }).startOf('day');
  return { start: start.toJSDate(), end: end.toJSDate() };
}
