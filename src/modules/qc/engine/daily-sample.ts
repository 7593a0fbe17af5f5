import { inclusionProbabilities, systematicDraw } from './inclusion';
import { seededRandom as seededUniform, seedOf } from 'src/platform/random/seeded-random';

export const OUTCOMES = ['lowRating', 'complaint', 'refund', 'slowResponse'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One of yesterday's sessions, with the bad outcomes it ended in. */
export type Candidate = { sessionId: string; agentId: string; startedAt: Date; outcomes: Outcome[] };

export type SamplingSettings = {
  /** Sessions per agent per day (10–20). */
  perAgent: number;
  /** Share of the sample spread evenly over all sessions (0–100). */
  randomFloorPercent: number;
  /** Extra weight per bad outcome; a session weighs 1 plus the weights of its outcomes. */
  outcomeWeights: Record<Outcome, number>;
};

export const DEFAULT_OUTCOME_WEIGHTS: Record<Outcome, number> = {
  lowRating: 4,
  complaint: 6,
  refund: 3,
  slowResponse: 2,
};

export type SampleRequest = {
  shopId: string;
  /** The local date whose sessions are sampled. */
  sessionDate: string;
  settings: SamplingSettings;
  candidates: readonly Candidate[];
  /** Sessions sampled before (any day): never again. */
  alreadySampled: ReadonlySet<string>;
  /** Per agent, places already filled today (samples kept because they were reviewed). */
  filled?: ReadonlyMap<string, number>;
};

export type SampledSession = {
  sessionId: string;
  agentId: string;
  startedAt: Date;
  weight: number;
  inclusionProbability: number;
  /** all: the agent had no more sessions than places; certain: probability capped at 1; drawn. */
  reason: 'all' | 'certain' | 'drawn';
  outcomes: Outcome[];
  position: number;
};

type Tally = { population: number; expected: number; picked: number };
export type AgentMix = {
  agentId: string;
  candidates: number;
  places: number;
  picked: number;
  byOutcome: Record<Outcome | 'none', Tally>;
};
export type DailySample = { seed: string; samples: SampledSession[]; mix: AgentMix[] };

export const weightOf = (outcomes: readonly Outcome[], weights: Record<Outcome, number>) =>
  1 + outcomes.reduce((s, o) => s + Math.max(0, weights[o] ?? 0), 0);

/** The settings as one canonical string, so equal settings always give the same seed. */
export function sampleSeed(shopId: string, sessionDate: string, settings: SamplingSettings): string {
  const weights = OUTCOMES.map((o) => `${o}=${settings.outcomeWeights[o] ?? 0}`).join(',');
  return `${shopId}|${sessionDate}|n=${settings.perAgent}|floor=${settings.randomFloorPercent}|${weights}`;
}

/**
 * Draws each agent's sessions for review. Agents are drawn independently with a seed of their own
 * (shop, date, settings, agent), so one agent's draw never depends on another's sessions, and the
 * same inputs in any order give the same sample.
 */
export function drawDailySample(request: SampleRequest): DailySample {
  const seed = sampleSeed(request.shopId, request.sessionDate, request.settings);
  const byAgent = new Map<string, Candidate[]>();
  for (const c of request.candidates) {
    if (request.alreadySampled.has(c.sessionId)) continue;
    const list = byAgent.get(c.agentId) ?? [];
    list.push(c);
    byAgent.set(c.agentId, list);
  }
  const samples: SampledSession[] = [];
  const mix: AgentMix[] = [];
  for (const agentId of [...byAgent.keys()].sort()) {
    const pool = byAgent
      .get(agentId)!
      .sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    const places = Math.max(0, request.settings.perAgent - (request.filled?.get(agentId) ?? 0));
    const weights = pool.map((c) => weightOf(c.outcomes, request.settings.outcomeWeights));
    const pi = inclusionProbabilities(
      weights,
      Math.min(places, pool.length),
      request.settings.randomFloorPercent / 100,
    );
    const picked = systematicDraw(pi, seededUniform(seedOf(`${seed}|${agentId}`))).sort(
      (a, b) => pool[a].startedAt.getTime() - pool[b].startedAt.getTime(),
    );
    const all = places >= pool.length;
    picked.forEach((index, position) => {
      const c = pool[index];
      samples.push({
        sessionId: c.sessionId,
        agentId,
        startedAt: c.startedAt,
        weight: weights[index],
        inclusionProbability: pi[index],
        reason: all ? 'all' : pi[index] >= 1 ? 'certain' : 'drawn',
        outcomes: [...c.outcomes],
        position,
      });
    });
    mix.push(mixOf(agentId, pool, pi, new Set(picked), places));
  }
  return { seed, samples, mix };
}

/** What the sample looks like against the day: per outcome, sessions that had it, expected and realised picks. */
function mixOf(agentId: string, pool: Candidate[], pi: number[], picked: Set<number>, places: number): AgentMix {
  const byOutcome = Object.fromEntries(
    [...OUTCOMES, 'none'].map((o) => [o, { population: 0, expected: 0, picked: 0 }]),
  ) as AgentMix['byOutcome'];
  pool.forEach((c, i) => {
    for (const o of c.outcomes.length ? c.outcomes : (['none'] as const)) {
      byOutcome[o].population += 1;
      byOutcome[o].expected += pi[i];
      if (picked.has(i)) byOutcome[o].picked += 1;
    }
  });
  for (const tally of Object.values(byOutcome)) tally.expected = Math.round(tally.expected * 1000) / 1000;
  return { agentId, candidates: pool.length, places, picked: picked.size, byOutcome };
}
