import { addDays, datesBetween, daysBetween, isoWeekday, monthDays, weekStartOf } from './calendar-date';
import {
  clockAt,
  localDateOf,
  localDayStart,
  localDaysWindow,
  nextMonday,
  todayIn,
  utcAndLocal,
  wallClockAt,
  wallClockPasses,
} from './shop-calendar';
import { localSlotsOfDay } from './slot-grid';

describe('calendar dates', () => {
  it('adds days across month and year ends, and counts days between', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-10-20', '2026-11-02')).toBe(13);
    expect(daysBetween('2026-11-02', '2026-10-20')).toBe(-13);
    expect(datesBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('knows ISO weekdays and the Monday a week starts on', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
    expect(weekStartOf('2026-12-13')).toBe('2026-12-07');
    expect(weekStartOf('2026-12-07')).toBe('2026-12-07');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('gives a month’s first and last date, leap years included', () => {
    expect(monthDays('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addDays('yesterday', 1)).toThrow(RangeError);
  });
});

describe('the shop calendar', () => {
  it('gives local days as UTC windows of 23, 24 and 25 hours across clock changes', () => {
    const hours = (w: { start: Date; end: Date }) => (w.end.getTime() - w.start.getTime()) / 3_600_000;
    expect(localDaysWindow('2026-03-29', '2026-03-29', 'Europe/Berlin')).toEqual({
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    });
    expect(hours(localDaysWindow('2026-03-29', '2026-03-29', 'Europe/Berlin'))).toBe(23);
    expect(hours(localDaysWindow('2026-10-25', '2026-10-25', 'Europe/Berlin'))).toBe(25);
    expect(hours(localDaysWindow('2026-10-19', '2026-10-25', 'Europe/Berlin'))).toBe(7 * 24 + 1);
    expect(localDayStart('2026-11-30', 'Asia/Shanghai').toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('reads instants as local dates in the zone', () => {
    // Sunday 20:00 UTC is already Monday 04:00 in Shanghai.
    expect(localDateOf(new Date('2026-11-22T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(todayIn('UTC', new Date('2026-11-22T20:00:00Z'))).toBe('2026-11-22');
    expect(utcAndLocal(new Date('2026-11-22T20:00:00Z'), 'Asia/Shanghai')).toEqual({
      utc: '2026-11-22T20:00:00.000Z',
      local: '2026-11-23T04:00:00+08:00',
    });
  });

  it('defaults to the next Monday on the shop’s own calendar', () => {
    expect(nextMonday(new Date('2026-11-22T20:00:00Z'), 'UTC')).toBe('2026-11-23');
    expect(nextMonday(new Date('2026-11-22T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(nextMonday(new Date('2026-11-25T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
  });

  it('lays 46, 48 and 50 half-hour slots on the days of a clock change', () => {
    expect(localSlotsOfDay('2026-03-29', 'Europe/Berlin', 30)).toHaveLength(46);
    expect(localSlotsOfDay('2026-03-30', 'Europe/Berlin', 30)).toHaveLength(48);
    expect(localSlotsOfDay('2026-10-25', 'Europe/Berlin', 30)).toHaveLength(50);
  });

  it('turns wall-clock minutes of a local date into instants and back, across midnight and a clock change', () => {
    expect(wallClockAt('2026-11-30', 9 * 60 + 30, 'Asia/Shanghai').toISOString()).toBe('2026-11-30T01:30:00.000Z');
    // 25:00 is one o'clock the next morning.
    expect(wallClockAt('2026-11-30', 25 * 60, 'Asia/Shanghai').toISOString()).toBe('2026-11-30T17:00:00.000Z');
    // Berlin springs forward at 02:00 on 2026-03-29: 09:00 that day is UTC+2.
    expect(wallClockAt('2026-03-29', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(clockAt(new Date('2026-03-29T07:00:00Z'), 'Europe/Berlin')).toBe('09:00');
  });

  it('finds both passes of a clock time the autumn night shows twice, and one elsewhere', () => {
    const iso = (date: string, minutes: number, zone: string) =>
      wallClockPasses(date, minutes, zone).map((d) => d.toISOString());
    // Berlin falls back at 03:00 CEST on 2027-10-31: 02:15 happens at 00:15 and 01:15 UTC.
    expect(iso('2027-10-31', 2 * 60 + 15, 'Europe/Berlin')).toEqual([
      '2027-10-31T00:15:00.000Z',
      '2027-10-31T01:15:00.000Z',
    ]);
    // The same time written after a Saturday's midnight (a night shift's clock).
    expect(iso('2027-10-30', 1440 + 2 * 60 + 15, 'Europe/Berlin')).toEqual([
      '2027-10-31T00:15:00.000Z',
      '2027-10-31T01:15:00.000Z',
    ]);
    expect(iso('2027-10-31', 3 * 60, 'Europe/Berlin')).toEqual(['2027-10-31T02:00:00.000Z']);
    expect(iso('2027-10-31', 60 + 59, 'Europe/Berlin')).toEqual(['2027-10-30T23:59:00.000Z']);
    expect(iso('2026-11-30', 9 * 60 + 30, 'Asia/Shanghai')).toEqual(['2026-11-30T01:30:00.000Z']);
    // 02:30 is skipped in spring: the one reading wallClockAt gives.
    expect(iso('2027-03-28', 2 * 60 + 30, 'Europe/Berlin')).toEqual([
      wallClockAt('2027-03-28', 2 * 60 + 30, 'Europe/Berlin').toISOString(),
    ]);
  });
});
