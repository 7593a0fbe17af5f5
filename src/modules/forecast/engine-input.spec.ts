import { addLocalDays, localDayStart, nextMonday, queueHistoryOf } from './engine-input';

describe('engine input from the stored calendar', () => {
  it('turns a closed day into the UTC period of that local day, also across a DST change', () => {
    const history = queueHistoryOf('Europe/Berlin', 30, [], [
      { date: '2026-03-29', kind: 'closed', label: null, multiplier: null },
      { date: '2026-11-11', kind: 'promotion', label: 'double11', multiplier: 4 },
      { date: '2026-10-01', kind: 'holiday', label: null, multiplier: null },
    ]);
    expect(history.closedPeriods).toEqual([{ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' }]);
    expect(history.events).toEqual([
      { date: '2026-11-11', kind: 'promotion', label: 'double11', multiplier: 4 },
      { date: '2026-10-01', kind: 'holiday' },
    ]);
    expect(history).toMatchObject({ zone: 'Europe/Berlin', slotMinutes: 30 });
  });

  it('defaults to the next Monday on the shop’s own calendar', () => {
    // Sunday 20:00 UTC is already Monday 04:00 in Shanghai: the next Monday is a week later there.
    expect(nextMonday(new Date('2026-11-22T20:00:00Z'), 'UTC')).toBe('2026-11-23');
    expect(nextMonday(new Date('2026-11-22T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(nextMonday(new Date('2026-11-25T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
  });

  it('counts local dates and their starts in the zone', () => {
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localDayStart('2026-11-30', 'Asia/Shanghai').toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });
});
