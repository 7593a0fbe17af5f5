import { evaluateRoster, solveRoster } from '.';
import { EARLY, EXACT, LATE, agent, cover, problem, workedDays } from './small-rosters.fixture';

describe('solveRoster on problems with a known optimum', () => {
  it('staffs exactly the demand when there are enough agents', async () => {
    const p = problem(1, [EARLY], [agent('a'), agent('b'), agent('c')], cover(1, 'E', 2));
    const s = await solveRoster(p, EXACT);
    expect(s.assignments).toHaveLength(2);
    expect(s.objective.total).toBe(0);
    expect(s.dayCoverage).toEqual([{ day: 0, shiftTypeId: 'E', skill: null, required: 2, scheduled: 2 }]);
    expect(s.stoppedBy).toBe('optimal');
    expect(s.lowerBound).toBeCloseTo(0, 6);
    expect(s.gap).toBeCloseTo(0, 6);
  });

  it('leaves the unavoidable under-cover and prices it by its weight', async () => {
    const p = problem(1, [EARLY], [agent('a'), agent('b'), agent('c')], cover(1, 'E', 4, 10));
    const s = await solveRoster(p, EXACT);
    expect(s.assignments).toHaveLength(3);
    expect(s.objective.terms.underCover).toBe(10);
    expect(s.objective.total).toBe(10);
  });

  it('grants a day-off request when cover allows, and breaks the cheapest one when it does not', async () => {
    const wishes = [
      agent('a', { requests: [{ day: 0, kind: 'off', weight: 5 }] }),
      agent('b', { requests: [{ day: 0, kind: 'off', weight: 2 }] }),
      agent('c'),
    ];
    const relaxed = await solveRoster(problem(1, [EARLY], wishes, cover(1, 'E', 1)), EXACT);
    expect(relaxed.assignments.map((a) => a.agentId)).toEqual(['c']);
    expect(relaxed.objective.total).toBe(0);
    const tight = await solveRoster(problem(1, [EARLY], wishes, cover(1, 'E', 2)), EXACT);
    expect(tight.assignments.map((a) => a.agentId).sort()).toEqual(['b', 'c']);
    expect(tight.objective.terms.requests).toBe(2);
    expect(tight.objective.total).toBe(2);
  });

  it('pays over-cover when contract minimums force more work than demand', async () => {
    const p = problem(
      2,
      [EARLY],
      [agent('a', {}, { minMinutes: 960 }), agent('b', {}, { minMinutes: 960 })],
      cover(2, 'E', 1, 100, 3),
    );
    const s = await solveRoster(p, EXACT);
    expect(s.assignments).toHaveLength(4);
    expect(s.objective.terms.overCover).toBe(6);
  });

  it('evens out late shifts when fairness is weighted', async () => {
    const p = problem(4, [EARLY, LATE], [agent('a'), agent('b')], [...cover(4, 'E', 1), ...cover(4, 'L', 1)], {
      weights: { lateFairness: 5 },
    });
    const s = await solveRoster(p, EXACT);
    const late = (id: string) => s.assignments.filter((a) => a.agentId === id && a.shiftTypeId === 'L').length;
    expect(late('a')).toBe(2);
    expect(late('b')).toBe(2);
    expect(s.objective.total).toBe(0);
  });

  it('reports an objective equal to evaluateRoster of its own assignments', async () => {
    const p = problem(
      5,
      [EARLY, LATE],
      [
        agent('a', {}, { maxMinutes: 4 * 480 }),
        agent('b'),
        agent('c', { requests: [{ day: 2, kind: 'on', shiftTypeId: 'L', weight: 4 }] }),
      ],
      [...cover(5, 'E', [1, 2, 1, 2, 1]), ...cover(5, 'L', [1, 1, 2, 1, 1])],
    );
    const s = await solveRoster(p, EXACT);
    const again = evaluateRoster(p, s.assignments);
    expect(again.objective).toEqual(s.objective);
    expect(again.violations).toEqual([]);
    expect(again.dayCoverage).toEqual(s.dayCoverage);
  });
});

describe('solveRoster as an anytime, deterministic search', () => {
  const busy = problem(
    14,
    [EARLY, LATE],
    Array.from({ length: 8 }, (_, k) =>
      agent(
        `a${k}`,
        { requests: [{ day: k, kind: 'off', weight: 3 }] },
        { minMinutes: 6 * 480, maxMinutes: 10 * 480, maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2 },
      ),
    ),
    [...cover(14, 'E', 3), ...cover(14, 'L', 2)],
    { weights: { weekendFairness: 2, lateFairness: 1 } },
  );

  it('returns the same roster for the same seed and iteration limit', async () => {
    const first = await solveRoster(busy, { ...EXACT, maxIterations: 4 });
    const second = await solveRoster(busy, { ...EXACT, maxIterations: 4 });
    expect(second.assignments).toEqual(first.assignments);
    expect(second.objective).toEqual(first.objective);
  }, 600_000);

  it('still returns a valid roster when stopped almost at once', async () => {
    const progress: string[] = [];
    const s = await solveRoster(busy, { timeLimitMs: 1, seed: 3, onProgress: (p) => progress.push(p.phase) });
    expect(s.violations).toEqual([]);
    expect(evaluateRoster(busy, s.assignments).violations).toEqual([]);
    for (const a of busy.agents) expect(workedDays(s.assignments, a.id).length).toBeGreaterThanOrEqual(6);
    expect(['time-limit', 'optimal']).toContain(s.stoppedBy);
    expect(progress).toContain('done');
  });

  it('stops on an aborted signal and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const s = await solveRoster(busy, { timeLimitMs: 30_000, signal: controller.signal });
    expect(s.stoppedBy).toBe('aborted');
    expect(s.violations).toEqual([]);
  });

  it('stops when asked mid-search (a flag another thread sets) and keeps a valid roster', async () => {
    let asked = false;
    const s = await solveRoster(busy, {
      timeLimitMs: 30_000,
      stopRequested: () => asked,
      onProgress: (p) => (asked ||= p.phase === 'price'),
    });
    expect(s.stoppedBy).toBe('aborted');
    expect(s.violations).toEqual([]);
    expect(evaluateRoster(busy, s.assignments).objective.total).toBe(s.objective.total);
  });
});
