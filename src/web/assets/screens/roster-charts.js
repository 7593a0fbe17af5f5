/** Under the grid: coverage per slot (requirement vs scheduled, gaps red), objective, warnings, diff. */
import { badge, empty, h, svg } from '../elements.js';
import { clockOfLocal, dayLabel, num } from '../format.js';
import { t } from '../i18n.js';

const W = 1100;
const H = 220;
const PAD = { left: 36, right: 10, top: 12, bottom: 26 };

/** Inline SVG: scheduled agents as bars, the requirement as a step line, missing agents red. */
export function coverageChart(roster, skill) {
  const points = roster.coverage.filter((c) => c.skill === skill);
  if (points.length === 0) return empty(t('roster.noCoverage'));
  const max = Math.max(1, ...points.map((p) => Math.max(p.required, p.scheduled)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / points.length;
  const y = (v) => PAD.top + plotH - (v / max) * plotH;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'coverage-chart',
    role: 'img',
    'aria-label': t('roster.coverage'),
  });
  for (let v = 0; v <= max; v += Math.max(1, Math.ceil(max / 5))) {
    chart.append(
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'grid-line' }),
      svg('text', { x: PAD.left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, v),
    );
  }
  let path = '';
  points.forEach((p, i) => {
    const x = PAD.left + i * step;
    chart.append(
      svg(
        'rect',
        {
          x: x + 0.5,
          y: y(p.scheduled),
          width: Math.max(1, step - 1),
          height: y(0) - y(p.scheduled),
          class: 'bar-scheduled',
        },
        svg(
          'title',
          null,
          `${p.local.slice(0, 10)} ${clockOfLocal(p.local)} · ${t('roster.required')} ${num(p.required)} · ${t('roster.scheduled')} ${p.scheduled}${p.away ? ` · ${t('roster.away')} ${p.away}` : ''}`,
        ),
      ),
    );
    if (p.gap < 0)
      chart.append(
        svg('rect', {
          x: x + 0.5,
          y: y(p.required),
          width: Math.max(1, step - 1),
          height: y(p.scheduled) - y(p.required),
          class: 'bar-gap',
        }),
      );
    path += `${i === 0 ? 'M' : 'L'}${x},${y(p.required)} L${x + step},${y(p.required)} `;
  });
  chart.append(svg('path', { d: path, class: 'line-required' }));
  let previous = null;
  points.forEach((p, i) => {
    const date = p.local.slice(0, 10);
    if (date === previous) return;
    previous = date;
    const x = PAD.left + i * step;
    chart.append(
      svg('line', { x1: x, x2: x, y1: PAD.top, y2: H - PAD.bottom, class: 'day-line' }),
      svg('text', { x: x + 4, y: H - 8, class: 'axis' }, dayLabel(date)),
    );
  });
  const short = points.filter((p) => p.gap < 0);
  const summary = h(
    'div',
    { class: 'chart-summary' },
    h('span', { class: 'legend legend-scheduled' }, t('roster.scheduled')),
    h('span', { class: 'legend legend-required' }, t('roster.required')),
    h('span', { class: 'legend legend-gap' }, t('roster.gap')),
    h(
      'span',
      { class: short.length ? 'bad-text' : 'good-text' },
      t('roster.shortSlots', { count: short.length, total: points.length }),
    ),
  );
  return h('div', null, summary, h('div', { class: 'chart-wrap' }, chart));
}

/** Day-cover demand: required vs scheduled per day and shift template. */
export function dayCoverTable(roster) {
  if (!roster.dayCoverage?.length) return null;
  return h(
    'table',
    { class: 'data compact' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [
          t('roster.day'),
          t('roster.shift'),
          t('roster.skill'),
          t('roster.required'),
          t('roster.scheduled'),
          t('roster.gap'),
        ].map((x) => h('th', null, x)),
      ),
    ),
    h(
      'tbody',
      null,
      roster.dayCoverage.map((c) =>
        h(
          'tr',
          { class: c.gap < 0 ? 'row-bad' : '' },
          h('td', null, dayLabel(c.date)),
          h('td', null, c.shiftTemplate ?? c.code ?? ''),
          h('td', null, c.skill ?? '—'),
          h('td', { class: 'num' }, c.required),
          h('td', { class: 'num' }, c.scheduled),
          h('td', { class: `num ${c.gap < 0 ? 'bad-text' : ''}` }, c.gap > 0 ? `+${c.gap}` : c.gap),
        ),
      ),
    ),
  );
}

export function objectivePanel(roster) {
  const terms = Object.entries(roster.objective?.terms ?? {});
  const total = roster.objective?.total ?? 0;
  const rows = terms.map(([name, value]) =>
    h(
      'tr',
      null,
      h('td', null, t(`objective.${name}`)),
      h('td', { class: 'num' }, num(value, 1)),
      h(
        'td',
        { class: 'bar-cell' },
        h('span', { class: 'mini-bar', style: { width: `${total ? Math.round((value / total) * 100) : 0}%` } }),
      ),
    ),
  );
  const solve = roster.solve ?? {};
  return h(
    'div',
    null,
    h(
      'table',
      { class: 'data compact' },
      h(
        'tbody',
        null,
        rows,
        h(
          'tr',
          { class: 'total' },
          h('td', null, t('objective.total')),
          h('td', { class: 'num' }, num(total, 1)),
          h('td'),
        ),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('roster.bound')),
      h('dd', null, num(solve.lowerBound, 1)),
      h('dt', null, t('roster.optGap')),
      h('dd', null, solve.gap === null || solve.gap === undefined ? '—' : `${num(solve.gap * 100, 2)}%`),
      h('dt', null, t('roster.stoppedBy')),
      h(
        'dd',
        null,
        solve.stoppedBy
          ? t(`stop.${solve.stoppedBy}`) === `stop.${solve.stoppedBy}`
            ? solve.stoppedBy
            : t(`stop.${solve.stoppedBy}`)
          : '—',
      ),
      h('dt', null, t('roster.seconds')),
      h('dd', null, num(solve.seconds, 1)),
    ),
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The API names agents and shift templates by id in rule texts; people read names. */
export function agentNamer(roster, templates = []) {
  const names = new Map([
    ...roster.agents.map((a) => [a.agentId, `${a.name} (${a.employeeNo})`]),
    ...templates.map((x) => [x.id, `${x.code} ${x.name}`]),
  ]);
  return (text) => String(text ?? '').replace(UUID, (id) => names.get(id) ?? id);
}

/** A rule's name in the page's language, or its code when the page does not know it. */
export const ruleName = (rule) => (t(`rule.${rule}`) === `rule.${rule}` ? rule : t(`rule.${rule}`));

export function warningsPanel(roster, templates) {
  const named = agentNamer(roster, templates);
  const items = [
    ...(roster.warnings ?? []).map((w) => h('li', null, badge(t('roster.warning'), 'warn'), ' ', w)),
    ...(roster.infeasibilities ?? []).map((x) => h('li', null, badge(ruleName(x.rule), 'bad'), ' ', named(x.detail))),
    ...(roster.violations ?? []).map((x) => h('li', null, badge(ruleName(x.rule), 'bad'), ' ', named(x.detail))),
  ];
  return items.length ? h('ul', { class: 'warnings' }, items) : h('p', { class: 'good-text' }, t('roster.noWarnings'));
}

const shiftText = (s) =>
  s ? `${s.name ?? s.code} ${clockOfLocal(s.start.local)}–${clockOfLocal(s.end.local)}` : t('roster.dayOff');

export function diffTable(diff) {
  if (!diff.changes.length) return empty(t('roster.noDifferences'));
  return h(
    'table',
    { class: 'data compact', id: 'diff-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [t('roster.agent'), t('roster.day'), t('roster.change'), `v${diff.from}`, `v${diff.to}`].map((x) =>
          h('th', null, x),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      diff.changes.map((c) =>
        h(
          'tr',
          null,
          h('td', null, `${c.name} (${c.employeeNo})`),
          h('td', null, dayLabel(c.date)),
          h('td', null, badge(t(`change.${c.change}`), c.change === 'removed' ? 'bad' : 'info')),
          h('td', null, shiftText(c.from)),
          h('td', null, shiftText(c.to)),
        ),
      ),
    ),
  );
}
