/** My work (agent): only the signed-in agent's own shifts, KPIs, QC reviews, coaching and ledger. */
import { get, getAll } from '../api.js';
import { badge, card, clear, empty, h } from '../elements.js';
import { addDays, clockOfLocal, dateTime, dayLabel, figure, mondayOf, num, todayIn, zonedToUtc } from '../format.js';
import { t } from '../i18n.js';
import { kpiDefinitions, kpiName } from './common.js';
import { coachingTable } from './qc.js';
import { rosterGrid } from './roster-grid.js';

const state = { week: null };
const HEADLINE = [
  'inquiries',
  'orderConversion',
  'serviceSales',
  'averageOrderValue',
  'firstResponseSeconds',
  'satisfaction',
  'qcScore',
  'complaints',
];

async function shiftsCard(ctx, me) {
  const to = addDays(state.week, 6);
  const [mine, leave] = await Promise.all([
    get('/me/shifts', { from: state.week, to }),
    getAll('/leave', { from: state.week, to, status: 'approved' }).catch(() => []),
  ]);
  const byDate = new Map(mine.items.map((s) => [s.date, s]));
  const days = Array.from({ length: 7 }, (_, i) => addDays(state.week, i));
  const leaveDays = new Set();
  for (const l of leave.filter((x) => x.agentId === me.id))
    for (let d = l.startDate; d <= l.endDate; d = addDays(d, 1)) leaveDays.add(`${me.id}/${d}`);
  const roster = {
    days: days.map((date) => ({ date, hours: 24 })),
    agents: [
      {
        agentId: me.id,
        name: me.name,
        employeeNo: me.employeeNo,
        teamId: me.teamId,
        days: days.map((date) => ({ date, shift: byDate.get(date) ?? null })),
      },
    ],
  };
  const grid = rosterGrid(
    {
      roster,
      agentsById: new Map(),
      teamsById: new Map(),
      leaveDays,
      filterTeam: '',
      filterSkill: '',
      showCounts: false,
    },
    null,
  );
  const week = h(
    'div',
    { class: 'week-nav' },
    h(
      'button',
      {
        type: 'button',
        class: 'ghost',
        id: 'my-previous-week',
        'aria-label': t('roster.prevWeek'),
        onclick: () => {
          state.week = addDays(state.week, -7);
          ctx.redraw();
        },
      },
      '‹',
    ),
    h('span', null, `${dayLabel(state.week)} – ${dayLabel(to)}`),
    h(
      'button',
      {
        type: 'button',
        class: 'ghost',
        id: 'my-next-week',
        'aria-label': t('roster.nextWeek'),
        onclick: () => {
          state.week = addDays(state.week, 7);
          ctx.redraw();
        },
      },
      '›',
    ),
  );
  return card(t('me.shifts'), week, mine.items.length ? null : h('p', { class: 'hint' }, t('me.noPublished')), grid);
}

async function kpiCard(ctx) {
  // The last 30 complete days: early in a month, month-to-date would be one or two days (often days off).
  const today = addDays(todayIn(ctx.zone), -1);
  const from = addDays(today, -29);
  const [defs, rows] = await Promise.all([
    kpiDefinitions(),
    get('/kpis', { level: 'agent', from, to: today, period: 'total', metrics: HEADLINE.join(',') }),
  ]);
  const values = rows.items[0]?.values ?? {};
  return card(
    t('me.kpis', { from: dayLabel(from), to: dayLabel(today) }),
    null,
    h(
      'div',
      { class: 'stats', id: 'my-kpis' },
      HEADLINE.map((key) =>
        h(
          'div',
          { class: 'stat' },
          h('div', { class: 'label' }, kpiName(defs, key)),
          h('div', { class: 'value' }, figure(values[key], defs.get(key)?.unit, ctx.shop?.currency)),
        ),
      ),
    ),
  );
}

async function reviewsCard(ctx) {
  const reviews = (await get('/qc/reviews', { limit: 20 })).items;
  if (!reviews.length) return card(t('me.reviews'), null, empty(t('common.none')));
  return card(
    t('me.reviews'),
    null,
    h(
      'table',
      { class: 'data compact', id: 'my-reviews' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [t('qc.session'), t('qc.score'), t('common.status'), t('qc.comment'), t('qc.finding')].map((x) =>
            h('th', null, x),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        reviews.map((r) =>
          h(
            'tr',
            { class: r.failed ? 'row-bad' : '' },
            h('td', null, dateTime(r.sessionStartedAt, ctx.zone)),
            h('td', { class: 'num' }, num(r.totalScore, 1)),
            h(
              'td',
              null,
              r.failed
                ? badge(t('qc.failed'), 'bad')
                : r.coachingTaskId
                  ? badge(t('coaching.below_threshold'), 'warn')
                  : badge(t('qc.passed'), 'good'),
            ),
            h('td', null, r.comment ?? ''),
            h(
              'td',
              null,
              (r.findings ?? []).map((f) => badge(`${f.category} · ${t(`severity.${f.severity}`)}`, 'warn')),
            ),
          ),
        ),
      ),
    ),
  );
}

async function trainingCard(ctx) {
  const today = todayIn(ctx.zone);
  const sessions = (
    await get('/training/sessions', {
      from: zonedToUtc(addDays(today, -7), '00:00', ctx.zone),
      to: zonedToUtc(addDays(today, 29), '00:00', ctx.zone),
    })
  ).items;
  if (!sessions.length) return null;
  return card(
    t('me.training'),
    null,
    h(
      'table',
      { class: 'data compact', id: 'my-training' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [t('training.when'), t('training.title'), t('training.category')].map((x) => h('th', null, x)),
        ),
      ),
      h(
        'tbody',
        null,
        sessions.map((s) =>
          h(
            'tr',
            null,
            h(
              'td',
              null,
              `${dayLabel(s.start.local.slice(0, 10))} ${clockOfLocal(s.start.local)}–${clockOfLocal(s.end.local)}`,
            ),
            h('td', null, s.title),
            h('td', null, s.category),
          ),
        ),
      ),
    ),
  );
}

async function ledgerCard(ctx) {
  const entries = (await get('/ledger', { limit: 20 })).items;
  if (!entries.length) return null;
  return card(
    t('rankings.ledger'),
    null,
    h(
      'table',
      { class: 'data compact' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [t('common.month'), t('rankings.kind'), t('rankings.amount'), t('rankings.reason'), t('common.status')].map(
            (x) => h('th', null, x),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        entries.map((e) =>
          h(
            'tr',
            null,
            h('td', null, e.month),
            h('td', null, t(`ledger.${e.kind}`)),
            h('td', { class: 'num' }, figure(e.amountCents, 'cents', ctx.shop?.currency)),
            h('td', null, e.reason),
            h('td', null, badge(t(`status.${e.status}`), e.status === 'approved' ? 'good' : 'warn')),
          ),
        ),
      ),
    ),
  );
}

export async function renderMyWork(root, ctx) {
  state.week ??= mondayOf(todayIn(ctx.zone));
  const me = await get('/agents/me');
  const draw = async () => {
    const names = new Map([[me.id, me.name]]);
    const safe = (promise) =>
      promise.catch((e) => card(t('common.none'), null, h('div', { class: 'notice notice-error' }, e.message)));
    const sections = await Promise.all([
      shiftsCard({ ...ctx, redraw }, me),
      safe(kpiCard(ctx)),
      safe(trainingCard(ctx)),
      safe(reviewsCard(ctx)),
      safe(
        getAll('/qc/coaching-tasks').then((tasks) =>
          card(t('qc.coaching'), null, coachingTable(tasks, names, ctx, redraw)),
        ),
      ),
      safe(ledgerCard(ctx)),
    ]);
    clear(root, h('div', { class: 'stack', id: 'my-work' }, sections));
  };
  // The week buttons redraw from a click: a failure there is shown, not lost.
  const redraw = () =>
    draw().catch((e) => root.prepend(h('div', { class: 'notice notice-error', role: 'alert' }, e.message)));
  await draw();
}

export default { id: 'me', label: 'nav.me', roles: ['agent'], render: renderMyWork };
