import { compileRoster } from './compile-roster';
import { OFF } from './compiled-roster';
import { shortfallByDay, spanOverShortfall } from './short-days';
import { EARLY, LATE, agent, cover, problem } from './small-rosters.fixture';

describe('shortfallByDay', () => {
  it('weighs each day by the places it still misses, under-cover only', () => {
    const model = compileRoster(
      problem(
        4,
        [EARLY, LATE],
        [agent('a'), agent('b')],
        [...cover(4, 'E', [1, 2, 0, 1], 100), ...cover(4, 'L', 1, 10)],
      ),
    );
    const early = model.duties.findIndex((d) => model.typeIds[d.type] === 'E');
    // a works the early shift on days 0 and 2 (day 2 needs none: over-cover is not a shortfall); b is off throughout.
    const lines = [Int32Array.from([early, OFF, early, OFF]), new Int32Array(4).fill(OFF)];
    expect(Array.from(shortfallByDay(model, lines))).toEqual([10, 210, 10, 110]);
  });
});

describe('spanOverShortfall', () => {
  const sequence = (values: number[]) => {
    let k = 0;
    return () => values[k++ % values.length];
  };

  it('is null when no day is short', () => {
    expect(spanOverShortfall(new Float64Array(5), 2, Math.random)).toBeNull();
  });

  it('places the span over the one short day, wherever in the span the draw puts it', () => {
    const byDay = Float64Array.from([0, 0, 0, 300, 0, 0, 0, 0]);
    for (const offset of [0, 0.3, 0.6, 0.99]) {
      const from = spanOverShortfall(byDay, 3, sequence([0.5, offset]))!;
      expect(from).toBeGreaterThanOrEqual(1);
      expect(from).toBeLessThanOrEqual(3);
      expect(from + 3).toBeLessThanOrEqual(byDay.length);
    }
  });

  it('draws days in proportion to what they miss, and keeps the span inside the horizon', () => {
    const byDay = Float64Array.from([100, 0, 0, 0, 0, 300]);
    const random = sequence([0.1, 0, 0.2, 0.99, 0.5, 0.5, 0.9, 0.99]);
    const starts = Array.from({ length: 4 }, () => spanOverShortfall(byDay, 4, random));
    // Draws below a quarter land on day 0, the rest on day 5, whose spans end at the horizon's end.
    expect(starts).toEqual([0, 0, 2, 2]);
  });
});
