import { overdueAsOf } from './complaint-overdue.service';

describe('overdueAsOf', () => {
  const later = new Date('2027-01-01T00:00:00Z');

  it('is 02:00 of the next local day for a past night (Shanghai)', () => {
    expect(overdueAsOf('2026-11-20', 'Asia/Shanghai', later).toISOString()).toBe('2026-11-20T18:00:00.000Z');
  });

  it('follows the shop’s clock across DST: the New York night before fall-back runs at 02:00 EST', () => {
    expect(overdueAsOf('2026-10-31', 'America/New_York', later).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(overdueAsOf('2026-10-30', 'America/New_York', later).toISOString()).toBe('2026-10-31T06:00:00.000Z');
  });

  it('never looks into the future: a night run early is computed as of now', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(overdueAsOf('2026-11-20', 'Asia/Shanghai', now)).toEqual(now);
  });
});
