import { Direction, percentilePoints } from './percentile-points';

export type ScoredMetric = { metric: string; weight: number; direction: Direction };
/**
 * How equal totals are ordered. `heaviest_metric`: more points in the heaviest metric first (then
 * the next heaviest, …), then more inquiries; `inquiries`: more inquiries first. Both end with
 * the lower employee number, so a ranking is always a strict order.
 */
export type TieRule = 'heaviest_metric' | 'inquiries';

export type RankingRules = {
  metrics: ScoredMetric[];
  minDaysWorked: number;
  minInquiries: number;
  topN: number;
  bottomPercent: number;
  tieRule: TieRule;
};

export type Candidate = {
  agentId: string;
  /** The last tie-breaker (the employee number). */
  tieKey: string;
  daysWorked: number;
  inquiries: number;
  values: Record<string, number | null>;
};

export type MetricScore = { value: number | null; points: number | null };

export type RankedAgent = {
  agentId: string;
  rank: number;
  total: number;
  percentile: number;
  top: boolean;
  bottom: boolean;
  metrics: Record<string, MetricScore>;
};

/** Why an agent is not ranked (stored as these codes; the words are made on reading). */
export type IneligibleReason = 'min-days-worked' | 'min-inquiries';
export type IneligibleAgent = { agentId: string; reasons: IneligibleReason[]; metrics: Record<string, MetricScore> };

export type GroupRanking = { ranked: RankedAgent[]; ineligible: IneligibleAgent[] };

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * Ranks one scorecard group (one shop's pre-sales or after-sales agents for a month). Agents below
 * the eligibility floor are listed apart and do not shape anyone's points. Each metric is turned
 * into percentile-rank points within the eligible group (direction-aware, "no data" = 0 points),
 * the total is the weighted mean of points, and the order follows the total and the tie rule.
 * Flags: top N, and the bottom X % (rounded up; never an agent who is also in the top N).
 */
export function rankGroup(candidates: Candidate[], rules: RankingRules): GroupRanking {
  const ineligible: IneligibleAgent[] = [];
  const eligible: Candidate[] = [];
  for (const c of candidates) {
    const reasons: IneligibleReason[] = [];
    if (c.daysWorked < rules.minDaysWorked) reasons.push('min-days-worked');
    if (c.inquiries < rules.minInquiries) reasons.push('min-inquiries');
    if (reasons.length) {
      ineligible.push({
        agentId: c.agentId,
        reasons,
        metrics: Object.fromEntries(
          rules.metrics.map((m) => [m.metric, { value: c.values[m.metric] ?? null, points: null }]),
        ),
      });
    } else {
      eligible.push(c);
    }
  }

  const points = rules.metrics.map((m) =>
    percentilePoints(
      eligible.map((c) => c.values[m.metric] ?? null),
      m.direction,
    ),
  );
  const weightSum = rules.metrics.reduce((s, m) => s + m.weight, 0);
  const scored = eligible.map((c, i) => {
    const metrics: Record<string, MetricScore> = {};
    let weighted = 0;
    rules.metrics.forEach((m, k) => {
      const p = points[k][i];
      metrics[m.metric] = { value: c.values[m.metric] ?? null, points: p === null ? null : round(p, 2) };
      weighted += m.weight * (p ?? 0);
    });
    return {
      candidate: c,
      metrics,
      total: weightSum > 0 ? round(weighted / weightSum, 3) : 0,
      rawPoints: rules.metrics.map((_, k) => points[k][i] ?? 0),
    };
  });

  const byWeight = rules.metrics
    .map((m, k) => ({ weight: m.weight, k }))
    .sort((a, b) => b.weight - a.weight || a.k - b.k);
  scored.sort((a, b) => {
    if (a.total !== b.total) return b.total - a.total;
    if (rules.tieRule === 'heaviest_metric') {
      for (const { k } of byWeight) if (a.rawPoints[k] !== b.rawPoints[k]) return b.rawPoints[k] - a.rawPoints[k];
    }
    if (a.candidate.inquiries !== b.candidate.inquiries) return b.candidate.inquiries - a.candidate.inquiries;
    return a.candidate.tieKey < b.candidate.tieKey ? -1 : a.candidate.tieKey > b.candidate.tieKey ? 1 : 0;
  });

  const n = scored.length;
  const bottomCount = rules.bottomPercent > 0 ? Math.ceil((n * rules.bottomPercent) / 100) : 0;
  const ranked = scored.map((s, i) => {
    const rank = i + 1;
    const top = rank <= rules.topN;
    return {
      agentId: s.candidate.agentId,
      rank,
      total: s.total,
      percentile: n === 1 ? 100 : round((100 * (n - rank)) / (n - 1), 2),
      top,
      bottom: !top && rank > n - bottomCount,
      metrics: s.metrics,
    };
  });
  return { ranked, ineligible };
}
