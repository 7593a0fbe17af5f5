import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/** Field types every module shares, so "a date" or "a time zone" is checked the same way everywhere. */
export const ianaTimeZone = z
  .string()
  .refine((v) => IANAZone.isValidZone(v), { message: 'must be an IANA time zone such as Asia/Shanghai' })
  .meta({ example: 'Asia/Shanghai' });

export const localDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid, { message: 'must be a date YYYY-MM-DD' })
  .meta({ example: '2026-11-23' });

/** Local clock time; 24:00 closes a day. */
export const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'must be a time HH:MM' })
  .meta({ example: '09:00' });

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as CNY' }).meta({ example: 'CNY' });

export const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/, { message: 'letters, digits, _ . - only' });

export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const utcInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' }).meta({ example: '2026-11-23T01:00:00Z' });
