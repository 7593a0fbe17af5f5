/** Rankings (HR): the month's table with metrics, points, flags; ledger entries; approve; Excel. */
import { downloadExport, exportKinds, followJob, get, getAll, post } from '../api.js';
import { badge, card, clear, empty, h, options } from '../elements.js';
import { figure, lastCompleteMonth, num, todayIn } from '../format.js';
import { lang, t } from '../i18n.js';
import { guarded, jobProgress, kpiDefinitions, kpiName, notice } from './common.js';

const state = { month: null, rankingId: null };

function rankingTable(ranking, defs) {
  const metrics = [...new Set(ranking.ranked.flatMap((r) => Object.keys(r.metrics)))];
  if (!ranking.ranked.length) return empty(t('rankings.nobody'));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data compact', id: 'ranking-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { class: 'num' }, '#'),
          h('th', null, t('common.agent')),
          h('th', null, t('common.team')),
          metrics.map((m) => h('th', { class: 'num' }, kpiName(defs, m))),
          h('th', { class: 'num' }, t('rankings.total')),
          h('th', { class: 'num' }, t('rankings.percentile')),
          h('th', null, t('rankings.flags')),
        ),
      ),
      h(
        'tbody',
        null,
        ranking.ranked.map((r) =>
          h(
            'tr',
            { class: r.bottom ? 'row-bad' : r.top ? 'row-top' : '' },
            h('td', { class: 'num' }, r.rank),
            h(
              'td',
              null,
              h('div', { class: 'agent-name' }, r.agentName),
              h('div', { class: 'agent-meta' }, r.employeeNo),
            ),
            h('td', null, r.teamName),
            metrics.map((m) =>
              h(
                'td',
                { class: 'num' },
                h('div', null, figure(r.metrics[m]?.value, defs.get(m)?.unit)),
                h('div', { class: 'hint' }, `${num(r.metrics[m]?.points, 1)} ${t('rankings.points')}`),
              ),
            ),
            h('td', { class: 'num' }, h('strong', null, num(r.total, 2))),
            h('td', { class: 'num' }, num(r.percentile, 0)),
            h(
              'td',
              null,
              r.top ? badge(t('rankings.top'), 'good') : null,
              r.bottom ? badge(t('rankings.bottom'), 'bad') : null,
            ),
          ),
        ),
      ),
    ),
  );
}

function ineligibleList(ranking) {
  if (!ranking.ineligible?.length) return null;
  return h(
    'details',
    { class: 'hint' },
    h('summary', null, t('rankings.ineligible', { count: ranking.ineligible.length })),
    h(
      'ul',
      null,
      ranking.ineligible.map((x) =>
        h('li', null, `${x.agentName} (${x.employeeNo}, ${x.teamName}): ${x.reasons.join('; ')}`),
      ),
    ),
  );
}

function ledgerTable(entries, names, ctx, reload) {
  if (!entries.length) return empty(t('rankings.noLedger'));
  const approver = ctx.can('hr', 'admin');
  const decide = (entry, verdict) => post(`/ledger/${entry.id}/${verdict}`).then(reload);
  return h(
    'table',
    { class: 'data compact', id: 'ledger' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [
          t('common.agent'),
          t('rankings.kind'),
          t('rankings.amount'),
          t('rankings.reason'),
          t('rankings.source'),
          t('common.status'),
        ].map((x) => h('th', null, x)),
        approver ? h('th') : null,
      ),
    ),
    h(
      'tbody',
      null,
      entries.map((e) =>
        h(
          'tr',
          null,
          h('td', null, names.get(e.agentId) ?? e.agentId.slice(0, 8)),
          h('td', null, t(`ledger.${e.kind}`)),
          h(
            'td',
            { class: `num ${e.amountCents < 0 ? 'bad-text' : ''}` },
            figure(e.amountCents, 'cents', ctx.shop?.currency),
          ),
          h('td', null, e.reason),
          h('td', null, t(`ledger.source.${e.source}`)),
          h(
            'td',
            null,
            badge(t(`status.${e.status}`), e.status === 'approved' ? 'good' : e.status === 'rejected' ? 'bad' : 'warn'),
          ),
          approver
            ? h(
                'td',
                null,
                e.status === 'proposed'
                  ? [
                      h(
                        'button',
                        { type: 'button', class: 'small', onclick: () => decide(e, 'approve') },
                        t('rankings.approve'),
                      ),
                      ' ',
                      h(
                        'button',
                        { type: 'button', class: 'small danger', onclick: () => decide(e, 'reject') },
                        t('rankings.reject'),
                      ),
                    ]
                  : null,
              )
            : null,
        ),
      ),
    ),
  );
}

export async function renderRankings(root, ctx) {
  state.month ??= lastCompleteMonth(todayIn(ctx.zone));
  const defs = await kpiDefinitions();
  const runner = ctx.can('hr', 'manager', 'admin');
  const approver = ctx.can('hr', 'admin');
  const [scorecards, kinds, agents] = await Promise.all([
    runner ? get('/scorecards') : [],
    exportKinds(),
    getAll('/agents'),
  ]);
  const names = new Map(agents.map((a) => [a.id, `${a.name} (${a.employeeNo})`]));
  const rankingExport = kinds.find((k) => k.kind === 'ranking');
  const head = h('div', { class: 'toolbar' });
  const status = h('div');
  const content = h('div', { class: 'stack' });
  clear(root, head, status, content);

  const load = guarded(status, async () => {
    const runs = (await get('/rankings', { month: state.month, limit: 100 })).items;
    if (!runs.some((r) => r.id === state.rankingId)) state.rankingId = runs[0]?.id ?? null;
    const chosen = runs.find((r) => r.id === state.rankingId);
    const ranking =
      chosen && ['completed', 'approved'].includes(chosen.status) ? await get(`/rankings/${chosen.id}`) : null;
    const ledger = await getAll('/ledger', { month: state.month });
    const scorecard = (id) => scorecards.find((s) => s.id === id)?.name ?? '';
    const scorecardPick =
      runner && scorecards.length
        ? h(
            'select',
            { id: 'scorecard-pick', 'aria-label': t('rankings.scorecard') },
            options(scorecards.map((s) => [s.id, s.name])),
          )
        : null;
    clear(
      head,
      h('input', {
        type: 'month',
        value: state.month,
        'aria-label': t('common.month'),
        onchange: (e) => {
          if (e.target.value) {
            state.month = e.target.value;
            state.rankingId = null;
            load();
          }
        },
      }),
      runs.length
        ? h(
            'select',
            {
              id: 'ranking-pick',
              'aria-label': t('rankings.version'),
              onchange: (e) => {
                state.rankingId = e.target.value;
                load();
              },
            },
            options(
              runs.map((r) => [r.id, `${scorecard(r.scorecardId)} v${r.version} · ${t(`status.${r.status}`)}`]),
              state.rankingId,
            ),
          )
        : null,
      chosen
        ? badge(
            t(`status.${chosen.status}`),
            chosen.status === 'approved' ? 'good' : chosen.status === 'failed' ? 'bad' : 'info',
          )
        : null,
      h('span', { class: 'spacer' }),
      scorecardPick,
      scorecardPick
        ? h(
            'button',
            { type: 'button', id: 'compute-ranking', onclick: () => compute(scorecardPick.value) },
            t('rankings.compute'),
          )
        : null,
      approver && chosen?.status === 'completed'
        ? h(
            'button',
            { type: 'button', class: 'primary', id: 'approve-ranking', onclick: () => approve(chosen) },
            t('rankings.approveRanking'),
          )
        : null,
      ranking && rankingExport
        ? h(
            'button',
            { type: 'button', id: 'download-ranking', onclick: () => download(ranking) },
            t('common.downloadExcel'),
          )
        : null,
    );
    clear(
      content,
      card(
        t('rankings.table', { month: state.month }),
        null,
        ranking
          ? [rankingTable(ranking, defs), ineligibleList(ranking)]
          : empty(chosen ? t(`status.${chosen.status}`) : t('rankings.none')),
      ),
      card(t('rankings.ledger'), null, ledgerTable(ledger, names, ctx, load)),
    );
  });

  const compute = async (scorecardId) => {
    const progress = jobProgress(t('rankings.computing'));
    clear(status, progress.el);
    try {
      const created = await post('/rankings', { month: state.month, scorecardId });
      await followJob(created.jobId, progress.update);
      state.rankingId = created.rankingId;
      clear(status, notice('ok', t('rankings.computed')));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
    await load();
  };

  const approve = async (chosen) => {
    try {
      const approved = await post(`/rankings/${chosen.id}/approve`);
      clear(status, notice('ok', t('rankings.approved', { count: approved.ledgerEntriesProposed ?? 0 })));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
    await load();
  };

  const download = async (ranking) => {
    const progress = jobProgress(t('common.preparingFile'));
    clear(status, progress.el);
    try {
      clear(
        status,
        notice(
          'ok',
          t('common.downloaded', {
            name: await downloadExport(
              'ranking',
              { rankingId: ranking.id, month: ranking.month },
              lang(),
              progress.update,
            ),
          }),
        ),
      );
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };

  await load();
}

export default {
  id: 'rankings',
  label: 'nav.rankings',
  roles: ['hr', 'manager', 'supervisor', 'admin'],
  render: renderRankings,
};
