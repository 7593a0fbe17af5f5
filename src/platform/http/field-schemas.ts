import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

/** Field types every module shares, so "a date" or "a time zone" is checked the same way everywhere. */
export const ianaTimeZone = z
  .string()
  .refine((v) => IANAZone.isValidZone(v), {
    ...localized(text('must be an IANA time zone such as Asia/Shanghai', '必须是 IANA 时区，例如 Asia/Shanghai')),
    abort: true,
  })
  .meta({ example: 'Asia/Shanghai' });

/**
 * Dates a roster, a hire or a report can have. Beyond them a day's UTC edges leave the calendar's
 * range (9999-12-31 in Shanghai ends in year 10000, which PostgreSQL reads as no date) and a job
 * accepted for such a day could only fail.
 */
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '2199-12-31';
const FIRST_INSTANT = Date.parse(FIRST_DATE);
const AFTER_LAST_INSTANT = Date.parse(LAST_DATE) + 86_400_000;
const outOfRange = localized(
  text(`must be between ${FIRST_DATE} and ${LAST_DATE}`, `必须在 ${FIRST_DATE} 至 ${LAST_DATE} 之间`),
);

export const localDate = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid,
    // A check chained after this one (`.refine(isMonday)`) reads the value as a date: it must not run on one that is not.
    { ...localized(text('must be a date like 2026-11-23', '必须是日期，格式如 2026-11-23')), abort: true },
  )
  .refine((v) => v >= FIRST_DATE && v <= LAST_DATE, { ...outOfRange, abort: true })
  .meta({ example: '2026-11-23' });

/** Local clock time; 24:00 closes a day. */
export const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, localized(text('must be a time like 09:00', '必须是时间，格式如 09:00')))
  .meta({ example: '09:00' });

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, localized(text('must be an ISO 4217 code such as CNY', '必须是 ISO 4217 货币代码，例如 CNY')))
  .meta({ example: 'CNY' });

export const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, localized(text('letters, digits, _ . - only', '只能包含字母、数字和 _ . -')));

export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const utcInstant = z.iso
  .datetime({
    offset: true,
    ...localized(
      text('must be an ISO 8601 date-time with offset', '必须是带时区偏移的 ISO 8601 时间，例如 2026-11-23T01:00:00Z'),
    ),
  })
  // Total on any string: a value the format check refused reaches this check too.
  .refine((v) => !(Date.parse(v) < FIRST_INSTANT || Date.parse(v) >= AFTER_LAST_INSTANT), outOfRange)
  .meta({ example: '2026-11-23T01:00:00Z' });
