/** My work (agent): only the signed-in agent's own shifts, KPIs, QC reviews, coaching and ledger. */
import { get, getAll } from '../api.js';
import { badge, card, clear, empty, h } from '../elements.js';
import { addDays, clockOfLocal, dateTime, dayLabel, figure, mondayOf, num, todayIn, zonedToUtc } from '../format.js';
import { t } from '../i18n.js';
import { kpiDefinitions, kpiName, notice } from './common.js';
import { myShiftsCard } from './my-shifts.js';
import { feedCard } from './notifications.js';
import { coachingTable } from './qc.js';
import { openShiftsCard, requestsCard } from './my-requests.js';

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
  // What the last request answered (approved at once, waiting, refused), kept across the redraw it causes.
  const status = h('div', { class: 'status-area', id: 'my-status' });
  const say = (tone, text) => status.replaceChildren(notice(tone, text));
  const draw = async () => {
    const names = new Map([[me.id, me.name]]);
    const safe = (promise) =>
      promise.catch((e) => card(t('common.none'), null, h('div', { class: 'notice notice-error' }, e.message)));
    const sections = await Promise.all([
      myShiftsCard(ctx, me, state, redraw, say),
      safe(requestsCard(ctx, me, say, redraw)),
      safe(openShiftsCard(ctx, me, say, redraw)),
      safe(feedCard(ctx, redraw)),
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
    clear(root, status, h('div', { class: 'stack', id: 'my-work' }, sections));
  };
  // The week buttons and requests redraw from a click: a failure there is shown, not lost.
  const redraw = () => draw().catch((e) => say('error', e.message));
  await draw();
}

export default { id: 'me', label: 'nav.me', roles: ['agent'], render: renderMyWork };
