import { localRunInstant, nextNight, nightlyDueDate } from './nightly-clock';

describe('nightlyDueDate', () => {
  it('is yesterday in the shop’s zone once it is 02:00 there', () => {
    // 2026-11-22 18:30 UTC is 02:30 on the 23rd in Shanghai.
    expect(nightlyDueDate(new Date('2026-11-22T18:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-22');
    expect(nightlyDueDate(new Date('2026-11-22T17:59:00Z'), 'Asia/Shanghai')).toBeNull();
  });

  it('differs per zone for the same instant', () => {
    const instant = new Date('2026-11-23T06:30:00Z'); // 14:30 Shanghai, 01:30 New York, 06:30 London
    expect(nightlyDueDate(instant, 'Asia/Shanghai')).toBe('2026-11-22');
    expect(nightlyDueDate(instant, 'America/New_York')).toBeNull();
    expect(nightlyDueDate(instant, 'Europe/London')).toBe('2026-11-22');
  });

  it('runs on a spring-forward night where 02:00 does not exist', () => {
    // New York, 2026-03-08: 01:59 EST is followed by 03:00 EDT.
    expect(nightlyDueDate(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).toBeNull();
    expect(nightlyDueDate(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localRunInstant('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('runs once on a fall-back night (02:00 is reached once, after the repeated hour)', () => {
    // New York, 2026-11-01: 01:00–01:59 happens twice, first EDT then EST.
    expect(nightlyDueDate(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBeNull();
    expect(nightlyDueDate(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toBeNull();
    expect(nightlyDueDate(new Date('2026-11-01T07:00:00Z'), 'America/New_York')).toBe('2026-10-31');
    expect(localRunInstant('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('refuses a zone that does not exist', () => {
    expect(() => nightlyDueDate(new Date('2026-11-22T18:30:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('nextNight', () => {
  it('starts a shop never scheduled with the due night, and goes on night by night', () => {
    expect(nextNight('2026-11-22', undefined, 7)).toBe('2026-11-22');
    expect(nextNight('2026-11-22', { lastDate: '2026-11-21', unfinished: false }, 7)).toBe('2026-11-22');
    expect(nextNight('2026-11-22', { lastDate: '2026-11-22', unfinished: false }, 7)).toBeNull();
  });

  it('after an outage runs every missed night, oldest first, one at a time', () => {
    expect(nextNight('2026-11-22', { lastDate: '2026-11-19', unfinished: false }, 7)).toBe('2026-11-20');
    expect(nextNight('2026-11-22', { lastDate: '2026-11-20', unfinished: true }, 7)).toBeNull();
  });

  it('goes back no further than the limit, across a month end', () => {
    expect(nextNight('2026-12-02', { lastDate: '2026-11-10', unfinished: false }, 7)).toBe('2026-11-26');
    expect(nextNight('2026-12-02', { lastDate: '2026-11-10', unfinished: false }, 1)).toBe('2026-12-02');
  });
});
