import { NeighbourhoodMix } from './neighbourhood-mix';
import { seededRandom } from 'src/platform/random/seeded-random';

type Kind = 'replan' | 'days' | 'window';

const prior = () =>
  new Map<Kind, number>([
    ['replan', 0.45],
    ['days', 0.3],
    ['window', 0.25],
  ]);

function draws(mix: NeighbourhoodMix<Kind>, count: number, available?: (kind: Kind) => boolean): Map<Kind, number> {
  const seen = new Map<Kind, number>();
  for (let k = 0; k < count; k++) {
    const kind = mix.pick(available);
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
  }
  return seen;
}

describe('NeighbourhoodMix', () => {
  it('draws the prior shares while no kind has gained', () => {
    const mix = new NeighbourhoodMix(prior(), seededRandom(3), true);
    expect([...mix.shares()].map(([k, v]) => [k, Number(v.toFixed(6))])).toEqual([
      ['replan', 0.45],
      ['days', 0.3],
      ['window', 0.25],
    ]);
    const seen = draws(mix, 4_000);
    expect(seen.get('replan')! / 4_000).toBeCloseTo(0.45, 1);
    expect(seen.get('window')! / 4_000).toBeCloseTo(0.25, 1);
  });

  it('gives most turns to the kind that gains per second, and never leaves the others out', () => {
    const mix = new NeighbourhoodMix(prior(), seededRandom(5), true);
    mix.record('days', 400, 0.5);
    mix.record('replan', 0, 0.6);
    mix.record('window', 10, 2);
    const shares = mix.shares();
    expect(shares.get('days')!).toBeGreaterThan(0.6);
    expect(shares.get('replan')!).toBeGreaterThan(0.1);
    expect(shares.get('window')!).toBeGreaterThan(0.05);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const seen = draws(mix, 2_000);
    expect(seen.get('days')!).toBeGreaterThan(seen.get('replan')! + seen.get('window')!);
    expect(seen.get('replan')!).toBeGreaterThan(0);
    expect(seen.get('window')!).toBeGreaterThan(0);
  });

  it('lets a kind that stops gaining fade back towards its prior', () => {
    const mix = new NeighbourhoodMix(prior(), seededRandom(7), true);
    mix.record('window', 1_000, 1);
    mix.record('replan', 100, 1);
    const early = mix.shares().get('window')!;
    for (let k = 0; k < 12; k++) mix.record('window', 0, 1);
    const late = mix.shares().get('window')!;
    expect(early).toBeGreaterThan(0.5);
    expect(late).toBeLessThan(0.25);
    expect(mix.shares().get('replan')!).toBeGreaterThan(0.6);
  });

  it('reads gains per turn, not per second, in repeatable runs (the same draws whatever the clock)', () => {
    const run = (seconds: number) => {
      const mix = new NeighbourhoodMix(prior(), seededRandom(11), false);
      mix.record('days', 50, seconds);
      mix.record('replan', 30, seconds * 10);
      return Array.from({ length: 50 }, () => mix.pick());
    };
    expect(run(0.1)).toEqual(run(9));
    const mix = new NeighbourhoodMix(prior(), seededRandom(11), false);
    mix.record('days', 50, 0.1);
    mix.record('replan', 30, 100);
    expect(mix.shares().get('replan')!).toBeGreaterThan(0.3);
  });

  it('draws only the kinds available at this turn, and judges them on their own rates', () => {
    const mix = new NeighbourhoodMix(prior(), seededRandom(13), true);
    // 'window' gained a lot once; 'days' a little since; 'replan' never.
    mix.record('window', 2_000, 1);
    mix.record('days', 40, 1);
    mix.record('replan', 0, 1);
    const everyKind = mix.shares();
    const withoutWindow = mix.shares((k) => k !== 'window');
    expect(everyKind.get('days')!).toBeLessThan(0.25);
    expect([...withoutWindow.keys()]).toEqual(['replan', 'days']);
    expect(withoutWindow.get('days')!).toBeGreaterThan(0.7);
    expect(withoutWindow.get('replan')!).toBeGreaterThan(0.1);
    const seen = draws(mix, 1_000, (kind) => kind !== 'window');
    expect(seen.has('window')).toBe(false);
    expect(seen.get('days')!).toBeGreaterThan(2 * seen.get('replan')!);
    expect(() => mix.pick(() => false)).toThrow(/no kind available/);
  });

  it('leaves out kinds without a share and refuses a mix of none', () => {
    const mix = new NeighbourhoodMix(
      new Map<Kind, number>([
        ['replan', 0],
        ['days', 1],
        ['window', 0],
      ]),
      seededRandom(1),
      true,
    );
    expect(new Set(draws(mix, 100).keys())).toEqual(new Set(['days']));
    mix.record('window', 1_000, 1);
    expect([...mix.shares().keys()]).toEqual(['days']);
    expect(() => new NeighbourhoodMix(new Map<Kind, number>([['days', 0]]), seededRandom(1), true)).toThrow(
      /at least one kind/,
    );
  });
});
