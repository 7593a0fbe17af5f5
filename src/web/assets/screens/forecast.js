/** Forecast (manager): per queue forecast vs actual per slot with the band, adjustments, accuracy. */
import { del, followJob, get, post } from '../api.js';
import { badge, card, clear, empty, field, h, options } from '../elements.js';
import { addDays, dateTime, num, percent, todayIn, zonedToUtc } from '../format.js';
import { t } from '../i18n.js';
import { dateInput, guarded, jobProgress, notice } from './common.js';
import { forecastChart } from './forecast-chart.js';

const state = { queueId: null, from: null, days: 1 };

const stat = (label, value, id) =>
  h('div', { class: 'stat', id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));

function accuracyStats(comparison) {
  const m = comparison.accuracy?.model ?? {};
  // Without a slot that has both a forecast and an actual there is no error to report: "no data".
  const some = (value) => (m.count ? value : null);
  return h(
    'div',
    { class: 'stats' },
    stat(t('forecast.wape'), percent(comparison.wape), 'wape'),
    stat(t('forecast.adjustedWape'), percent(comparison.adjustedWape)),
    stat('MAE', num(some(m.mae), 2)),
    stat('RMSE', num(some(m.rmse), 2)),
    stat(t('forecast.bias'), num(some(m.bias), 2)),
    stat(t('forecast.pairs'), num(m.count ?? 0, 0)),
  );
}

function backtestCard(forecast, accuracy, zone) {
  if (!forecast) return card(t('forecast.backtest'), null, empty(t('forecast.noForecast')));
  const rows = (accuracy?.candidates ?? []).map((c) =>
    h(
      'tr',
      { class: c.method === accuracy.method ? 'row-top' : '' },
      h('td', null, c.method, c.method === accuracy.method ? [' ', badge(t('forecast.chosen'), 'good')] : null),
      h('td', { class: 'num' }, percent(c.wape)),
    ),
  );
  return card(
    t('forecast.backtest'),
    null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('forecast.period')),
      h('dd', null, `${forecast.fromDate} – ${forecast.toDate}`),
      h('dt', null, t('forecast.method')),
      h('dd', null, forecast.methodChosen ?? '—'),
      h('dt', null, t('forecast.made')),
      h('dd', null, dateTime(forecast.completedAt ?? forecast.createdAt, zone)),
    ),
    rows.length
      ? h(
          'table',
          { class: 'data compact' },
          h('thead', null, h('tr', null, h('th', null, t('forecast.method')), h('th', { class: 'num' }, 'WAPE'))),
          h('tbody', null, rows),
        )
      : null,
  );
}

function adjustmentForm(ctx, onSaved) {
  const date = state.from;
  const fromDate = h('input', { type: 'date', name: 'fromDate', value: date });
  const fromTime = h('input', { type: 'time', name: 'fromTime', value: '20:00', step: 1800 });
  const toDate = h('input', { type: 'date', name: 'toDate', value: date });
  const toTime = h('input', { type: 'time', name: 'toTime', value: '23:00', step: 1800 });
  const kind = h(
    'select',
    { name: 'kind' },
    options(
      [
        ['percent', t('forecast.percent')],
        ['absolute', t('forecast.absolute')],
      ],
      'percent',
    ),
  );
  const value = h('input', { type: 'number', name: 'value', value: 20, step: 'any' });
  const reason = h('input', { name: 'reason', placeholder: t('forecast.reasonHint'), maxlength: 500 });
  const out = h('div');
  const form = h(
    'form',
    { class: 'form-row spaced', id: 'adjustment-form' },
    field(t('forecast.from'), h('div', { class: 'tools' }, fromDate, fromTime)),
    field(t('forecast.to'), h('div', { class: 'tools' }, toDate, toTime)),
    field(t('forecast.kind'), kind),
    field(t('forecast.value'), value),
    field(t('forecast.reason'), reason),
    h('button', { type: 'submit', class: 'primary' }, t('common.add')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await post('/forecast-adjustments', {
        queueId: state.queueId,
        from: zonedToUtc(fromDate.value, fromTime.value, ctx.zone),
        to: zonedToUtc(toDate.value, toTime.value, ctx.zone),
        kind: kind.value,
        value: Number(value.value),
        reason: reason.value,
      });
      onSaved();
    } catch (error) {
      clear(
        out,
        notice(
          'error',
          [error.message, ...(error.problem?.errors ?? []).map((x) => `${x.field}: ${x.message}`)].join(' · '),
        ),
      );
    }
  });
  return h('div', null, form, out);
}

export async function renderForecast(root, ctx) {
  const listed = await get('/queues');
  const queues = (listed.items ?? listed).filter((q) => q.kind === 'realtime' && q.active !== false);
  state.from ??= todayIn(ctx.zone);
  if (!queues.some((q) => q.id === state.queueId)) state.queueId = queues[0]?.id ?? null;
  const writer = ctx.can('manager', 'admin');
  const head = h('div', { class: 'toolbar' });
  const status = h('div');
  const content = h('div', { class: 'stack' });
  clear(root, head, status, content);
  if (!state.queueId) return clear(content, card(t('nav.forecast'), null, empty(t('forecast.noQueues'))));

  const load = guarded(status, async () => {
    const from = zonedToUtc(state.from, '00:00', ctx.zone);
    const to = zonedToUtc(addDays(state.from, state.days), '00:00', ctx.zone);
    const [comparison, forecasts, adjustments] = await Promise.all([
      get(`/queues/${state.queueId}/forecast-vs-actual`, { from, to }),
      get('/forecasts', { queueId: state.queueId, status: 'completed', limit: 1 }),
      get('/forecast-adjustments', { queueId: state.queueId, from, to, limit: 200 }),
    ]);
    const newest = forecasts.items[0];
    const accuracy = newest ? await get(`/forecasts/${newest.id}/accuracy`).catch(() => null) : null;
    const adjustmentRows = adjustments.items.map((a) =>
      h(
        'tr',
        null,
        h('td', null, dateTime(a.from, ctx.zone)),
        h('td', null, dateTime(a.to, ctx.zone)),
        h(
          'td',
          null,
          a.kind === 'percent'
            ? `${a.value > 0 ? '+' : ''}${a.value}%`
            : `${a.value > 0 ? '+' : ''}${a.value} / ${t('forecast.slot')}`,
        ),
        h('td', null, a.reason),
        writer
          ? h(
              'td',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'small danger',
                  onclick: async () => {
                    await del(`/forecast-adjustments/${a.id}`);
                    await load();
                  },
                },
                t('common.delete'),
              ),
            )
          : null,
      ),
    );
    clear(
      content,
      card(
        t('forecast.vsActual'),
        null,
        forecastChart(comparison.items, ctx.zone),
        h('div', { style: { marginTop: '14px' } }, accuracyStats(comparison)),
      ),
      h(
        'div',
        { class: 'two-col' },
        card(
          t('forecast.adjustments'),
          null,
          adjustmentRows.length
            ? h(
                'table',
                { class: 'data compact', id: 'adjustments' },
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    [t('forecast.from'), t('forecast.to'), t('forecast.value'), t('forecast.reason')].map((x) =>
                      h('th', null, x),
                    ),
                    writer ? h('th') : null,
                  ),
                ),
                h('tbody', null, adjustmentRows),
              )
            : empty(t('forecast.noAdjustments')),
          writer ? adjustmentForm(ctx, load) : null,
        ),
        backtestCard(newest, accuracy, ctx.zone),
      ),
    );
  });

  const generate = async () => {
    const progress = jobProgress(t('forecast.generating'));
    clear(status, progress.el);
    try {
      const created = await post('/forecasts', { queueIds: [state.queueId], from: state.from, weeks: 2 });
      await followJob(created.forecasts[0].jobId, progress.update);
      clear(status, notice('ok', t('forecast.generated')));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
    await load();
  };

  // Every active queue in one request (POST /forecasts without queueIds), each followed to the end.
  const generateAll = async () => {
    const progress = jobProgress(t('forecast.generatingAll'));
    clear(status, progress.el);
    try {
      const created = await post('/forecasts', { from: state.from, weeks: 2 });
      for (const f of created.forecasts) await followJob(f.jobId, progress.update);
      clear(status, notice('ok', t('forecast.generatedAll', { count: created.forecasts.length })));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
    await load();
  };

  clear(
    head,
    h(
      'select',
      {
        id: 'queue-pick',
        'aria-label': t('forecast.queue'),
        onchange: (e) => {
          state.queueId = e.target.value;
          load();
        },
      },
      options(
        queues.map((q) => [q.id, `${q.name} (${q.code})`]),
        state.queueId,
      ),
    ),
    dateInput(
      state.from,
      (v) => {
        state.from = v;
        load();
      },
      t('common.date'),
    ),
    h(
      'select',
      {
        'aria-label': t('forecast.span'),
        onchange: (e) => {
          state.days = Number(e.target.value);
          load();
        },
      },
      options(
        [
          [1, t('forecast.oneDay')],
          [7, t('forecast.sevenDays')],
        ],
        state.days,
      ),
    ),
    h('span', { class: 'spacer' }),
    writer ? h('button', { type: 'button', id: 'new-forecast', onclick: generate }, t('forecast.new')) : null,
    writer ? h('button', { type: 'button', id: 'forecast-all', onclick: generateAll }, t('forecast.all')) : null,
  );
  await load();
}

export default {
  id: 'forecast',
  label: 'nav.forecast',
  roles: ['manager', 'trainer', 'admin'],
  render: renderForecast,
};
