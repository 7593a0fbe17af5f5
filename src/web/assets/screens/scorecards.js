/** Scorecards: the appraisal rules of each role group — weighted KPIs, eligibility floor, top and bottom. */
import { get, patch, post } from '../api.js';
import { badge, card, clear, h, options } from '../elements.js';
import { figure, num } from '../format.js';
import { t } from '../i18n.js';
import { guarded, kpiDefinitions, kpiName } from './common.js';
import { choice, formDialog, input, numberOf, saved, table, valueOf } from './forms.js';

const ROLE_GROUPS = ['pre_sales', 'after_sales'];
const TIE_RULES = ['heaviest_metric', 'inquiries'];

/** The metric rows of the dialog: a KPI and its weight each, rows added and removed in place. */
function metricRows(defs, metrics) {
  const kpis = [...defs.values()].map((d) => [d.key, kpiName(defs, d.key)]);
  const list = h('div', { class: 'metric-rows', id: 'metric-rows' });
  const total = h('span', { class: 'hint', id: 'weight-total' });
  const sum = () => {
    const weights = [...list.querySelectorAll('input[name=weight]')].map((x) => Number(x.value) || 0);
    total.textContent = t('scorecards.totalWeight', {
      total: num(
        weights.reduce((a, b) => a + b, 0),
        1,
      ),
    });
  };
  const add = (metric, weight) => {
    const row = h(
      'div',
      { class: 'form-row metric-row' },
      h('select', { name: 'metric', 'aria-label': t('scorecards.metric') }, options(kpis, metric)),
      h('input', {
        name: 'weight',
        type: 'number',
        min: 0,
        max: 100,
        step: 'any',
        value: weight,
        'aria-label': t('scorecards.weight'),
        oninput: sum,
      }),
      h(
        'button',
        {
          type: 'button',
          class: 'small ghost',
          onclick: () => {
            row.remove();
            sum();
          },
        },
        t('form.remove'),
      ),
    );
    list.append(row);
    sum();
  };
  for (const m of metrics) add(m.metric, m.weight);
  const more = h(
    'button',
    { type: 'button', class: 'small', id: 'add-metric', onclick: () => add(kpis[0][0], 10) },
    t('scorecards.addMetric'),
  );
  const read = () =>
    [...list.querySelectorAll('.metric-row')].map((row) => ({
      metric: row.querySelector('select').value,
      weight: Number(row.querySelector('input').value),
    }));
  return { el: h('div', { class: 'stack-tight' }, list, h('div', { class: 'form-row' }, more, total)), read };
}

function scorecardDialog(defs, current) {
  const c = current ?? { metrics: [], minDaysWorked: 15, minInquiries: 300, topN: 3, bottomPercent: 10 };
  const metrics = metricRows(defs, c.metrics);
  const labels = {
    name: t('scorecards.name'),
    roleGroup: t('scorecards.roleGroup'),
    metrics: t('scorecards.metrics'),
    'metrics.metric': t('scorecards.metric'),
    'metrics.weight': t('scorecards.weight'),
    minDaysWorked: t('scorecards.minDays'),
    minInquiries: t('scorecards.minInquiries'),
    topN: t('scorecards.topN'),
    bottomPercent: t('scorecards.bottomPercent'),
    tieRule: t('scorecards.tieRule'),
  };
  const number = (name, value, max) => input(name, { type: 'number', min: 0, max, value });
  return formDialog(
    current ? t('scorecards.edit', { name: current.name }) : t('scorecards.new'),
    'scorecard-form',
    [
      [
        [labels.name, input('name', { maxlength: 80, value: c.name ?? '' })],
        [
          labels.roleGroup,
          choice(
            'roleGroup',
            ROLE_GROUPS.map((g) => [g, t(`roleGroup.${g}`)]),
            c.roleGroup,
          ),
        ],
      ],
      h('div', { class: 'field-label' }, labels.metrics),
      metrics.el,
      [
        [labels.minDaysWorked, number('minDaysWorked', c.minDaysWorked, 31)],
        [labels.minInquiries, number('minInquiries', c.minInquiries)],
        [labels.topN, number('topN', c.topN, 100)],
        [labels.bottomPercent, number('bottomPercent', c.bottomPercent, 50)],
        [
          labels.tieRule,
          choice(
            'tieRule',
            TIE_RULES.map((r) => [r, t(`scorecards.tie.${r}`)]),
            c.tieRule,
          ),
        ],
      ],
    ],
    (form) => {
      const body = {
        name: valueOf(form, 'name') ?? '',
        roleGroup: valueOf(form, 'roleGroup'),
        metrics: metrics.read(),
        minDaysWorked: numberOf(form, 'minDaysWorked'),
        minInquiries: numberOf(form, 'minInquiries'),
        topN: numberOf(form, 'topN'),
        bottomPercent: numberOf(form, 'bottomPercent'),
        tieRule: valueOf(form, 'tieRule'),
      };
      return current ? patch(`/scorecards/${current.id}`, body) : post('/scorecards', body);
    },
    { labels, wide: true },
  );
}

function scorecardCard(s, defs, ctx, edit) {
  const total = s.metrics.reduce((a, m) => a + m.weight, 0);
  return h(
    'div',
    { 'data-scorecard': s.id },
    card(
      s.name,
      [
        badge(t(`roleGroup.${s.roleGroup}`), 'info'),
        ctx.can('manager', 'hr', 'admin')
          ? h('button', { type: 'button', class: 'small', 'data-edit': s.id, onclick: () => edit(s) }, t('form.edit'))
          : null,
      ],
      table(
        null,
        [t('scorecards.metric'), `#${t('scorecards.weight')}`, `#${t('scorecards.share')}`],
        s.metrics.map((m) => [
          kpiName(defs, m.metric),
          num(m.weight, 1),
          figure(total ? m.weight / total : null, 'ratio'),
        ]),
      ),
      h(
        'p',
        { class: 'hint' },
        t('scorecards.rules', {
          days: s.minDaysWorked,
          inquiries: s.minInquiries,
          top: s.topN,
          bottom: s.bottomPercent,
          tie: t(`scorecards.tie.${s.tieRule}`),
        }),
      ),
      s.rewardRules.length
        ? h(
            'ul',
            { class: 'warnings' },
            s.rewardRules.map((r) =>
              h(
                'li',
                null,
                `${t(`scorecards.flag.${r.flag}`)} · ${t(`ledger.${r.kind}`)} · ${figure(r.amountCents, 'cents', ctx.shop?.currency)} · ${r.note}`,
              ),
            ),
          )
        : null,
    ),
  );
}

async function renderScorecards(root, ctx) {
  const defs = await kpiDefinitions();
  const status = h('div');
  const list = h('div', { class: 'stack', id: 'scorecards' });
  const edit = async (current) => {
    const result = await scorecardDialog(defs, current);
    if (result) {
      await load();
      saved(status, t(current ? 'scorecards.saved' : 'scorecards.created', { name: result.name }));
    }
  };
  const load = guarded(status, async () => {
    const cards = await get('/scorecards');
    clear(
      list,
      cards.length
        ? cards.map((s) => scorecardCard(s, defs, ctx, edit))
        : card(t('nav.scorecards'), null, h('p', { class: 'empty' }, t('scorecards.none'))),
    );
  });
  clear(
    root,
    h(
      'div',
      { class: 'toolbar' },
      h('p', { class: 'hint' }, t('scorecards.explain')),
      h('span', { class: 'spacer' }),
      h(
        'button',
        { type: 'button', class: 'primary', id: 'new-scorecard', onclick: () => edit(null) },
        t('scorecards.new'),
      ),
    ),
    status,
    list,
  );
  await load();
}

export default {
  id: 'scorecards',
  label: 'nav.scorecards',
  roles: ['manager', 'hr', 'admin'],
  render: renderScorecards,
};
