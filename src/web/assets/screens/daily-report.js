/** Daily report (日报) for supervisors and managers: per team and the shop, against last week. */
import { downloadExport, exportKinds, get } from '../api.js';
import { card, clear, empty, h } from '../elements.js';
import { addDays, dayLabel, figure, num, todayIn } from '../format.js';
import { lang, t } from '../i18n.js';
import { dateInput, guarded, jobProgress, kpiDefinitions, kpiName, notice } from './common.js';

const state = { date: null };

function changeCell(f, definition) {
  if (!f || f.change === null || f.change === undefined) return h('span', { class: 'hint' }, '—');
  const better = definition?.direction === 'lower' ? f.change < 0 : f.change > 0;
  const arrow = f.change === 0 ? '→' : f.change > 0 ? '▲' : '▼';
  // A rate moves in percentage points; a count or an amount by a share of last week's value.
  const sign = f.change > 0 ? '+' : '';
  const text =
    definition?.unit === 'ratio'
      ? `${sign}${num(f.change * 100, 1)} pp`
      : f.changePercent === null || f.changePercent === undefined
        ? figure(f.change, definition?.unit)
        : `${sign}${num(f.changePercent, 1)}%`;
  return h('span', { class: f.change === 0 ? 'hint' : better ? 'up' : 'down' }, `${arrow} ${text}`);
}

export async function renderDailyReport(root, ctx) {
  state.date ??= addDays(todayIn(ctx.zone), -1);
  const defs = await kpiDefinitions();
  const head = h('div', { class: 'toolbar' });
  const status = h('div');
  const content = h('div', { class: 'stack' });
  clear(root, head, status, content);
  const load = guarded(status, async () => {
    const report = await get('/reports/daily', { date: state.date });
    const rows = [
      ...(report.shop ? [{ name: t('daily.shop'), figures: report.shop.figures, total: true }] : []),
      ...report.teams.map((x) => ({ name: x.teamName, figures: x.figures })),
    ];
    const metrics = report.metrics;
    const table = rows.length
      ? h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'data', id: 'daily-report' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', null, t('common.team')),
                metrics.map((m) => h('th', { class: 'num' }, kpiName(defs, m))),
              ),
            ),
            h(
              'tbody',
              null,
              rows.map((r) =>
                h(
                  'tr',
                  { class: r.total ? 'total' : '' },
                  h('td', null, r.name),
                  metrics.map((m) => {
                    const f = r.figures[m];
                    return h(
                      'td',
                      { class: 'num' },
                      h('div', null, figure(f?.value, defs.get(m)?.unit)),
                      h('div', { class: 'hint' }, changeCell(f, defs.get(m))),
                    );
                  }),
                ),
              ),
            ),
          ),
        )
      : empty(t('common.none'));
    clear(
      content,
      card(
        t('daily.title', { date: dayLabel(report.date), previous: dayLabel(report.comparedWith) }),
        null,
        table,
        h('p', { class: 'hint' }, t('daily.noData')),
      ),
    );
  });
  const reportExport = (await exportKinds()).some((k) => k.kind === 'daily-report');
  const download = async () => {
    const progress = jobProgress(t('common.preparingFile'));
    clear(status, progress.el);
    try {
      clear(
        status,
        notice(
          'ok',
          t('common.downloaded', {
            name: await downloadExport('daily-report', { date: state.date }, lang(), progress.update),
          }),
        ),
      );
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };
  clear(
    head,
    dateInput(
      state.date,
      (v) => {
        state.date = v;
        load();
      },
      t('common.date'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'ghost',
        onclick: () => {
          state.date = addDays(state.date, -1);
          load();
          head.querySelector('input').value = state.date;
        },
      },
      t('daily.previousDay'),
    ),
    h('span', { class: 'spacer' }),
    reportExport
      ? h('button', { type: 'button', id: 'download-daily-report', onclick: download }, t('common.downloadExcel'))
      : null,
  );
  await load();
}

export default {
  id: 'daily',
  label: 'nav.daily',
  roles: ['manager', 'supervisor', 'hr', 'qc', 'admin'],
  render: renderDailyReport,
};
