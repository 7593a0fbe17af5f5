import { intradayDayOf } from './intraday-input';

const ms = (iso: string) => Date.parse(iso);

describe('laying a day out for its intraday update', () => {
  it('counts only slots that are over, adds records within a slot, and starts the update after the last counted slot', () => {
    // Shanghai (UTC+8): local 10:00 = 02:00Z. 30-minute slots.
    const dayAhead = [
      { startMs: ms('2026-11-30T02:00:00Z'), value: 40, closed: false },
      { startMs: ms('2026-11-30T02:30:00Z'), value: 50, closed: false },
      { startMs: ms('2026-11-30T03:00:00Z'), value: 60, closed: true },
    ];
    const volume = [
      { startMs: ms('2026-11-30T02:00:00Z'), volume: 30 },
      { startMs: ms('2026-11-30T02:15:00Z'), volume: 12 },
      { startMs: ms('2026-11-30T02:30:00Z'), volume: 7 },
    ];
    // At 02:40Z the 02:30 slot is still running: its 7 arrivals are not a quiet half-hour.
    const day = intradayDayOf('2026-11-30', 'Asia/Shanghai', 30, dayAhead, volume, ms('2026-11-30T02:40:00Z'));
    expect(day.starts).toHaveLength(48);
    const at = day.starts.indexOf(ms('2026-11-30T02:00:00Z'));
    expect(at).toBe(20);
    expect([day.dayAhead[at], day.dayAhead[at + 1]]).toEqual([40, 50]);
    expect(Number.isNaN(day.dayAhead[at + 2])).toBe(true);
    expect(day.actual[at]).toBe(42);
    expect(Number.isNaN(day.actual[at + 1])).toBe(true);
    expect(day.fromSlot).toBe(at + 1);
    const later = intradayDayOf('2026-11-30', 'Asia/Shanghai', 30, dayAhead, volume, ms('2026-11-30T03:00:00Z'));
    expect(later.actual[at + 1]).toBe(7);
    expect(later.fromSlot).toBe(at + 2);
  });

  it('follows the real slots of a clock-change day', () => {
    const autumn = intradayDayOf(
      '2026-10-25',
      'Europe/Berlin',
      30,
      [],
      [{ startMs: ms('2026-10-25T01:30:00Z'), volume: 5 }],
      ms('2026-10-26T00:00:00Z'),
    );
    expect(autumn.starts).toHaveLength(50);
    // 01:30Z is the second 02:30 local (after the clock went back): slot 7 (3.5 hours after local midnight, 22:00Z) of the 25-hour day.
    expect(autumn.actual[7]).toBe(5);
    expect(autumn.fromSlot).toBe(8);
    expect(intradayDayOf('2026-03-29', 'Europe/Berlin', 30, [], [], ms('2026-03-30T00:00:00Z')).starts).toHaveLength(
      46,
    );
  });
});
