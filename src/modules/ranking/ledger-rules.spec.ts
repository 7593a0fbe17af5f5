import { withLocale } from 'src/platform/i18n/request-locale';
import type { RankedLedgerEntry } from './ledger.repository';
import { ledgerView, ruleEntries, signedCents } from './ledger.service';
import { monthDays } from 'src/platform/time/calendar-date';

describe('reward/penalty rules', () => {
  const run = {
    id: 'run-1',
    shopId: 'shop-1',
    month: '2026-11',
    scorecard: {
      rewardRules: [
        { flag: 'top', kind: 'bonus', amountCents: 50_000, note: '前三奖励' },
        { flag: 'bottom', kind: 'penalty', amountCents: 10_000, note: '末位扣款' },
        { flag: 'bottom', kind: 'improvement_plan', amountCents: 0, note: '改进计划' },
      ],
    },
  };
  const rows = [
    { agentId: 'a', rank: 1, top: true, bottom: false },
    { agentId: 'b', rank: 2, top: false, bottom: false },
    { agentId: 'c', rank: 3, top: false, bottom: true },
  ];

  it('turns each flag into one entry per matching rule, signed by kind, proposed', () => {
    const entries = ruleEntries(run, rows);
    expect(entries.map((e) => [e.agentId, e.kind, e.amountCents, e.ruleIndex, e.status, e.reason])).toEqual([
      ['a', 'bonus', 50_000, 0, 'proposed', '前三奖励'],
      ['c', 'penalty', -10_000, 1, 'proposed', '末位扣款'],
      ['c', 'improvement_plan', 0, 2, 'proposed', '改进计划'],
    ]);
    expect(entries.every((e) => e.source === 'rule' && e.rankingRunId === 'run-1' && e.month === '2026-11')).toBe(true);
  });

  it('books nothing without rules, and no money for an improvement plan', () => {
    expect(ruleEntries({ ...run, scorecard: {} }, rows)).toEqual([]);
    expect(signedCents('improvement_plan', 900)).toBe(0);
    expect(signedCents('penalty', 0)).toBe(0);
  });

  it('spans a whole calendar month', () => {
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('shows a rule entry’s reason with its rank, and kinds, states and sources as words, in the reader’s language', () => {
    const entry = {
      kind: 'bonus',
      status: 'proposed',
      source: 'rule',
      reason: '前三奖励',
      rank: 2,
    } as RankedLedgerEntry;
    expect(withLocale('zh', () => ledgerView(entry))).toMatchObject({
      reason: '前三奖励（第 2 名）',
      kindLabel: '奖励',
      statusLabel: '待审批',
      sourceLabel: '考核规则',
    });
    expect(withLocale('en', () => ledgerView(entry))).toMatchObject({
      reason: '前三奖励 (rank 2)',
      kindLabel: 'bonus',
      statusLabel: 'proposed',
      sourceLabel: 'scorecard rule',
    });
    // Entries booked before the rank was kept apart had it in English in the reason.
    expect(withLocale('zh', () => ledgerView({ ...entry, reason: '前三奖励 (rank 2)' })).reason).toBe(
      '前三奖励（第 2 名）',
    );
    expect(withLocale('zh', () => ledgerView({ ...entry, source: 'manual', reason: '加班', rank: null })).reason).toBe(
      '加班',
    );
  });
});
