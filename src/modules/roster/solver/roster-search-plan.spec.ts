import { agentLineViolations } from './agent-rules';
import { bestResponses } from './best-response';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { searchCost } from './roster-objective';
import { Search } from './roster-search';
import { neighbourhoodPrior, searchRoster } from './roster-search-plan';
import type { SearchPhase } from './roster-search-limits';
import { earlyLate, earlyLateWeek } from './small-rosters.fixture';

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
