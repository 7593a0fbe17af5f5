import { DateTime } from 'luxon';
import { z } from 'zod';
import { fillText, type Text } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { CellTexts, cellError } from './cell-texts';

/**
 * Cell parsers shared by every import kind. A value arrives as text (CSV), as a typed cell
 * (XLSX: number, Date, boolean) or as JSON; each parser accepts all three and says what is wrong.
 */
const blankToUndefined = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v;

export const text = (max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'number' ? String(b) : typeof b === 'string' ? b.trim() : b;
    },
    z.string().max(max, cellError(CellTexts.tooLong, { max })),
  );

export const integer = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' && /^-?\d+(\.0+)?$/.test(b.trim()) ? Number(b.trim()) : b;
    },
    z
      .number(cellError(CellTexts.wholeNumber))
      .int(cellError(CellTexts.wholeNumber))
      .min(min, cellError(CellTexts.atLeast, { min }))
      .max(max, cellError(CellTexts.atMost, { max })),
  );

export const decimal = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(b.trim()) ? Number(b.trim()) : b;
    },
    z
      .number(cellError(CellTexts.number))
      .min(min, cellError(CellTexts.atLeast, { min }))
      .max(max, cellError(CellTexts.atMost, { max })),
  );

/** Money in yuan (or the shop's currency) with at most two decimals, to exact integer cents. */
export const cents = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    if (typeof b === 'number') return Number.isFinite(b) ? b.toFixed(2).replace(/\.?0+$/, '') || '0' : b;
    return typeof b === 'string' ? b.trim().replace(/,/g, '') : b;
  },
  z
    .string(cellError(CellTexts.amount))
    .regex(/^\d{1,12}(\.\d{1,2})?$/, cellError(CellTexts.amountDecimals))
    .transform((s) => {
      const [whole, fraction = ''] = s.split('.');
      return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    }),
);

const TRUE = new Set(['true', '1', 'yes', 'y', '是', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', 'f']);
export const flag = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    if (typeof b === 'boolean' || b === undefined) return b;
    const s = String(b).trim().toLowerCase();
    return TRUE.has(s) ? true : FALSE.has(s) ? false : b;
  },
  z.boolean(cellError(CellTexts.trueFalse)),
);

export type TimeContext = { timeZone: string; earliest: Date; latest: Date };

const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([zZ]|[+-]\d{2}:?\d{2})$/;
const MESSAGE = CellTexts.dateTime;

/**
 * UTC offset of a local minute in a zone, or null when that wall-clock time does not exist (DST gap).
 * Cached: a file of a million rows has few distinct minutes, and luxon per row was the bottleneck.
 */
const offsets = new Map<string, number | null>();
function offsetOf(zone: string, date: string, hh: number, mm: number): number | null {
  const key = `${zone} ${date} ${hh}:${mm}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const [y, mo, d] = date.split('-').map(Number);
    const local = DateTime.fromObject({ year: y, month: mo, day: d, hour: hh, minute: mm }, { zone });
    offset = local.isValid && local.hour === hh && local.minute === mm && local.day === d ? local.offset : null;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function fromLocal(
  date: string,
  hh: number,
  mm: number,
  ss: number,
  ctx: TimeContext,
): { ok: true; value: Date } | { ok: false; message: Text } {
  const offset = offsetOf(ctx.timeZone, date, hh, mm);
  const [y, mo, d] = date.split('-').map(Number);
  const utc = Date.UTC(y, mo - 1, d, hh, mm, ss);
  if (Number.isNaN(utc) || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59)
    return { ok: false, message: CellTexts.invalidDateTime };
  if (offset === null) {
    const wall = `${date} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    return DateTime.fromISO(date).isValid
      ? { ok: false, message: fillText(CellTexts.dstGap, { wall, zone: ctx.timeZone }) }
      : { ok: false, message: CellTexts.invalidDateTime };
  }
  return inRange(new Date(utc - offset * 60_000), ctx);
}

/**
 * An instant: ISO 8601 with an offset, or a local wall-clock time of the shop (a date cell of a
 * workbook is such a wall-clock time). A local time that does not exist (the DST gap) is refused.
 */
export function parseInstant(v: unknown, ctx: TimeContext): { ok: true; value: Date } | { ok: false; message: Text } {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, message: CellTexts.invalidDateTime };
    // Workbook cells carry no zone: their digits are the shop's wall clock.
    return fromLocal(v.toISOString().slice(0, 10), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds(), ctx);
  }
  if (typeof v !== 'string') return { ok: false, message: MESSAGE };
  const s = v.trim();
  const local = LOCAL.exec(s);
  if (local) return fromLocal(local[1], Number(local[2]), Number(local[3]), Number(local[4] ?? 0), ctx);
  if (!ISO_WITH_OFFSET.test(s)) return { ok: false, message: MESSAGE };
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? { ok: false, message: CellTexts.invalidDateTime } : inRange(new Date(ms), ctx);
}

function inRange(d: Date, ctx: TimeContext): { ok: true; value: Date } | { ok: false; message: Text } {
  if (d < ctx.earliest || d > ctx.latest)
    return {
      ok: false,
      message: fillText(CellTexts.outsideRange, {
        from: ctx.earliest.toISOString().slice(0, 10),
        to: ctx.latest.toISOString().slice(0, 10),
      }),
    };
  return { ok: true, value: d };
}

export const instant = (ctx: TimeContext) =>
  z.unknown().transform((v, c) => {
    const parsed = parseInstant(v, ctx);
    if (!parsed.ok) {
      c.addIssue({ code: 'custom', message: say(parsed.message) });
      return z.NEVER;
    }
    return parsed.value;
  });

export const optionalInstant = (ctx: TimeContext) =>
  z
    .unknown()
    .transform((v, c) => {
      if (blankToUndefined(v) === undefined) return null;
      const parsed = parseInstant(v, ctx);
      if (!parsed.ok) {
        c.addIssue({ code: 'custom', message: say(parsed.message) });
        return z.NEVER;
      }
      return parsed.value;
    })
    .optional();
