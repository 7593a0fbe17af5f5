/** Complaints: the list with its deadline clocks, one complaint with its audit trail, and its next steps. */
import { get, getAll } from '../api.js';
import { badge, card, clear, h } from '../elements.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { guarded } from './common.js';
import {
  attributionDialog,
  createDialog,
  pairs,
  reassignDialog,
  STATUSES,
  transitionDialog,
} from './complaint-forms.js';
import { rulesCard } from './complaint-rules.js';
import { saved, table } from './forms.js';

const STATUS_TONE = {
  open: 'warn',
  in_progress: 'info',
  waiting_customer: 'neutral',
  resolved: 'good',
  closed: 'good',
};
const state = { status: '', overdue: false, selectedId: null };

/** A span of time in days, hours and minutes, in the page's language. */
export function span(ms) {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [
    d ? t('time.days', { n: d }) : null,
    hours ? t('time.hours', { n: hours }) : null,
    !d && m ? t('time.minutes', { n: m }) : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A deadline: met or missed once done, else the time left (or how late it is), ticking each minute. */
function deadlineClock(due, doneAt, zone) {
  if (!due) return '—';
  if (doneAt)
    return badge(
      t(Date.parse(doneAt) <= Date.parse(due) ? 'complaints.met' : 'complaints.missed', { at: dateTime(doneAt, zone) }),
      Date.parse(doneAt) <= Date.parse(due) ? 'good' : 'bad',
    );
  const el = h('span', { class: 'deadline-clock' });
  const draw = () => {
    const left = Date.parse(due) - Date.now();
    clear(
      el,
      left >= 0
        ? badge(t('complaints.dueIn', { span: span(left) }), left < 3_600_000 ? 'warn' : 'info')
        : badge(t('complaints.lateBy', { span: span(-left) }), 'bad'),
      h('span', { class: 'hint' }, ` ${dateTime(due, zone)}`),
    );
  };
  draw();
  const timer = window.setInterval(() => (el.isConnected ? draw() : window.clearInterval(timer)), 60_000);
  return el;
}

function detailCard(c, ctx, agents, onChanged) {
  const names = agents.names;
  const change = (id, text, open) =>
    h(
      'button',
      {
        type: 'button',
        class: 'small ghost',
        id,
        onclick: async () => {
          const changed = await open();
          if (changed) onChanged(changed, t('complaints.changed'));
        },
      },
      text,
    );
  const who = (e) => [e.actorName ?? t('complaints.system'), e.actorRole ? ` (${t(`role.${e.actorRole}`)})` : ''];
  const steps = [
    c.status === 'closed' ? null : change('reassign', t('complaints.reassign'), () => reassignDialog(c)),
    change('attribute', t('complaints.attribute'), () => attributionDialog(c, agents.pairs)),
  ];
  const moves = c.allowedTransitions.map((to) =>
    h(
      'button',
      {
        type: 'button',
        class: to === 'resolved' ? 'small primary' : 'small',
        'data-to': to,
        onclick: async () => {
          const changed = await transitionDialog(c, to);
          if (changed) onChanged(changed, t('complaints.moved', { status: changed.statusLabel }));
        },
      },
      t(`complaints.to.${to}`),
    ),
  );
  const facts = [
    [t('complaints.status'), badge(c.statusLabel, STATUS_TONE[c.status])],
    [t('complaints.received'), dateTime(c.receivedAt, ctx.zone)],
    [t('complaints.channel'), c.channelLabel],
    [t('complaints.category'), `${c.categoryLabel} · ${c.severityLabel}`],
    [t('complaints.department'), c.departmentLabel],
    [t('complaints.agent'), c.agentId ? names.get(c.agentId) : t('complaints.noAgent')],
    [t('complaints.atFault'), t(c.agentAtFault ? 'form.yes' : 'form.no')],
    [t('complaints.order'), c.orderExternalId ?? '—'],
    [t('complaints.firstResponse'), deadlineClock(c.firstResponseDueAt, c.firstRespondedAt, ctx.zone)],
    [t('complaints.resolveBy'), deadlineClock(c.resolveDueAt, c.resolvedAt ?? c.closedAt, ctx.zone)],
    c.outcome ? [t('complaints.outcome'), `${c.outcomeLabel} · ${c.customerFeedback ?? ''}`] : null,
    c.overdue ? [t('complaints.overdue'), badge(c.overdueReasonLabel ?? t('complaints.overdue'), 'bad')] : null,
  ].filter(Boolean);
  return h(
    'div',
    { id: 'complaint-detail' },
    card(
      t('complaints.detail', { category: c.categoryLabel }),
      [...steps, ...moves],
      c.description ? h('p', { class: 'complaint-text' }, c.description) : null,
      h(
        'dl',
        { class: 'facts' },
        facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
      ),
      h('h3', { class: 'sub-title' }, t('complaints.trail')),
      table(
        'complaint-trail',
        [t('complaints.when'), t('complaints.who'), t('complaints.what'), t('complaints.change'), t('complaints.note')],
        c.events.map((e) => [
          dateTime(e.at, ctx.zone),
          who(e),
          e.kindLabel,
          e.fromLabel || e.toLabel ? `${e.fromLabel ?? '—'} → ${e.toLabel ?? '—'}` : '',
          e.note ?? '',
        ]),
      ),
    ),
  );
}

async function renderComplaints(root, ctx) {
  const agents = await getAll('/agents');
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const agentPairs = agents.map((a) => [a.id, `${a.name} (${a.employeeNo})`]);
  const status = h('div');
  const list = h('div');
  const detail = h('div');
  const show = async (complaint, message) => {
    state.selectedId = complaint.id;
    clear(
      detail,
      detailCard(complaint, ctx, { names, pairs: agentPairs }, (changed, text) => show(changed, text).then(load)),
    );
    if (message) saved(status, message);
  };
  const load = guarded(status, async () => {
    const page = await get('/complaints', { status: state.status, overdue: state.overdue || undefined, limit: 200 });
    const rows = page.items.map((c) =>
      h(
        'tr',
        {
          class: c.id === state.selectedId ? 'row-selected' : '',
          'data-complaint': c.id,
          onclick: async () => show(await get(`/complaints/${c.id}`)).then(load),
        },
        h('td', null, dateTime(c.receivedAt, ctx.zone)),
        h('td', null, c.categoryLabel),
        h('td', null, c.severityLabel),
        h('td', null, badge(c.statusLabel, STATUS_TONE[c.status])),
        h('td', null, c.agentId ? (names.get(c.agentId) ?? '—') : t('complaints.noAgent')),
        h('td', null, c.departmentLabel),
        h('td', null, deadlineClock(c.resolveDueAt, c.resolvedAt ?? c.closedAt, ctx.zone)),
      ),
    );
    clear(
      list,
      card(
        t('complaints.list', { count: page.total }),
        null,
        table(
          'complaints',
          [
            t('complaints.received'),
            t('complaints.category'),
            t('complaints.severity'),
            t('complaints.status'),
            t('complaints.agent'),
            t('complaints.department'),
            t('complaints.resolveBy'),
          ],
          rows,
          t('complaints.none'),
        ),
      ),
    );
  });
  const toolbar = h(
    'div',
    { class: 'toolbar' },
    h(
      'select',
      {
        id: 'complaint-status',
        'aria-label': t('complaints.status'),
        onchange: (e) => {
          state.status = e.target.value;
          load();
        },
      },
      h('option', { value: '' }, t('complaints.allStatuses')),
      pairs(STATUSES, 'complaints.status').map(([v, l]) => h('option', { value: v, selected: v === state.status }, l)),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'complaint-overdue',
        checked: state.overdue,
        onchange: (e) => {
          state.overdue = e.target.checked;
          load();
        },
      }),
      t('complaints.overdueOnly'),
    ),
    h('span', { class: 'spacer' }),
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: 'new-complaint',
        onclick: async () => {
          const created = await createDialog(agentPairs);
          if (created) await show(created, t('complaints.created')).then(load);
        },
      },
      t('complaints.new'),
    ),
  );
  const rules = rulesCard(ctx, status);
  clear(root, toolbar, status, h('div', { class: 'stack' }, list, detail, rules.el));
  await Promise.all([load(), rules.load()]);
  // Back on the screen (or in the other language): the complaint that was open stays open.
  if (state.selectedId) await guarded(status, async () => show(await get(`/complaints/${state.selectedId}`)))();
}

export default {
  id: 'complaints',
  label: 'nav.complaints',
  roles: ['manager', 'supervisor', 'qc', 'admin'],
  render: renderComplaints,
};
