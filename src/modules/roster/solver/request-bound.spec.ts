import { solveRoster } from '.';
import { compileRoster } from './compile-roster';
import { requestBound } from './request-bound';
import { EARLY, EXACT, agent, cover, problem } from './small-rosters.fixture';

/**
 * Two agents who must work 5 of 7 days (2,400 minutes of 8-hour earlies) but asked for every day off
 * (weight 3 each), and a third without wishes; one early a day is needed, which any agent can give.
 */
const wishful = (id: string) =>
  agent(
    id,
    { requests: Array.from({ length: 7 }, (_, day) => ({ day, kind: 'off' as const, weight: 3 })) },
    { minMinutes: 5 * 480, maxMinutes: 5 * 480 },
  );
const week = problem(7, [EARLY], [wishful('a'), wishful('b'), agent('c')], cover(7, 'E', 1, 10));

describe('requestBound', () => {
  it('sums the wishes each agent must break to keep its own rules (5 days off refused at 3 each)', () => {
    expect(requestBound(compileRoster(week), () => false)).toBe(2 * 5 * 3);
  });

  it('is null when stopped before every agent is priced', () => {
    expect(requestBound(compileRoster(week), () => true)).toBeNull();
  });

  it('lifts the solver’s bound where the aggregate cover LP alone gives 0, and stays below the objective', async () => {
    const solved = await solveRoster(week, EXACT);
    expect(solved.violations).toEqual([]);
    // Cover can be met (0 under, over-cover 1 per extra early); the wishes cost at least 30.
    expect(solved.lowerBound).toBeGreaterThanOrEqual(30);
    expect(solved.lowerBound!).toBeLessThanOrEqual(solved.objective.total);
  });
});
