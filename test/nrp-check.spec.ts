import { checkNrpRoster } from '../bench/nrp-check';
import type { NrpInstance } from '../bench/nrp-format';

/** One week, two staff, one shift: every number below is counted by hand. */
const week: NrpInstance = {
  days: 7,
  shifts: [{ id: 'D', minutes: 480, cannotFollow: [] }],
  staff: ['A', 'B'].map((id) => ({
    id,
    maxShifts: { D: 7 },
    maxTotalMinutes: 7 * 480,
    minTotalMinutes: 0,
    maxConsecutiveShifts: 7,
    minConsecutiveShifts: 1,
    minConsecutiveDaysOff: 1,
    maxWeekends: 1,
  })),
  daysOff: new Map(),
  onRequests: [{ employee: 'A', day: 0, shift: 'D', weight: 2 }],
  offRequests: [{ employee: 'B', day: 1, shift: 'D', weight: 3 }],
  cover: [
    { day: 1, shift: 'D', requirement: 1, underWeight: 100, overWeight: 1 },
    { day: 5, shift: 'D', requirement: 2, underWeight: 100, overWeight: 1 },
    { day: 6, shift: 'D', requirement: 1, underWeight: 100, overWeight: 1 },
  ],
};

describe('the NRP checker splits the objective into its terms', () => {
  it('counts requests missed, cover short and over, and the places short on weekends', () => {
    const A = [null, 'D', null, null, null, 'D', null];
    const B = ['D', 'D', null, null, null, null, null];
    const check = checkNrpRoster(week, [A, B]);
    expect(check.violations).toEqual([]);
    // A is off on day 0 (on-request missed: 2); B works day 1 (off-request hit: 3); day 1 has one
    // over (1); Saturday is one short and Sunday one short (2 places × 100).
    expect(check.terms).toEqual({
      onRequests: 2,
      offRequests: 3,
      underCover: 200,
      overCover: 1,
      shortPlaces: 2,
      weekendShortPlaces: 2,
    });
    expect(check.objective).toBe(206);
  });

  it('counts a weekday shortfall as short but not on a weekend', () => {
    const check = checkNrpRoster(week, [
      ['D', null, null, null, null, 'D', 'D'],
      [null, null, null, null, null, 'D', null],
    ]);
    expect(check.terms).toMatchObject({ onRequests: 0, offRequests: 0, shortPlaces: 1, weekendShortPlaces: 0 });
    expect(check.objective).toBe(100);
  });
});
