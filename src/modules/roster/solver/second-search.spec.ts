import type { RosterRuleViolation, RosterSolution } from './roster-result';
import { betterSolution, secondSearchWanted, startSecondSearch } from './second-search';
import { solveRoster } from '.';
import { evaluateRoster } from './evaluate-roster';
import { EXACT, unevenWeek } from './small-rosters.fixture';

function solution(total: number, lowerBound: number | null, broken = 0): RosterSolution {
  const violation: RosterRuleViolation = { rule: 'max-minutes', agentIds: ['a0'], days: [], detail: '' };
  return {
    objective: { total, terms: {} as RosterSolution['objective']['terms'] },
    violations: Array.from({ length: broken }, () => violation),
    coverage: [],
    dayCoverage: [],
    assignments: [],
    lowerBound,
    gap: null,
    stoppedBy: 'time-limit',
    seconds: 60,
    firstRosterSeconds: 0.5,
    infeasibilities: [],
  };
}

describe('betterSolution', () => {
  it('keeps the lower objective, with the stronger bound of the two and the gap to it', () => {
    const first = solution(120, 49);
    const second = { ...solution(100, 57), seconds: 61 };
    const kept = betterSolution(first, second);
    expect(kept.objective.total).toBe(100);
    expect(kept.lowerBound).toBe(57);
    expect(kept.gap).toBeCloseTo(0.43, 6);
    // The solve's own account of its time and how it stopped stays the first search's.
    expect(kept.seconds).toBe(60);
    expect(kept.stoppedBy).toBe('time-limit');
    expect(betterSolution(second, first).objective.total).toBe(100);
  });

  it('says optimal when either search proved its roster optimal (the first stops once the second has one)', () => {
    const stopped = { ...solution(100, 90), stoppedBy: 'aborted' as const };
    const proven = { ...solution(100, 100), stoppedBy: 'optimal' as const };
    expect(betterSolution(stopped, proven)).toMatchObject({ stoppedBy: 'optimal', lowerBound: 100, gap: 0 });
    expect(betterSolution(stopped, solution(100, 95)).stoppedBy).toBe('aborted');
  });

  it('prefers fewer broken rules to a lower objective, keeps the first on a tie, and caps the bound by the total kept', () => {
    expect(betterSolution(solution(500, null), solution(100, null, 1)).objective.total).toBe(500);
    const tie = solution(100, 90);
    expect(betterSolution(tie, solution(100, 95)).lowerBound).toBe(95);
    expect(betterSolution(tie, solution(100, 95)).assignments).toBe(tie.assignments);
    // With a rule eased, a bound may exceed the total: it is capped there.
    expect(betterSolution(solution(80, 70), solution(90, 85)).lowerBound).toBe(80);
    expect(betterSolution(solution(80, null), null)).toMatchObject({ lowerBound: null, gap: null });
  });
});

describe('secondSearchWanted', () => {
  it('runs beside timed solves of 10 s or more on the real clock, unless told otherwise', () => {
    expect(secondSearchWanted({ timeLimitMs: 60_000 })).toBe(true);
    expect(secondSearchWanted({ timeLimitMs: 3_000 })).toBe(false);
    expect(secondSearchWanted({ timeLimitMs: 3_000, secondSearch: true })).toBe(true);
    expect(secondSearchWanted({ timeLimitMs: 60_000, secondSearch: false })).toBe(false);
  });

  it('never runs in repeatable runs or on an injected clock, whatever is asked', () => {
    expect(secondSearchWanted({ timeLimitMs: 60_000, maxIterations: 10, secondSearch: true })).toBe(false);
    expect(secondSearchWanted({ timeLimitMs: 60_000, now: () => 0, secondSearch: true })).toBe(false);
  });
});

describe('startSecondSearch', () => {
  const week = unevenWeek();

  it('solves the same roster on a thread of its own, keeping every rule', async () => {
    // A minute's limit however slow the thread's start: the week is proven optimal in moments.
    const second = startSecondSearch(week, { timeLimitMs: 60_000 }, Date.now() + 60_000);
    const found = await second.result(60_000);
    expect(found).not.toBeNull();
    expect(found!.violations).toEqual([]);
    expect(found!.stoppedBy).toBe('optimal');
    // Its proof is flagged to the first search (set just before the roster is sent).
    for (let waited = 0; !second.proven() && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(second.proven()).toBe(true);
    const optimum = await solveRoster(week, EXACT);
    // The week is small enough for both searches to prove their roster optimal.
    expect(found!.objective.total).toBeCloseTo(optimum.objective.total, 6);
    const again = evaluateRoster(week, found!.assignments);
    expect(again.violations).toEqual([]);
    expect(again.objective.total).toBeCloseTo(found!.objective.total, 6);
  }, 90_000);

  it('answers null once stopped, without waiting for the search', async () => {
    const second = startSecondSearch(week, { timeLimitMs: 60_000 }, Date.now() + 60_000);
    second.stop();
    await expect(second.result(60_000)).resolves.toBeNull();
    expect(second.proven()).toBe(false);
  });

  it('leaves a timed solve a roster that keeps every rule, the better of the two searches', async () => {
    const solved = await solveRoster(week, { timeLimitMs: 3_000, seed: 3, secondSearch: true });
    expect(solved.violations).toEqual([]);
    expect(solved.assignments.length).toBeGreaterThan(0);
    expect(solved.lowerBound).not.toBeNull();
    expect(solved.objective.total).toBeGreaterThanOrEqual(solved.lowerBound!);
  });
});
