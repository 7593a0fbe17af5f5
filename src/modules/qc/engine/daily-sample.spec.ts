import fc from 'fast-check';
import {
  Candidate,
  DEFAULT_OUTCOME_WEIGHTS,
  drawDailySample,
  Outcome,
  OUTCOMES,
  SamplingSettings,
} from './daily-sample';
import { inclusionProbabilities } from './inclusion';

const settings = (perAgent = 15, randomFloorPercent = 30): SamplingSettings => ({
  perAgent,
  randomFloorPercent,
  outcomeWeights: DEFAULT_OUTCOME_WEIGHTS,
});
const at = new Date('2026-11-25T02:00:00Z');

const candidateArb = (agents: string[]) =>
  fc.record({
    agentId: fc.constantFrom(...agents),
    outcomes: fc.subarray([...OUTCOMES]),
    minute: fc.integer({ min: 0, max: 1439 }),
  });

/** A day of sessions with unique ids for a few agents. */
const dayArb = fc.array(candidateArb(['a1', 'a2', 'a3', 'a4']), { minLength: 0, maxLength: 120 }).map((rows) =>
  rows.map((r, i): Candidate => ({
    sessionId: `s${String(i).padStart(4, '0')}`,
    agentId: r.agentId,
    startedAt: new Date(at.getTime() + r.minute * 60_000),
    outcomes: r.outcomes as Outcome[],
  })),
);

const settingsArb = fc
  .record({ perAgent: fc.integer({ min: 10, max: 20 }), randomFloorPercent: fc.integer({ min: 0, max: 100 }) })
  .map((s) => settings(s.perAgent, s.randomFloorPercent));

describe('drawDailySample', () => {
  it('is reproducible: same shop, date and settings give the same sample whatever the input order', () => {
    fc.assert(
      fc.property(dayArb, settingsArb, fc.integer(), (day, s, shuffleSeed) => {
        const reversed = [...day].reverse();
        const rotated = day.length
          ? [...day.slice(shuffleSeed % day.length), ...day.slice(0, shuffleSeed % day.length)]
          : day;
        const a = drawDailySample({
          shopId: 'shop',
          sessionDate: '2026-11-25',
          settings: s,
          candidates: day,
          alreadySampled: new Set(),
        });
        const b = drawDailySample({
          shopId: 'shop',
          sessionDate: '2026-11-25',
          settings: s,
          candidates: reversed,
          alreadySampled: new Set(),
        });
        const c = drawDailySample({
          shopId: 'shop',
          sessionDate: '2026-11-25',
          settings: s,
          candidates: rotated,
          alreadySampled: new Set(),
        });
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('takes min(N, sessions) per agent, never a session twice, all of them for agents with few sessions', () => {
    fc.assert(
      fc.property(dayArb, settingsArb, (day, s) => {
        const { samples, mix } = drawDailySample({
          shopId: 'shop',
          sessionDate: '2026-11-25',
          settings: s,
          candidates: day,
          alreadySampled: new Set(),
        });
        expect(new Set(samples.map((x) => x.sessionId)).size).toBe(samples.length);
        for (const agent of new Set(day.map((d) => d.agentId))) {
          const own = day.filter((d) => d.agentId === agent);
          const taken = samples.filter((x) => x.agentId === agent);
          expect(taken).toHaveLength(Math.min(s.perAgent, own.length));
          if (own.length <= s.perAgent) {
            expect(taken.map((x) => x.sessionId).sort()).toEqual(own.map((o) => o.sessionId).sort());
            expect(taken.every((x) => x.reason === 'all' && x.inclusionProbability === 1)).toBe(true);
          }
          expect(taken.every((x) => own.some((o) => o.sessionId === x.sessionId))).toBe(true);
          expect(mix.find((m) => m.agentId === agent)!.picked).toBe(taken.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never re-samples a session over consecutive days, even when a day is drawn again', () => {
    fc.assert(
      fc.property(dayArb, settingsArb, (day, s) => {
        const seen = new Set<string>();
        for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) {
          const { samples } = drawDailySample({
            shopId: 'shop',
            sessionDate: date,
            settings: s,
            candidates: day,
            alreadySampled: seen,
          });
          for (const x of samples) {
            expect(seen.has(x.sessionId)).toBe(false);
            seen.add(x.sessionId);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives every session at least the floor share and probabilities that sum to the places', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 40, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 10, max: 20 }),
        fc.integer({ min: 0, max: 100 }),
        (weights, n, floorPercent) => {
          const pi = inclusionProbabilities(weights, Math.min(n, weights.length), floorPercent / 100);
          const sum = pi.reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(Math.min(n, weights.length), 6);
          for (const p of pi) {
            expect(p).toBeGreaterThan(0);
            expect(p).toBeLessThanOrEqual(1 + 1e-12);
            expect(p).toBeGreaterThanOrEqual(
              (Math.min(n, weights.length) * floorPercent) / 100 / weights.length - 1e-9,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('honours the weights: over many days each session is drawn as often as its recorded probability', () => {
    // One agent, 60 sessions a day of which a fifth ended badly, drawn on 3,000 different dates.
    const day: Candidate[] = Array.from({ length: 60 }, (_, i) => ({
      sessionId: `s${String(i).padStart(3, '0')}`,
      agentId: 'a1',
      startedAt: new Date(at.getTime() + i * 60_000),
      outcomes:
        i % 5 === 0 ? (['lowRating'] as Outcome[]) : i % 7 === 0 ? (['refund', 'slowResponse'] as Outcome[]) : [],
    }));
    const days = 3_000;
    const counts = new Map<string, number>();
    const recorded = new Map<string, number>();
    let start = Date.UTC(2020, 0, 1);
    for (let d = 0; d < days; d++, start += 86_400_000) {
      const date = new Date(start).toISOString().slice(0, 10);
      const { samples } = drawDailySample({
        shopId: 'shop',
        sessionDate: date,
        settings: settings(15, 30),
        candidates: day,
        alreadySampled: new Set(),
      });
      for (const x of samples) {
        counts.set(x.sessionId, (counts.get(x.sessionId) ?? 0) + 1);
        recorded.set(x.sessionId, x.inclusionProbability);
      }
    }
    const pi = inclusionProbabilities(
      day.map((c) => 1 + c.outcomes.reduce((s, o) => s + DEFAULT_OUTCOME_WEIGHTS[o], 0)),
      15,
      0.3,
    );
    day.forEach((c, i) => {
      const frequency = (counts.get(c.sessionId) ?? 0) / days;
      const tolerance = 4 * Math.sqrt((pi[i] * (1 - pi[i])) / days) + 0.005;
      expect(Math.abs(frequency - pi[i])).toBeLessThan(tolerance);
      if (recorded.has(c.sessionId)) expect(recorded.get(c.sessionId)).toBeCloseTo(pi[i], 12);
    });
    // Bad outcomes are drawn markedly more often than plain sessions, and plain ones are still seen.
    const plain = day.filter((c) => !c.outcomes.length).map((c) => (counts.get(c.sessionId) ?? 0) / days);
    const low = day.filter((c) => c.outcomes.includes('lowRating')).map((c) => (counts.get(c.sessionId) ?? 0) / days);
    expect(Math.min(...low)).toBeGreaterThan(2 * Math.max(...plain));
    expect(Math.min(...plain)).toBeGreaterThan((15 * 0.3) / 60 - 0.02);
  });

  it('takes a session whose weight would exceed certainty for sure, and spreads the excess over the rest', () => {
    const day: Candidate[] = Array.from({ length: 40 }, (_, i) => ({
      sessionId: `s${i}`,
      agentId: 'a1',
      startedAt: at,
      outcomes: i === 0 ? (['complaint', 'lowRating', 'refund'] as Outcome[]) : [],
    }));
    const heavy = { ...settings(10, 10), outcomeWeights: { ...DEFAULT_OUTCOME_WEIGHTS, complaint: 100 } };
    for (const date of ['2026-11-01', '2026-11-02', '2026-11-03']) {
      const { samples } = drawDailySample({
        shopId: 'shop',
        sessionDate: date,
        settings: heavy,
        candidates: day,
        alreadySampled: new Set(),
      });
      expect(samples.find((x) => x.sessionId === 's0')).toMatchObject({ reason: 'certain', inclusionProbability: 1 });
      expect(
        samples
          .filter((x) => x.sessionId !== 's0')
          .every((x) => x.reason === 'drawn' && Math.abs(x.inclusionProbability - 9 / 39) < 1e-9),
      ).toBe(true);
    }
  });

  it('fills only the places left when some of the day are already kept', () => {
    const day: Candidate[] = Array.from({ length: 30 }, (_, i) => ({
      sessionId: `s${i}`,
      agentId: 'a1',
      startedAt: at,
      outcomes: [],
    }));
    const { samples, mix } = drawDailySample({
      shopId: 'shop',
      sessionDate: '2026-11-25',
      settings: settings(12),
      candidates: day,
      alreadySampled: new Set(),
      filled: new Map([['a1', 5]]),
    });
    expect(samples).toHaveLength(7);
    expect(mix[0].places).toBe(7);
  });
});
