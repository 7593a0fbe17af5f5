import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { fillText } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import type { Page } from 'src/platform/http/pagination';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { LedgerEntry, LedgerRepository, NewLedgerEntry, RankedLedgerEntry } from './ledger.repository';
import { LedgerKindLabels, LedgerSourceLabels, LedgerStatusLabels, RankingTexts } from './ranking.labels';
import { RankingProblems } from './ranking.problems';
import type { CreateLedgerEntryBody, ListLedgerQuery, RewardRule } from './ranking.dto';
import type { RankingRowView, RankingRun } from './ranking.repository';

/** A penalty is booked negative, a bonus positive, an improvement plan carries no money. */
export function signedCents(kind: RewardRule['kind'], amountCents: number): number {
  if (kind === 'penalty') return amountCents === 0 ? 0 : -amountCents;
  return kind === 'bonus' ? amountCents : 0;
}

/** The entries the scorecard's rules give the flagged rows of an approved ranking. */
export function ruleEntries(
  run: Pick<RankingRun, 'id' | 'shopId' | 'month' | 'scorecard'>,
  rows: Pick<RankingRowView, 'agentId' | 'rank' | 'top' | 'bottom'>[],
): NewLedgerEntry[] {
  const rules = (run.scorecard as { rewardRules?: RewardRule[] }).rewardRules ?? [];
  return rules.flatMap((rule, ruleIndex) =>
    rows
      .filter((r) => (rule.flag === 'top' ? r.top : r.bottom))
      .map((r) => ({
        shopId: run.shopId,
        agentId: r.agentId,
        month: run.month,
        kind: rule.kind,
        amountCents: signedCents(rule.kind, rule.amountCents),
        reason: rule.note,
        source: 'rule',
        rankingRunId: run.id,
        ruleIndex,
        status: 'proposed',
      })),
  );
}

/** An entry as a reader sees it: labels in their language, a rule entry's reason with its rank. */
export type LedgerEntryView = RankedLedgerEntry & { kindLabel: string; statusLabel: string; sourceLabel: string };

// Rule entries booked before the rank was kept apart carry it in English in the reason.
const OLD_RANK_SUFFIX = / \(rank \d+\)$/;

export function ledgerView(entry: RankedLedgerEntry): LedgerEntryView {
  const reason =
    entry.source === 'rule' && entry.rank !== null
      ? say(fillText(RankingTexts.ruleReason, { note: entry.reason.replace(OLD_RANK_SUFFIX, ''), rank: entry.rank }))
      : entry.reason;
  return {
    ...entry,
    reason,
    kindLabel: labelIn(LedgerKindLabels, entry.kind),
    statusLabel: labelIn(LedgerStatusLabels, entry.status),
    sourceLabel: labelIn(LedgerSourceLabels, entry.source),
  };
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
  async list(actor: Actor, query: ListLedgerQuery): Promise<Page<LedgerEntryView>> {
    const visible = await this.scope.visibleAgentIds(actor);
    if (query.agentId && visible && !visible.includes(query.agentId)) throw RankingProblems.agentOutOfScope();
    const { rows, total } = await this.entries.list(actor.shopId, query, visible);
    return { items: rows.map(ledgerView), total, limit: query.limit, offset: query.offset };
  }

  async create(actor: Actor, body: CreateLedgerEntryBody): Promise<LedgerEntryView> {
    if (!(await this.entries.agentExists(actor.shopId, body.agentId))) throw RankingProblems.agentNotFound();
    return this.view(
      await this.entries.insert({
        shopId: actor.shopId,
        agentId: body.agentId,
        month: body.month,
        kind: body.kind,
        amountCents: signedCents(body.kind, body.amountCents),
        reason: body.reason,
        source: 'manual',
        status: 'proposed',
        createdBy: actor.userId,
      }),
    );
  }

  async decide(actor: Actor, id: string, status: 'approved' | 'rejected'): Promise<LedgerEntryView> {
    const entry = await this.entries.find(actor.shopId, id);
    if (!entry) throw RankingProblems.entryNotFound();
    const decided = await this.entries.decide(actor.shopId, id, status, actor.userId);
    if (!decided)
      throw RankingProblems.entryDecided(
        { state: labelOf(LedgerStatusLabels, entry.status) },
        { extra: { state: entry.status } },
      );
    return this.view(decided);
  }

  private async view(entry: LedgerEntry): Promise<LedgerEntryView> {
    return ledgerView(await this.entries.ranked(entry));
  }
}
