import { agentLineViolations } from './agent-rules';
import { bestResponses } from './best-response';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { searchCost } from './roster-objective';
import { Search } from './roster-search';
import { columnGenerationShare, neighbourhoodPrior, pricedWholeHorizon, searchRoster } from './roster-search-plan';
import type { SearchPhase } from './roster-search-limits';
import { EARLY, LATE, agent, cover, earlyLateWeek, problem } from './small-rosters.fixture';

const total = (prior: Map<string, number>) => [...prior.values()].reduce((sum, share) => sum + share, 0);

describe('neighbourhoodPrior', () => {
  it('gives turns of single agents re-planned against the others after whole pricing and beyond eight weeks', () => {
    for (const [days, whole] of [
      [14, true],
      [28, true],
      [84, false],
      [364, false],
    ] as const) {
      const prior = neighbourhoodPrior(days, days > 28, 1, whole);
      expect(prior.get('respond')).toBeCloseTo(0.15, 9);
      expect(total(prior)).toBeCloseTo(1, 9);
    }
    for (const days of [28, 42, 56]) {
      const prior = neighbourhoodPrior(days, days > 28, 1, false);
      expect(prior.get('respond')).toBe(0);
      expect(total(prior)).toBeCloseTo(1, 9);
    }
  });

  it('leaves weekly rosters their own descent (the plan runs it outside the mix)', () => {
    const prior = neighbourhoodPrior(7, false, 1, true);
    expect(prior.get('respond')).toBe(0);
    expect(prior.get('replan')).toBeCloseTo(0.6, 9);
    expect(prior.get('days')).toBeCloseTo(0.4, 9);
  });

  it('keeps a tenth of the rest for windows on long horizons and splits the rest by pricing', () => {
    const prior = neighbourhoodPrior(84, true, 0.5, false);
    expect(prior.get('window')).toBeCloseTo(0.1 * 0.85, 9);
    const rest = 1 - 0.15 - 0.1 * 0.85;
    expect(prior.get('replan')).toBeCloseTo(rest * 0.3, 9);
    expect(prior.get('agents')).toBeCloseTo(rest * 0.3, 9);
    expect(prior.get('days')).toBeCloseTo(rest * 0.4, 9);
    expect(total(prior)).toBeCloseTo(1, 9);
    expect(neighbourhoodPrior(28, false, 1, true).get('window')).toBe(0);
  });
});

describe('Search.descend', () => {
  const model = compileRoster(earlyLateWeek());
  const empty = () => model.agents.map(() => new Int32Array(7).fill(-1));

  it('re-plans single agents sweep after sweep until none gains, every rule kept', async () => {
    const search = new Search(await highsRuntime(), model, { seed: 1, maxIterations: 1 });
    const idle = search.cost;
    search.descend(true, 0);
    expect(search.cost).toBeLessThan(idle);
    expect(bestResponses(model, search.lines, [0, 1, 2, 3], { shouldStop: () => false }).changed).toEqual([]);
    expect(search.valid(search.lines)).toBe(true);
    expect(search.cost).toBe(searchCost(model, search.lines));
  });

  it('starts no agent once its seconds are spent (timed runs)', async () => {
    let clock = 0;
    const search = new Search(await highsRuntime(), model, { seed: 1, deadline: 60_000, now: () => clock });
    search.descend(true, 0);
    expect(search.lines).toEqual(empty());
    clock = 1;
    search.descend(true, 5);
    expect(search.lines).not.toEqual(empty());
  });
});

/** `count` agents on early and late shifts over `days` (eight a fortnight at most), one of each wanted every day. */
function earlyLate(days: number, count: number) {
  return problem(
    days,
    [EARLY, LATE],
    Array.from({ length: count }, (_, k) =>
      agent(`a${k}`, {}, { maxMinutes: (8 * 480 * days) / 14, maxConsecutiveWorkDays: 4, minConsecutiveDaysOff: 2 }),
    ),
    [...cover(days, 'E', 1, 10), ...cover(days, 'L', 1, 10)],
  );
}

describe('pricedWholeHorizon', () => {
  it('prices four weeks whole up to a large roster, six weeks up to half that, eight when small (a little larger given five minutes), twelve when small and given the time, longer never', () => {
    const priced = (days: number, agents: number, seconds = 60) =>
      pricedWholeHorizon(compileRoster(earlyLate(days, agents)), seconds);
    expect(priced(28, 60)).toBe(true);
    expect(priced(42, 5)).toBe(true);
    expect(priced(42, 140)).toBe(true);
    expect(priced(42, 150)).toBe(false);
    expect(priced(56, 40)).toBe(true);
    expect(priced(56, 60)).toBe(false);
    expect(priced(56, 40, 1)).toBe(true);
    // A little larger given about five minutes (6,720 cells; 7,616 stay out).
    expect(priced(56, 60, 270)).toBe(true);
    expect(priced(56, 60, 269)).toBe(false);
    expect(priced(56, 68, 600)).toBe(false);
    expect(priced(57, 60, 600)).toBe(false);
    expect(priced(84, 35)).toBe(true);
    expect(priced(84, 35, 14)).toBe(false);
    expect(priced(84, 36)).toBe(false);
    expect(priced(85, 5)).toBe(false);
  });
});

describe('columnGenerationShare', () => {
  it('gives column generation more of the price step beyond six weeks only', () => {
    expect(columnGenerationShare(compileRoster(earlyLate(42, 5)))).toBeUndefined();
    expect(columnGenerationShare(compileRoster(earlyLate(43, 5)))).toBeGreaterThan(0.35);
    expect(columnGenerationShare(compileRoster(earlyLate(84, 5)))).toBeLessThan(1);
  });
});

describe('searchRoster beyond a week', () => {
  it.each([14, 42])(
    'descends from the first roster of %i days before pricing it whole, and keeps every rule',
    async (days) => {
      const model = compileRoster(earlyLate(days, 5));
      const reports: { phase: SearchPhase; objective: number | null }[] = [];
      const outcome = searchRoster(await highsRuntime(), model, {
        seed: 1,
        maxIterations: 5,
        onProgress: (p) => reports.push({ phase: p.phase, objective: p.objective }),
      });
      const phases = reports.map((r) => r.phase);
      expect(phases.slice(0, 3)).toEqual(['construct', 'improve', 'price']);
      expect(reports[1].objective!).toBeLessThanOrEqual(reports[0].objective!);
      expect(model.agents.every((one, a) => agentLineViolations(model, one, outcome.lines[a]).length === 0)).toBe(true);
    },
  );
});
