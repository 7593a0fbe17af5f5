import { bestResponses } from './best-response';
import { compileRoster } from './compile-roster';
import { highsRuntime } from './linear-program';
import { searchCost } from './roster-objective';
import { Search } from './roster-search';
import { dayStep, initialSizes, respondStep, type Responses } from './roster-neighbourhoods';
import { earlyLateWeek } from './small-rosters.fixture';

describe('respondStep', () => {
  const model = compileRoster(earlyLateWeek());

  it('re-plans the next agents in turn, a quarter per repeatable turn, until a whole round gains nothing', async () => {
    const search = new Search(await highsRuntime(), model, { seed: 1, maxIterations: 100 });
    const responses: Responses = { order: [2, 0, 3, 1], next: 0, quiet: 0 };
    const idle = search.cost;
    respondStep(search, responses, true);
    expect(responses.next).toBe(1);
    expect(search.lines[2]).not.toEqual(new Int32Array(7).fill(-1));
    expect(search.lines[0]).toEqual(new Int32Array(7).fill(-1));
    expect(search.cost).toBeLessThan(idle);
    expect(responses.quiet).toBe(0);
    let turns = 1;
    while (responses.quiet < 4 && turns < 40) {
      respondStep(search, responses, true);
      turns++;
    }
    expect(responses.quiet).toBe(4);
    expect(responses.next).toBe(turns % 4);
    // The roster it settled on is one no single agent improves, and every line keeps its rules.
    expect(bestResponses(model, search.lines, [0, 1, 2, 3], { shouldStop: () => false }).changed).toEqual([]);
    expect(search.valid(search.lines)).toBe(true);
    expect(search.cost).toBe(searchCost(model, search.lines));
  });
});

describe('dayStep', () => {
  const model = compileRoster(earlyLateWeek());

  it('re-plans blocks of days from an empty roster down in cost, never up, every rule kept', async () => {
    const search = new Search(await highsRuntime(), model, { seed: 3, maxIterations: 100 });
    const sizes = initialSizes(model);
    const costs = [search.cost];
    for (let turn = 0; turn < 6; turn++) {
      dayStep(search, sizes);
      costs.push(search.cost);
    }
    expect(costs[costs.length - 1]).toBeLessThan(costs[0]);
    costs.slice(1).forEach((cost, k) => expect(cost).toBeLessThanOrEqual(costs[k]));
    expect(sizes.windowDays).toBeGreaterThanOrEqual(3);
    expect(search.valid(search.lines)).toBe(true);
    expect(search.cost).toBe(searchCost(model, search.lines));
  });
});
