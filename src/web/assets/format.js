/** Dates in the shop's IANA zone and figures as the department reads them. */
import { lang } from './i18n.js';

const zoneFormats = new Map();
function zoneFormat(zone) {
  if (!zoneFormats.has(zone)) {
    zoneFormats.set(
      zone,
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    );
  }
  return zoneFormats.get(zone);
}

function wallClock(ms, zone) {
  const p = Object.fromEntries(
    zoneFormat(zone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return { y: +p.year, m: +p.month, d: +p.day, hh: +p.hour % 24, mm: +p.minute, ss: +p.second };
}

const pad = (n) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant in the zone. */
export function localDate(ms, zone) {
  const w = wallClock(ms, zone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
}

/** 'HH:MM' of an instant in the zone. */
export function localTime(iso, zone) {
  const w = wallClock(new Date(iso).getTime(), zone);
  return `${pad(w.hh)}:${pad(w.mm)}`;
}

/** The UTC instant (ISO) of a local wall-clock time in the zone; correct across DST changes. */
export function zonedToUtc(date, time, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = (time ?? '00:00').split(':').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  const offset = (ms) => {
    const w = wallClock(ms, zone);
    return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss) - Math.floor(ms / 1000) * 1000;
  };
  let ms = wanted - offset(wanted);
  ms = wanted - offset(ms);
  return new Date(ms).toISOString();
}

export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isoWeekday(date) {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export const mondayOf = (date) => addDays(date, 1 - isoWeekday(date));
export const todayIn = (zone) => localDate(Date.now(), zone);
/** The last complete month (YYYY-MM) before a local date: what HR ranks at the start of a month. */
export const lastCompleteMonth = (date) => {
  const [y, m] = date.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Minutes after local midnight of a local ISO string such as 2026-11-30T08:00:00+08:00. */
export const minutesOfLocal = (local) => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
export const clockOfLocal = (local) => local.slice(11, 16);

export function dayLabel(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', {
    weekday: 'short',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function dateTime(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

const numberFormat = (digits) =>
  new Intl.NumberFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });

/** Null (a zero denominator) is "no data", never 0. */
export function figure(value, unit, currency = 'CNY') {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'ratio':
      return `${numberFormat(1).format(value * 100)}%`;
    case 'cents':
      return new Intl.NumberFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { style: 'currency', currency }).format(
        value / 100,
      );
    case 'seconds':
      return `${numberFormat(1).format(value)} s`;
    case 'score':
      return numberFormat(1).format(value);
    default:
      return numberFormat(2).format(value);
  }
}

export const num = (value, digits = 1) =>
  value === null || value === undefined ? '—' : numberFormat(digits).format(value);
export const percent = (ratio, digits = 1) =>
  ratio === null || ratio === undefined ? '—' : `${numberFormat(digits).format(ratio * 100)}%`;
