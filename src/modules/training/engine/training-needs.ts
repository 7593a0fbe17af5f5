/**
 * Training needs: QC findings of the recent past, grouped by category and weighted by severity and
 * frequency, with the agents affected and a few quotes to teach from; requested topics join the list.
 */

export interface Finding {
  category: string;
  /** Severity weight, e.g. minor 1, major 3, critical 10 (the shop's scale, mapped by the caller). */
  severity: number;
  agentId: string;
  quote: string | null;
  foundAt: number;
}

export interface RequestedTopic {
  category: string;
  requestedBy: string;
  note: string | null;
}

export interface TrainingNeed {
  category: string;
  /** Σ severity over the category's findings: frequency × mean severity. */
  score: number;
  findings: number;
  affectedAgents: { agentId: string; findings: number; score: number }[];
  exampleQuotes: string[];
  requests: RequestedTopic[];
}

/** Needs ranked by score (then by requests, then by name), most pressing first. */
export function rankTrainingNeeds(
  findings: Finding[],
  requests: RequestedTopic[] = [],
  quotesPerNeed = 3,
): TrainingNeed[] {
  const needs = new Map<
    string,
    {
      need: TrainingNeed;
      agents: Map<string, { findings: number; score: number }>;
      quotes: { quote: string; severity: number; at: number }[];
    }
  >();
  const entry = (category: string) => {
    let e = needs.get(category);
    if (!e) {
      e = {
        need: { category, score: 0, findings: 0, affectedAgents: [], exampleQuotes: [], requests: [] },
        agents: new Map(),
        quotes: [],
      };
      needs.set(category, e);
    }
    return e;
  };
  for (const f of findings) {
    if (!(f.severity >= 0 && Number.isFinite(f.severity)))
      throw new RangeError(`severity must be a finite number ≥ 0, got ${f.severity}`);
    const e = entry(f.category);
    e.need.score += f.severity;
    e.need.findings++;
    const agent = e.agents.get(f.agentId) ?? { findings: 0, score: 0 };
    agent.findings++;
    agent.score += f.severity;
    e.agents.set(f.agentId, agent);
    if (f.quote) e.quotes.push({ quote: f.quote, severity: f.severity, at: f.foundAt });
  }
  for (const r of requests) entry(r.category).need.requests.push(r);
  return [...needs.values()]
    .map(({ need, agents, quotes }) => ({
      ...need,
      affectedAgents: [...agents]
        .map(([agentId, a]) => ({ agentId, ...a }))
        .sort((a, b) => b.score - a.score || a.agentId.localeCompare(b.agentId)),
      // The gravest and most recent quotes teach best; duplicates teach nothing new.
      exampleQuotes: [
        ...new Set(quotes.sort((a, b) => b.severity - a.severity || b.at - a.at).map((q) => q.quote)),
      ].slice(0, quotesPerNeed),
    }))
    .sort((a, b) => b.score - a.score || b.requests.length - a.requests.length || a.category.localeCompare(b.category));
}
