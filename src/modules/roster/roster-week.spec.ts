import { clockMinutes, clockText, isMonday, RosterWeek } from './roster-week';

describe('RosterWeek', () => {
  it('gives the autumn DST Sunday 25 hours and converts wall-clock times on both sides of it', () => {
    const week = new RosterWeek('2026-10-19', 'Europe/Berlin');
    expect(week.dates).toEqual(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25']);
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

  it('reads clock times and Mondays', () => {
    expect(clockMinutes('08:30')).toBe(510);
    expect(clockText(510)).toBe('08:30');
    expect(isMonday('2026-11-30')).toBe(true);
    expect(isMonday('2026-12-01')).toBe(false);
  });
});
