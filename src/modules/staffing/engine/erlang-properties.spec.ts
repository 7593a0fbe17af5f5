import fc from 'fast-check';
import { erlangA } from './erlang-a';
import { erlangB } from './erlang-b';
import { erlangC } from './erlang-c';
import { projectedService } from './projected-service';
import { meetsTarget, requiredAgents } from './required-agents';
import { QueueMetrics } from './staffing-types';

const load = fc.double({ min: 0.01, max: 600, noNaN: true });
const aht = fc.double({ min: 20, max: 900, noNaN: true });
const patience = fc.double({ min: 5, max: 3600, noNaN: true });
const within = fc.double({ min: 0, max: 120, noNaN: true });

/** Independent check: the M/M/c(+M) chain summed state by state (small cases only; abandonRate 0 is M/M/c). */
function bruteForceChain(arrivalRate: number, agents: number, abandonRate: number): { pi: number[] } {
  const weights = [1];
  let peak = 1;
  for (let n = 1; n < 20_000; n++) {
    const deaths = Math.min(n, agents) + Math.max(0, n - agents) * abandonRate;
    const next = (weights[n - 1] * arrivalRate) / deaths;
    weights.push(next);
    peak = Math.max(peak, next);
    if (n > agents && next < 1e-18 * peak && arrivalRate < deaths) break;
  }
  const total = weights.reduce((s, w) => s + w, 0);
  return { pi: weights.map((w) => w / total) };
}

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

describe('Erlang C and A: more agents, better service', () => {
  it('Erlang C: service level rises, ASA, waiting and occupancy fall as agents are added', () => {
    fc.assert(
      fc.property(load, aht, within, fc.integer({ min: 0, max: 80 }), (a, h, t, extra) => {
        const c = Math.floor(a) + 1 + extra;
        const fewer = erlangC(a, c, h, t);
        const more = erlangC(a, c + 1, h, t);
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12);
        expect(more.asaSeconds).toBeLessThanOrEqual(fewer.asaSeconds * (1 + 1e-12));
        expect(more.waitProbability).toBeLessThanOrEqual(fewer.waitProbability + 1e-12);
        expect(more.occupancy).toBeLessThan(fewer.occupancy);
      }),
      { seed: 1123, numRuns: 300 },
    );
  });

  it('Erlang A: service level rises, ASA and abandonment fall as agents are added (also below the load)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        aht,
        patience,
        within,
        fc.integer({ min: 0, max: 260 }),
        (a, h, p, t, c) => {
          const fewer = erlangA(a, c, h, p, t);
          const more = erlangA(a, c + 1, h, p, t);
          expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-9);
          expect(more.asaSeconds).toBeLessThanOrEqual(fewer.asaSeconds * (1 + 1e-9) + 1e-12);
          expect(more.abandonment).toBeLessThanOrEqual(fewer.abandonment + 1e-12);
          expect(more.waitProbability).toBeLessThanOrEqual(fewer.waitProbability + 1e-12);
        },
      ),
      { seed: 1123, numRuns: 300 },
    );
  });
});

describe('Erlang A tends to Erlang C as patience grows', () => {
  it('closes the gap in every figure as patience goes from 10 to 10⁷ handle times', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 150, noNaN: true }),
        aht,
        within,
        fc.integer({ min: 1, max: 40 }),
        (a, h, t, extra) => {
          const c = Math.floor(a) + extra;
          const reference = erlangC(a, c, h, t);
          const gap = (m: QueueMetrics) =>
            Math.max(
              Math.abs(m.serviceLevel - reference.serviceLevel),
              Math.abs(m.waitProbability - reference.waitProbability),
              Math.abs(m.occupancy - reference.occupancy),
              Math.abs(m.asaSeconds - reference.asaSeconds) / h,
            );
          const gaps = [10, 1e4, 1e7].map((times) => gap(erlangA(a, c, h, times * h, t)));
          expect(gaps[1]).toBeLessThanOrEqual(gaps[0] + 1e-12);
          expect(gaps[2]).toBeLessThanOrEqual(gaps[1] + 1e-12);
          // Away from saturation the gap is first order in 1/patience, so a thousandfold patience shrinks it
          // well over tenfold; near saturation (c − A → 0) that regime starts only at far longer patience.
          if (a / c <= 0.95) {
            expect(gaps[2]).toBeLessThanOrEqual(gaps[1] / 10 + 1e-9);
            expect(gaps[2]).toBeLessThan(1e-3);
          }
          expect(erlangA(a, c, h, 1e7 * h, t).abandonment).toBeLessThan(1e-4);
        },
      ),
      { seed: 1123, numRuns: 150 },
    );
  });

  it('treats absent or infinite patience as Erlang C', () => {
    expect(projectedService({ offeredLoad: 10, ahtSeconds: 180, patienceSeconds: Infinity }, 12, 20)).toEqual(
      erlangC(10, 12, 180, 20),
    );
    expect(projectedService({ offeredLoad: 10, ahtSeconds: 180 }, 12, 20)).toEqual(erlangC(10, 12, 180, 20));
  });
});

describe("Little's law and the birth–death chain", () => {
  it('Erlang A: mean queue = arrival rate × ASA, mean busy agents = answered rate × AHT, against the chain summed state by state', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 30, noNaN: true }),
        aht,
        fc.double({ min: 0.3, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 45 }),
        (a, h, patienceInAht, c) => {
          const theta = 1 / patienceInAht;
          const { pi } = bruteForceChain(a, c, theta);
          const meanQueue = pi.reduce((s, p, n) => s + p * Math.max(0, n - c), 0);
          const meanBusy = pi.reduce((s, p, n) => s + p * Math.min(n, c), 0);
          const waiting = pi.reduce((s, p, n) => s + (n >= c ? p : 0), 0);
          const m = erlangA(a, c, h, patienceInAht * h, 20);
          const arrivalsPerSecond = a / h;
          expect(close(arrivalsPerSecond * m.asaSeconds, meanQueue, 1e-9)).toBe(true);
          expect(close(arrivalsPerSecond * (1 - m.abandonment) * h, meanBusy, 1e-9)).toBe(true);
          expect(close(c * m.occupancy, meanBusy, 1e-9)).toBe(true);
          expect(close(m.waitProbability, waiting, 1e-9)).toBe(true);
        },
      ),
      { seed: 1123, numRuns: 200 },
    );
  });

  it('Erlang C: mean queue = arrival rate × ASA and busy agents = load, against the chain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 30, noNaN: true }),
        aht,
        fc.integer({ min: 1, max: 30 }),
        (a, h, extra) => {
          const c = Math.floor(a) + extra;
          if (a / c > 0.97) return; // the chain's tail is too long to sum state by state
          const { pi } = bruteForceChain(a, c, 0); // no abandonment: M/M/c
          const meanQueue = pi.reduce((s, p, n) => s + p * Math.max(0, n - c), 0);
          const meanBusy = pi.reduce((s, p, n) => s + p * Math.min(n, c), 0);
          const m = erlangC(a, c, h, 20);
          expect(close((a / h) * m.asaSeconds, meanQueue, 1e-9)).toBe(true);
          expect(close(m.occupancy * c, meanBusy, 1e-9)).toBe(true);
        },
      ),
      { seed: 1123, numRuns: 200 },
    );
  });
});

describe('numerical stability', () => {
  it('Erlang B from the (truncated) recursion equals its defining sum, computed in log space', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 3000, noNaN: true }), fc.integer({ min: 0, max: 3500 }), (a, c) => {
        // B = (A^c / c!) / Σ_{j≤c} A^j / j!, each term as a logarithm.
        const logTerms = [0];
        for (let j = 1; j <= c; j++) logTerms.push(logTerms[j - 1] + Math.log(a) - Math.log(j));
        const top = Math.max(...logTerms);
        const logB = logTerms[c] - top - Math.log(logTerms.reduce((sum, l) => sum + Math.exp(l - top), 0));
        const b = erlangB(a, c);
        if (logB < -700) expect(b).toBeLessThan(1e-300);
        else expect(Math.abs(Math.log(b) - logB)).toBeLessThan(1e-9);
      }),
      { seed: 1123, numRuns: 300 },
    );
  });

  it('gives finite figures in range for 2,000–3,000 agents and fractional loads, in both models', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3200, noNaN: true }),
        fc.integer({ min: 2000, max: 3000 }),
        aht,
        patience,
        within,
        (a, c, h, p, t) => {
          const withoutPatience = erlangC(a, c, h, t);
          const withPatience = erlangA(a, c, h, p, t);
          expect(withoutPatience.stable).toBe(c > a);
          expect(withPatience.stable).toBe(true);
          for (const m of [withoutPatience, withPatience]) {
            for (const share of [m.waitProbability, m.serviceLevel, m.occupancy, m.abandonment]) {
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            }
            expect(Number.isNaN(m.asaSeconds)).toBe(false);
            expect(m.asaSeconds >= 0).toBe(true);
          }
          expect(erlangB(a, c)).toBeGreaterThanOrEqual(0);
        },
      ),
      { seed: 1123, numRuns: 60 },
    );
  });

  it('matches the service level at the ends of the window: t = 0 is no wait, t → ∞ is everyone not abandoning', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 300, noNaN: true }),
        aht,
        patience,
        fc.integer({ min: 0, max: 320 }),
        (a, h, p, c) => {
          const atOnce = erlangA(a, c, h, p, 0);
          const eventually = erlangA(a, c, h, p, 1e4 * (h + p));
          expect(close(atOnce.serviceLevel, 1 - atOnce.waitProbability, 1e-9)).toBe(true);
          expect(close(eventually.serviceLevel, 1 - eventually.abandonment, 1e-9)).toBe(true);
        },
      ),
      { seed: 1123, numRuns: 200 },
    );
  });

  it('reports an overloaded Erlang C queue explicitly, not as NaN', () => {
    for (const [a, c] of [
      [10, 10],
      [10.5, 3],
      [7, 0],
    ]) {
      const m = erlangC(a, c, 180, 20);
      expect(m).toMatchObject({
        stable: false,
        waitProbability: 1,
        serviceLevel: 0,
        asaSeconds: Infinity,
        abandonment: 0,
      });
      expect(Number.isNaN(m.occupancy)).toBe(false);
    }
    // With patience the same queue is stable: people give up instead of queueing for ever.
    expect(erlangA(10.5, 3, 180, 120, 20)).toMatchObject({ stable: true });
    expect(erlangA(10.5, 3, 180, 120, 20).abandonment).toBeGreaterThan(0.5);
  });

  it('handles a slot with no contacts', () => {
    for (const m of [erlangC(0, 0, 180, 20), erlangC(0, 5, 180, 20), erlangA(0, 0, 180, 60, 20)]) {
      expect(m).toMatchObject({
        stable: true,
        waitProbability: 0,
        serviceLevel: 1,
        asaSeconds: 0,
        occupancy: 0,
        abandonment: 0,
      });
    }
    expect(
      requiredAgents({ offeredLoad: 0, ahtSeconds: 180 }, { answerWithinSeconds: 20, serviceLevel: 0.8 }).agents,
    ).toBe(0);
  });

  it('refuses impossible inputs', () => {
    expect(() => erlangC(-1, 3, 180, 20)).toThrow(RangeError);
    expect(() => erlangC(1, 2.5, 180, 20)).toThrow(RangeError);
    expect(() => erlangC(1, 2, 0, 20)).toThrow(RangeError);
    expect(() => erlangA(1, 2, 180, 0, 20)).toThrow(RangeError);
    expect(() =>
      requiredAgents({ offeredLoad: 1, ahtSeconds: 180 }, { answerWithinSeconds: 20, serviceLevel: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      requiredAgents({ offeredLoad: 1, ahtSeconds: 180 }, { answerWithinSeconds: 20, maxOccupancy: 0 }),
    ).toThrow(RangeError);
  });
});

describe('minimum agents', () => {
  const target = fc.record(
    {
      answerWithinSeconds: fc.double({ min: 0, max: 60, noNaN: true }),
      serviceLevel: fc.double({ min: 0.3, max: 0.99, noNaN: true }),
      maxAsaSeconds: fc.double({ min: 1, max: 120, noNaN: true }),
      maxOccupancy: fc.double({ min: 0.5, max: 1, noNaN: true }),
      maxAbandonment: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
    },
    { requiredKeys: ['answerWithinSeconds'] },
  );

  it('Erlang C: the answer meets every bound and one agent fewer does not', () => {
    fc.assert(
      fc.property(load, aht, target, (a, h, goal) => {
        const { maxAbandonment: _ignored, ...withoutAbandonment } = goal;
        const found = requiredAgents({ offeredLoad: a, ahtSeconds: h }, withoutAbandonment);
        expect(meetsTarget(found, withoutAbandonment)).toBe(true);
        expect(found).toEqual(erlangC(a, found.agents, h, goal.answerWithinSeconds));
        expect(meetsTarget(erlangC(a, found.agents - 1, h, goal.answerWithinSeconds), withoutAbandonment)).toBe(false);
      }),
      { seed: 1123, numRuns: 400 },
    );
  });

  it('Erlang A: the answer meets every bound and one agent fewer does not', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 300, noNaN: true }), aht, patience, target, (a, h, p, goal) => {
        const found = requiredAgents({ offeredLoad: a, ahtSeconds: h, patienceSeconds: p }, goal);
        expect(meetsTarget(found, goal)).toBe(true);
        expect(found.agents).toBeGreaterThanOrEqual(1);
        if (found.agents > 1)
          expect(meetsTarget(erlangA(a, found.agents - 1, h, p, goal.answerWithinSeconds), goal)).toBe(false);
      }),
      { seed: 1123, numRuns: 200 },
    );
  });
});
