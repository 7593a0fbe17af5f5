import * as fs from 'node:fs';
import * as path from 'node:path';
import { erlangA } from './erlang-a';
import { erlangB, requiredServersForBlocking } from './erlang-b';
import { erlangC } from './erlang-c';
import { requiredAgents } from './required-agents';
import { positionsAfterShrinkage } from './shrinkage';

// Copies of the reference files (bench-data/erlang-reference): tests stand on the repository alone.
const referenceFolder = path.join(__dirname, 'fixtures', 'erlang-reference');

/** Minimal CSV reader for these files: commas, double-quoted fields, no embedded newlines. */
function readCsv(file: string): Record<string, string>[] {
  const lines = fs.readFileSync(path.join(referenceFolder, file), 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]);
  const header = split(lines[0]);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((value, i) => [header[i], value])));
}

/** |computed − printed| within half a unit of the printed last digit. */
function expectToPrintedPrecision(computed: number, printed: string): void {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  expect(Math.abs(computed - Number(printed))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

// pyworkforce case: 100 contacts per 30 min, AHT 3 min, answer within 0.33 min, shrinkage 0.3.
const pyworkforce = { offeredLoad: (100 * 180) / 1800, ahtSeconds: 180 };
const within = 0.33 * 60;
const cpan = { offeredLoad: 27.083, ahtSeconds: 150 };

/**
 * The published vectors are prose, so each row's inputs are transcribed here, in file order; the
 * expected values are read from the file. Model and metric are checked so a changed file fails loudly.
 */
const vectors: { model: string; metric: RegExp; compute: () => number[] }[] = [
  {
    model: 'ErlangC',
    metric: /^raw_positions/,
    compute: () => [
      requiredAgents(pyworkforce, { answerWithinSeconds: within, serviceLevel: 0.8, maxOccupancy: 0.85 }).agents,
    ],
  },
  {
    model: 'ErlangC',
    metric: /^positions/,
    compute: () => [
      positionsAfterShrinkage(
        requiredAgents(pyworkforce, { answerWithinSeconds: within, serviceLevel: 0.8, maxOccupancy: 0.85 }).agents,
        0.3,
      ),
    ],
  },
  { model: 'ErlangC', metric: /^service_level/, compute: () => [erlangC(10, 14, 180, within).serviceLevel] },
  { model: 'ErlangC', metric: /^occupancy/, compute: () => [erlangC(10, 14, 180, within).occupancy] },
  { model: 'ErlangC', metric: /^waiting_probability/, compute: () => [erlangC(10, 14, 180, within).waitProbability] },
  {
    model: 'ErlangC',
    metric: /^raw_positions/,
    compute: () => [
      requiredAgents(pyworkforce, { answerWithinSeconds: within, serviceLevel: 0.8, maxOccupancy: 0.7 }).agents,
      requiredAgents(pyworkforce, { answerWithinSeconds: within, serviceLevel: 0.9, maxOccupancy: 0.85 }).agents,
    ],
  },
  {
    model: 'ErlangC',
    metric: /^positions/,
    compute: () => [
      positionsAfterShrinkage(
        requiredAgents(pyworkforce, { answerWithinSeconds: within, serviceLevel: 0.8, maxOccupancy: 0.7 }).agents,
        0.3,
      ),
    ],
  },
  { model: 'ErlangC', metric: /^service_level/, compute: () => [erlangC(10, 15, 180, within).serviceLevel] },
  { model: 'ErlangC', metric: /^occupancy/, compute: () => [erlangC(10, 15, 180, within).occupancy] },
  { model: 'ErlangC', metric: /^waiting_probability/, compute: () => [erlangC(10, 15, 180, within).waitProbability] },
  { model: 'ErlangB', metric: /^blocking_probability/, compute: () => [erlangB(1, 1)] },
  { model: 'ErlangB', metric: /^blocking_probability/, compute: () => [erlangB(1, 2)] },
  { model: 'ErlangB', metric: /^raw_positions/, compute: () => [requiredServersForBlocking(10, 0.02)] },
  {
    model: 'ErlangB',
    metric: /^positions/,
    compute: () => [positionsAfterShrinkage(requiredServersForBlocking(10, 0.02), 0.3)],
  },
  { model: 'ErlangA', metric: /^waiting_probability/, compute: () => [erlangA(10, 14, 180, 300, 20).waitProbability] },
  { model: 'ErlangA', metric: /^abandonment_probability/, compute: () => [erlangA(10, 14, 180, 300, 20).abandonment] },
  { model: 'ErlangA', metric: /^occupancy/, compute: () => [erlangA(10, 14, 180, 300, 20).occupancy] },
  {
    model: 'ErlangA',
    metric: /^average_speed_of_answer \(min/,
    compute: () => [erlangA(10, 14, 180, 300, 20).asaSeconds / 60],
  },
  { model: 'ErlangA', metric: /^service_level/, compute: () => [erlangA(10, 14, 180, 300, 20).serviceLevel] },
  {
    model: 'ErlangC',
    metric: /^min servers \(servers_waittime\)/,
    compute: () => [requiredAgents(cpan, { answerWithinSeconds: 0, maxAsaSeconds: 5 }).agents],
  },
  {
    model: 'ErlangC',
    metric: /^min servers \(servers_maxtime\)/,
    compute: () => [requiredAgents(cpan, { answerWithinSeconds: 20, serviceLevel: 0.94 }).agents],
  },
];

describe('published test vectors (pyworkforce, CPAN Math::Telephony::ErlangC)', () => {
  const rows = readCsv('published_test_vectors.csv');

  it('has one transcribed case per row', () => {
    expect(rows).toHaveLength(vectors.length);
  });

  it.each(rows.map((row, i) => [i + 2, row] as const))('reproduces line %i to its printed precision', (line, row) => {
    const vector = vectors[line - 2];
    expect(row.model.startsWith(vector.model)).toBe(true);
    expect(row.metric).toMatch(vector.metric);
    for (const computed of vector.compute()) expectToPrintedPrecision(computed, row.expected);
  });
});

describe('Erlang B / C reference grid', () => {
  const rows = readCsv('erlang_c_reference_grid.csv').map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])),
  );

  it('covers several loads', () => {
    expect(new Set(rows.map((row) => row.offered_load_erlang)).size).toBeGreaterThan(3);
  });

  it.each(rows.map((row) => [row.offered_load_erlang, row.agents, row] as const))(
    'load %d with %i agents to 1e-6',
    (_load, _agents, row) => {
      const load = (row.calls_per_interval * row.aht_sec) / (row.interval_min * 60);
      const at20 = erlangC(load, row.agents, row.aht_sec, 20);
      const at30 = erlangC(load, row.agents, row.aht_sec, 30);
      expect(Math.abs(erlangB(load, row.agents) - row.erlang_b)).toBeLessThan(1e-6);
      expect(Math.abs(at20.waitProbability - row.erlang_c_pwait)).toBeLessThan(1e-6);
      expect(Math.abs(at20.asaSeconds - row.asa_sec)).toBeLessThan(1e-6);
      expect(Math.abs(at20.serviceLevel - row.sl_20s)).toBeLessThan(1e-6);
      expect(Math.abs(at30.serviceLevel - row.sl_30s)).toBeLessThan(1e-6);
      expect(Math.abs(at20.occupancy - row.occupancy)).toBeLessThan(1e-6);
    },
  );

  it.each([0.5, 0.8, 0.9, 0.95])('finds the first grid row meeting %d of calls within 20 s', (target) => {
    for (const group of groupBy(rows, (row) => `${row.calls_per_interval}/${row.interval_min}/${row.aht_sec}`)) {
      const first = group.find((row) => row.sl_20s >= target);
      if (!first || first === group[0]) continue; // the answer must lie inside the grid to be read off it
      const load = (first.calls_per_interval * first.aht_sec) / (first.interval_min * 60);
      expect(
        requiredAgents(
          { offeredLoad: load, ahtSeconds: first.aht_sec },
          { answerWithinSeconds: 20, serviceLevel: target },
        ).agents,
      ).toBe(first.agents);
    }
  });
});

describe('Erlang A reference grid', () => {
  const rows = readCsv('erlang_a_reference_grid.csv').map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])),
  );

  it('covers several patience figures', () => {
    expect(new Set(rows.map((row) => row.patience_sec)).size).toBeGreaterThan(2);
  });

  it.each(rows.map((row) => [row.patience_sec, row.agents, row] as const))(
    'patience %d s with %i agents to 1e-6',
    (_patience, _agents, row) => {
      const load = (row.calls_per_interval * row.aht_sec) / (row.interval_min * 60);
      const metrics = erlangA(load, row.agents, row.aht_sec, row.patience_sec, 20);
      expect(Math.abs(metrics.waitProbability - row.p_wait)).toBeLessThan(1e-6);
      expect(Math.abs(metrics.abandonment - row.p_abandon)).toBeLessThan(1e-6);
      expect(Math.abs(metrics.occupancy - row.occupancy)).toBeLessThan(1e-6);
      expect(Math.abs(metrics.asaSeconds - row.asa_all_sec)).toBeLessThan(1e-6);
      expect(Math.abs(metrics.serviceLevel - row.sl_20s_all_arrivals)).toBeLessThan(1e-6);
    },
  );

  it.each([0.5, 0.8, 0.9, 0.95])(
    'finds the first grid row meeting %d of all arrivals answered within 20 s',
    (target) => {
      for (const group of groupBy(
        rows,
        (row) => `${row.calls_per_interval}/${row.interval_min}/${row.aht_sec}/${row.patience_sec}`,
      )) {
        const first = group.find((row) => row.sl_20s_all_arrivals >= target);
        if (!first || first === group[0]) continue;
        const traffic = {
          offeredLoad: (first.calls_per_interval * first.aht_sec) / (first.interval_min * 60),
          ahtSeconds: first.aht_sec,
          patienceSeconds: first.patience_sec,
        };
        expect(requiredAgents(traffic, { answerWithinSeconds: 20, serviceLevel: target }).agents).toBe(first.agents);
      }
    },
  );
});

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}
