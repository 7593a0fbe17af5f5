import { queueHistoryOf } from './engine-input';

describe('engine input from the stored calendar', () => {
  it('turns a closed day into the UTC period of that local day, also across a DST change', () => {
    const history = queueHistoryOf(
      'Europe/Berlin',
      30,
      [],
      [
        { date: '2026-03-29', kind: 'closed', label: null, multiplier: null },
        { date: '2026-11-11', kind: 'promotion', label: 'double11', multiplier: 4 },
        { date: '2026-10-01', kind: 'holiday', label: null, multiplier: null },
      ],
    );
    expect(history.closedPeriods).toEqual([{ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' }]);
    expect(history.events).toEqual([
      { date: '2026-11-11', kind: 'promotion', label: 'double11', multiplier: 4 },
      { date: '2026-10-01', kind: 'holiday' },
    ]);
    expect(history).toMatchObject({ zone: 'Europe/Berlin', slotMinutes: 30 });
  });
});
