import { chooseProfile, PROFILE_CANDIDATES } from './intraday-profile';
import { SeededRandom } from './seeded-random';
import { buildDayMatrix } from './slot-grid';
import { addDays } from 'src/platform/time/calendar-date';
import { VolumeObservation } from './forecast-types';

/** Hourly volume 08:00–21:59 for `days` days; `shape(day, hour)` is the expected volume. */
function series(days: number, shape: (day: number, hour: number) => number, seed: number): VolumeObservation[] {
  const random = new SeededRandom(seed);
  const out: VolumeObservation[] = [];
  for (let d = 0; d < days; d++) {
    for (let h = 8; h < 22; h++)
      out.push({
        start: `${addDays('2026-01-05', d)}T${String(h).padStart(2, '0')}:00:00Z`,
        volume: random.poisson(shape(d, h)),
      });
  }
  return out;
}

describe('choosing the profile’s memory on the series’ own recent days', () => {
  it('keeps a long memory for a steady shape under noise', () => {
    // Each weekday its own shape: pooling across weekdays helps little, more weeks of the same weekday a lot.
    const steady = buildDayMatrix(
      series(140, (d, h) => 20 + 15 * Math.sin(h + (d % 7)), 7),
      'UTC',
      60,
    );
    expect(chooseProfile(steady, PROFILE_CANDIDATES)).toEqual(PROFILE_CANDIDATES[2]);
  });

  it('takes a short memory when the shape has moved (the peak went from morning to evening five weeks ago)', () => {
    const moved = buildDayMatrix(
      series(140, (d, h) => 40 + 400 * (d < 105 ? Number(h === 10) : Number(h === 20)), 8),
      'UTC',
      60,
    );
    expect(chooseProfile(moved, PROFILE_CANDIDATES)).toEqual(PROFILE_CANDIDATES[1]);
  });
});
