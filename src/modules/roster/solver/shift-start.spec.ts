import { DateTime } from 'luxon';
import type { RosterHorizon } from './roster-model';
import { shiftStartMillis } from './shift-start';

describe('shiftStartMillis (remembered starts)', () => {
  const horizon = (timeZone: string, startDate = '2026-03-23'): RosterHorizon => ({ startDate, timeZone, days: 7 });

  it('answers each week and zone apart, also when asked again, across a clock change', () => {
    const asked = [
      [horizon('Europe/Berlin'), 6, 9 * 60],
      [horizon('Asia/Shanghai'), 6, 9 * 60],
      [horizon('Europe/Berlin', '2026-03-16'), 6, 9 * 60],
      [horizon('Europe/Berlin'), 6, 9 * 60],
    ] as const;
    const answers = asked.map(([h, day, minutes]) => shiftStartMillis(h, day, minutes));
    // Berlin moved its clocks on Sunday 29 March 2026: 09:00 is then UTC+2.
    expect(new Date(answers[0]).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(answers[1]).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(answers[2]).toISOString()).toBe('2026-03-22T08:00:00.000Z');
    expect(answers[3]).toBe(answers[0]);
    expect(answers[0]).toBe(DateTime.fromISO('2026-03-29T09:00', { zone: 'Europe/Berlin' }).toMillis());
  });
});
