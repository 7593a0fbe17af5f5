import fc from 'fast-check';
import { DateTime } from 'luxon';
import { clockMinutes, clockText, isMonday, RosterWeek } from './roster-week';
import { addDays } from 'src/platform/time/calendar-date';

describe('RosterWeek', () => {
  it('gives the autumn DST Sunday 25 hours and converts wall-clock times on both sides of it', () => {
    const week = new RosterWeek('2026-10-19', 'Europe/Berlin');
    expect(week.dates).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    expect(week.dayMinutes(0)).toBe(1440);
    expect(week.dayMinutes(6)).toBe(1500);
    expect(week.wallClock(0, 8 * 60).toISOString()).toBe('2026-10-19T06:00:00.000Z');
    expect(week.wallClock(6, 8 * 60).toISOString()).toBe('2026-10-25T07:00:00.000Z');
    // Slots count elapsed time: slot 6 (03:00 elapsed) of the DST day is 02:00 local, the second time.
    expect(week.slotStart(6, 6, 30).toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('gives the spring DST Sunday 23 hours', () => {
    const week = new RosterWeek('2026-03-23', 'Europe/Berlin');
    expect(week.dayMinutes(6)).toBe(1380);
  });

  it('runs a night shift past midnight into the next day with its elapsed length', () => {
    const week = new RosterWeek('2026-11-30', 'Asia/Shanghai');
    const span = week.span(0, 23 * 60, 540);
    expect(span.startsAt.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(span.endsAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(week.wallClock(0, 1440 + 120).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(week.local(span.startsAt)).toBe('2026-11-30T23:00:00+08:00');
    expect(week.dayOf('2026-12-06')).toBe(6);
    expect(week.dayOf('2026-12-07')).toBe(-1);
  });

  it('writes a break lived 4 h 30 after 23:00 on the autumn night on the clock, and places it back by its real offset', () => {
    const week = new RosterWeek('2026-10-19', 'Europe/Berlin');
    const night = { day: 5, startsAt: week.wallClock(5, 23 * 60) };
    const second = new Date(night.startsAt.getTime() + 270 * 60_000);
    // 270 min after 23:00 CEST is 02:30 CET, the second 02:30 of Sunday.
    expect(week.clockAfter(5, second)).toBe(1440 + 150);
    expect(week.breakStart(night, { startMinutes: 1440 + 150, offsetMinutes: 270 }).toISOString()).toBe(
      second.toISOString(),
    );
    // Without an offset the clock is read as the first 02:30 (an hour earlier).
    expect(week.breakStart(night, { startMinutes: 1440 + 150 }).getTime()).toBe(second.getTime() - 3_600_000);
  });

  it('reads clock times and Mondays', () => {
    expect(clockMinutes('08:30')).toBe(510);
    expect(clockText(510)).toBe('08:30');
    expect(isMonday('2026-11-30')).toBe(true);
    expect(isMonday('2026-12-01')).toBe(false);
  });
});

describe('RosterWeek’s remembered zone arithmetic', () => {
  const zones = [
    'Asia/Shanghai',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/St_Johns',
    'UTC',
    'Europe/London',
  ];
  const weeks = ['2026-03-02', '2026-03-23', '2026-10-19', '2026-10-26', '2026-11-02', '2026-04-06', '2026-12-07'];

  it('gives exactly what luxon gives for any instant in or near the week, on DST weeks too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...weeks),
        fc.integer({ min: -2 * 1440, max: 10 * 1440 }),
        fc.integer({ min: 0, max: 59_999 }),
        (zone, start, minute, ms) => {
          const week = new RosterWeek(start, zone);
          const at = new Date(
            DateTime.fromISO(start, { zone }).toMillis() + minute * 60_000 + (minute % 7 === 0 ? ms : 0),
          );
          expect(week.local(at)).toBe(DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }));
          expect(week.local(at)).toBe(week.local(at));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps slots and wall-clock times as plain luxon computes them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...weeks),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 3 * 1440 - 1 }),
        (zone, start, day, minutes) => {
          const week = new RosterWeek(start, zone);
          const midnight = DateTime.fromISO(addDays(start, day), { zone }).startOf('day');
          expect(week.slotStart(day, Math.floor(minutes / 15), 15).getTime()).toBe(
            midnight.plus({ minutes: Math.floor(minutes / 15) * 15 }).toMillis(),
          );
          const extra = Math.floor(minutes / 1440);
          const m = minutes % 1440;
          const expected = DateTime.fromISO(addDays(start, day + extra), { zone }).set({
            hour: Math.floor(m / 60),
            minute: m % 60,
            second: 0,
            millisecond: 0,
          });
          expect(week.wallClock(day, minutes).getTime()).toBe(expected.toMillis());
          expect(week.wallClock(day, minutes).getTime()).toBe(expected.toMillis());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives both passes of a clock time the autumn night repeats, and one otherwise', () => {
    const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
    // Berlin, Saturday 2027-10-30 is day 5; its 02:30 next morning is minute 1440 + 150.
    const autumn = new RosterWeek('2027-10-25', 'Europe/Berlin');
    expect(iso(autumn.wallClockPasses(5, 1590))).toEqual(['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']);
    expect(iso(autumn.wallClockPasses(5, 1620))).toEqual(['2027-10-31T02:00:00.000Z']);
    const spring = new RosterWeek('2027-03-22', 'Europe/Berlin');
    expect(iso(spring.wallClockPasses(5, 1440 + 210))).toEqual(['2027-03-28T01:30:00.000Z']);
    expect(iso(new RosterWeek('2027-10-25', 'Asia/Shanghai').wallClockPasses(5, 1590))).toEqual([
      '2027-10-30T18:30:00.000Z',
    ]);
  });
});
