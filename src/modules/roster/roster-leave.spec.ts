import { wallClockAt } from 'src/platform/time/shop-calendar';
import { leaveByDate, leaveCreditMinutes, leaveOfWeek, minMinutesAfterLeave } from './roster-leave';
import { RosterWeek } from './roster-week';

const SH = 'Asia/Shanghai';
const at = (date: string, time: string, zone = SH) =>
  wallClockAt(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), zone);

describe('leave as the roster reads it (instants → closed days and parts of days)', () => {
  const week = new RosterWeek('2027-03-01', SH);

  it('whole local days close the day; the day after the week counts too (no night may run into it)', () => {
    expect(leaveOfWeek(week, [{ startsAt: at('2027-03-02', '00:00'), endsAt: at('2027-03-04', '00:00') }])).toEqual({
      leaveDays: [1, 2],
      leaveParts: [],
    });
    expect(leaveOfWeek(week, [{ startsAt: at('2027-03-08', '00:00'), endsAt: at('2027-03-09', '00:00') }])).toEqual({
      leaveDays: [7],
      leaveParts: [],
    });
  });

  it('part of a day, and a whole day that starts when the night before ends, are parts with clock times', () => {
    expect(
      leaveOfWeek(week, [
        { startsAt: at('2027-03-02', '14:00'), endsAt: at('2027-03-02', '18:00') },
        { startsAt: at('2027-03-04', '08:00'), endsAt: at('2027-03-05', '00:00') },
      ]),
    ).toEqual({
      leaveDays: [],
      leaveParts: [
        { day: 1, fromMinutes: 840, toMinutes: 1080 },
        { day: 3, fromMinutes: 480, toMinutes: 1440 },
      ],
    });
  });

  it('part of a day past midnight is a part of each local day it touches, across a clock change too', () => {
    expect(leaveOfWeek(week, [{ startsAt: at('2027-03-03', '22:00'), endsAt: at('2027-03-04', '02:00') }])).toEqual({
      leaveDays: [],
      leaveParts: [
        { day: 2, fromMinutes: 1320, toMinutes: 1440 },
        { day: 3, fromMinutes: 0, toMinutes: 120 },
      ],
    });
    // New York springs forward in the night of Saturday 2027-03-13: 22:00 to 03:00 is four hours.
    const ny = new RosterWeek('2027-03-08', 'America/New_York');
    const night = { startsAt: at('2027-03-13', '22:00', ny.timeZone), endsAt: at('2027-03-14', '03:00', ny.timeZone) };
    expect(leaveOfWeek(ny, [night]).leaveParts).toEqual([
      { day: 5, fromMinutes: 1320, toMinutes: 1440 },
      { day: 6, fromMinutes: 0, toMinutes: 180 },
    ]);
  });

  it('a day of 23 hours (spring forward) is closed whole by leave from midnight to midnight', () => {
    const ny = new RosterWeek('2027-03-08', 'America/New_York');
    // 2027-03-14 is the Sunday the clocks go forward in New York: 23 hours long.
    const sunday = { startsAt: at('2027-03-14', '00:00', ny.timeZone), endsAt: at('2027-03-15', '00:00', ny.timeZone) };
    expect(sunday.endsAt.getTime() - sunday.startsAt.getTime()).toBe(23 * 3_600_000);
    expect(leaveOfWeek(ny, [sunday])).toEqual({ leaveDays: [6], leaveParts: [] });
  });

  it('credits the contract by the minutes stored, else a working day’s share per day covered', () => {
    const freed = {
      startsAt: at('2027-03-02', '08:00'),
      endsAt: at('2027-03-03', '00:00'),
      credit: [{ date: '2027-03-02', minutes: 480 }],
    };
    const planned = { startsAt: at('2027-03-04', '00:00'), endsAt: at('2027-03-06', '00:00'), credit: null };
    expect(leaveCreditMinutes(week, [freed], 480)).toBe(480);
    expect(leaveCreditMinutes(week, [planned], 480)).toBe(960);
    // A credit dated in another week counts there, not here.
    expect(leaveCreditMinutes(week, [{ ...freed, credit: [{ date: '2027-02-28', minutes: 480 }] }], 480)).toBe(0);
    expect(minMinutesAfterLeave({ minWeekMinutes: 2400, maxDaysPerWeek: 5 }, week, [freed, planned], 2880)).toBe(960);
    expect(minMinutesAfterLeave({ minWeekMinutes: 600, maxDaysPerWeek: 5 }, week, [freed, planned], 2880)).toBe(0);
  });

  it('per local date with its times for the agent’s own view', () => {
    expect(
      leaveByDate(
        [
          {
            kind: 'comp',
            startDate: '2027-03-02',
            endDate: '2027-03-02',
            startsAt: at('2027-03-02', '14:00'),
            endsAt: at('2027-03-02', '18:00'),
          },
          {
            kind: 'annual',
            startDate: '2027-03-04',
            endDate: '2027-03-05',
            startsAt: at('2027-03-04', '08:00'),
            endsAt: at('2027-03-06', '00:00'),
          },
        ],
        SH,
        '2027-03-01',
        '2027-03-07',
      ),
    ).toEqual([
      { date: '2027-03-02', kind: 'comp', start: '14:00', end: '18:00' },
      { date: '2027-03-04', kind: 'annual', start: '08:00', end: '24:00' },
      { date: '2027-03-05', kind: 'annual', start: '00:00', end: '24:00' },
    ]);
  });
});
