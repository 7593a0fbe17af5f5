import { compileRoster } from './compile-roster';
import { OFF } from './compiled-roster';
import type { DayCover } from './roster-model';
import { missedByDay, shortfallByDay, spanOverShortfall, spansOverShortfall } from './short-days';
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

describe('missedByDay', () => {
  const requests = (cover: DayCover[]) =>
    compileRoster(
      problem(
        4,
        [EARLY, LATE],
        [
          agent('a', {
            requests: [
              { day: 0, kind: 'on', shiftTypeId: 'E', weight: 7 },
              { day: 1, kind: 'on', shiftTypeId: 'L', weight: 3 },
              { day: 2, kind: 'off', weight: 2 },
              { day: 2, kind: 'on', shiftTypeId: 'L', weight: 4 },
              { day: 0, kind: 'off', shiftTypeId: 'L', weight: 6 },
            ],
          }),
          agent('b', {
            requests: [
              { day: 3, kind: 'on', weight: 5 },
              { day: 1, kind: 'off', weight: 9 },
            ],
          }),
        ],
        cover,
      ),
    );
  const roster = (model: ReturnType<typeof compileRoster>) => {
    const early = model.duties.findIndex((d) => model.typeIds[d.type] === 'E');
    return [Int32Array.from([early, OFF, early, OFF]), new Int32Array(4).fill(OFF)];
  };

  it('once every place is covered, weighs each day by the requests its roster does not grant', () => {
    const model = requests(cover(4, 'E', [1, 0, 1, 0], 100));
    // Granted: a's early shift and no late one on day 0, b's day off on day 1. Missed: a's late shift
    // on day 1 (off) and on day 2 (early), a's day off on day 2, b's shift of any type on day 3 (off).
    expect(Array.from(missedByDay(model, roster(model)))).toEqual([0, 3, 6, 5]);
  });

  it('is the shortfall alone while any place is short', () => {
    const model = requests([...cover(4, 'E', [1, 2, 0, 1], 100), ...cover(4, 'L', 1, 10)]);
    expect(Array.from(missedByDay(model, roster(model)))).toEqual([10, 210, 10, 110]);
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

describe('spansOverShortfall', () => {
  it('puts the first span over the short day and the second anywhere that shares no day with it', () => {
    const byDay = Float64Array.from([0, 0, 0, 0, 0, 200, 0, 0, 0, 0, 0, 0]);
    const seen = new Set<number>();
    let state = 1;
    const random = () => ((state = (state * 48271) % 2147483647) - 1) / 2147483646;
    for (let k = 0; k < 400; k++) {
      const spans = spansOverShortfall(byDay, 3, random)!;
      expect(spans.first).toBeGreaterThanOrEqual(3);
      expect(spans.first).toBeLessThanOrEqual(5);
      expect(spans.second + 3 <= spans.first || spans.second >= spans.first + 3).toBe(true);
      expect(spans.second).toBeGreaterThanOrEqual(0);
      expect(spans.second + 3).toBeLessThanOrEqual(byDay.length);
      seen.add(spans.second);
    }
    // Every start that keeps clear of the first span is drawn: both sides of it, up to the horizon's ends.
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(9);
  });

  it('holds whole weekends over a short weekend day: its own, and another one clear of it', () => {
    const weekends = [
      [5, 6],
      [12, 13],
      [19, 20],
    ];
    const byDay = new Float64Array(21);
    byDay[12] = 100;
    const firsts = new Set<number>();
    const seconds = new Set<number>();
    let state = 7;
    const random = () => ((state = (state * 48271) % 2147483647) - 1) / 2147483646;
    for (let k = 0; k < 400; k++) {
      const spans = spansOverShortfall(byDay, 3, random, weekends)!;
      firsts.add(spans.first);
      seconds.add(spans.second);
    }
    // Spans of three days holding days 12–13 start on 11 or 12; those holding 5–6 on 4 or 5, 19–20 on 18.
    expect([...firsts].sort((a, b) => a - b)).toEqual([11, 12]);
    expect([...seconds].sort((a, b) => a - b)).toEqual([4, 5, 18]);
    // A weekend of no days holds nothing: it adds no start (else the draw lands on day 2).
    expect(spansOverShortfall(byDay, 3, () => 0.3, [...weekends, []])).toEqual({ first: 11, second: 4 });
  });

  it('falls back to any clear span when no other weekend fits, and ignores weekends for a short weekday', () => {
    const byDay = new Float64Array(12);
    byDay[5] = 100;
    // Four days from day 3 hold the short weekend 5–6; every span holding the weekend 1–2 meets them.
    const lone = spansOverShortfall(byDay, 4, () => 0, [
      [1, 2],
      [5, 6],
    ])!;
    expect(lone).toEqual({ first: 3, second: 7 });
    const weekday = new Float64Array(14);
    weekday[2] = 100;
    const draws = [0.5, 0, 0.99];
    const spans = spansOverShortfall(weekday, 2, () => draws.shift()!, [
      [5, 6],
      [12, 13],
    ])!;
    // As without weekends: first over day 2 (offset 0), second the last clear start (12).
    expect(spans).toEqual({ first: 2, second: 12 });
  });

  it('is null when no day is short or no second span fits', () => {
    expect(spansOverShortfall(new Float64Array(8), 2, Math.random)).toBeNull();
    expect(spansOverShortfall(Float64Array.from([0, 50, 0, 0, 0]), 3, Math.random)).toBeNull();
    // Day 1 short: a span from day 1 leaves no room for a second (null); one from day 0 leaves days 3–5.
    const fromDayOne = [0.5, 0, 0];
    const fromDayZero = [0.5, 0.99, 0];
    expect(spansOverShortfall(Float64Array.from([0, 50, 0, 0, 0, 0]), 3, () => fromDayOne.shift()!)).toBeNull();
    expect(spansOverShortfall(Float64Array.from([0, 50, 0, 0, 0, 0]), 3, () => fromDayZero.shift()!)).toEqual({
      first: 0,
      second: 3,
    });
  });
});
