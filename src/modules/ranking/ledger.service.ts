import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { conflict, forbidden, notFound } from 'src/platform/errors/common-problems';
import type { Page } from 'src/platform/http/pagination';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { LedgerEntry, LedgerRepository, NewLedgerEntry } from './ledger.repository';
import type { CreateLedgerEntryBody, ListLedgerQuery, RewardRule } from './ranking.dto';
import type { RankingRowView, RankingRun } from './ranking.repository';

/** A penalty is booked negative, a bonus positive, an improvement plan carries no money. */
export function signedCents(kind: RewardRule['kind'], amountCents: number): number {
  if (kind === 'penalty') return amountCents === 0 ? 0 : -amountCents;
  return kind === 'bonus' ? amountCents : 0;
}

/** The entries the scorecard's rules give the flagged rows of an approved ranking. */
export function ruleEntries(run: Pick<RankingRun, 'id' | 'shopId' | 'month' | 'scorecard'>, rows: Pick<RankingRowView, 'agentId' | 'rank' | 'top' | 'bottom'>[]): NewLedgerEntry[] {
  const rules = ((run.scorecard as { rewardRules?: RewardRule[] }).rewardRules ?? []);
  return rules.flatMap((rule, ruleIndex) =>
    rows
      .filter((r) => (rule.flag === 'top' ? r.top : r.bottom))
      .map((r) => ({
        shopId: run.shopId, agentId: r.agentId, month: run.month, kind: rule.kind, amountCents: signedCents(rule.kind, rule.amountCents),
        reason: `${rule.note} (rank ${r.rank})`, source: 'rule', rankingRunId: run.id, ruleIndex, status: 'proposed',
      })),
  );
}

/** Reward/penalty ledger: rule entries from approved rankings and manual entries with a reason; HR decides. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly entries: LedgerRepository,
    private readonly scope: AgentScope,
  ) {}

  bookRules(run: RankingRun, rows: RankingRowView[]): Promise<number> {
    return this.entries.insertFromRules(ruleEntries(run, rows));
  }

  /** Agents see their own entries, supervisors their teams', everyone else the shop's. */
  async list(actor: Actor, query: ListLedgerQuery): Promise<Page<LedgerEntry>> {
    const visible = await this.scope.visibleAgentIds(actor);
    if (query.agentId && visible && !visible.includes(query.agentId)) throw forbidden('This agent is outside your scope');
    const { rows, total } = await this.entries.list(actor.shopId, query, visible);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async create(actor: Actor, body: CreateLedgerEntryBody): Promise<LedgerEntry> {
    if (!(await this.entries.agentExists(actor.shopId, body.agentId))) throw notFound('Agent');
    return this.entries.insert({
      shopId: actor.shopId, agentId: body.agentId, month: body.month, kind: body.kind, amountCents: signedCents(body.kind, body.amountCents),
      reason: body.reason, source: 'manual', status: 'proposed', createdBy: actor.userId,
    });
  }

  async decide(actor: Actor, id: string, status: 'approved' | 'rejected'): Promise<LedgerEntry> {
    const entry = await this.entries.find(actor.shopId, id);
    if (!entry) throw notFound('Ledger entry');
    const decided = await this.entries.decide(actor.shopId, id, status, actor.userId);
    if (!decided) throw conflict(`The entry is already ${entry.status}`, { state: entry.status });
    return decided;
  }
}
