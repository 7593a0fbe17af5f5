/**
 * The intraday day view: one day on one time axis. Per real-time queue (its skill) the agents
 * required and scheduled per slot with the projected service level and answer time (GET /intraday,
 * the staffing engine); below, every agent's published shift as a bar with its breaks and training.
 * A slot short of agents is a button: it shows who could cover it (GET /intraday/suggestions).
 */
import { ApiError, get } from '../api.js';
import { card, clear, empty, h, options } from '../elements.js';
import { addDays, localTime, mondayOf, num, percent, todayIn } from '../format.js';
import { t } from '../i18n.js';
import { dateInput, guarded, notice } from './common.js';
import { carriedInto, dayTrack } from './roster-grid.js';

const state = { date: null, queue: '' };
const minutesOf = (iso, zone) => {
  const [hh, mm] = localTime(iso, zone).split(':').map(Number);
  return hh * 60 + mm;
};
const place = (from, minutes) => ({ left: `${(from / 1440) * 100}%`, width: `${(minutes / 1440) * 100}%` });

/** Hour marks every two hours, shared by every track. */
function axis() {
  const marks = [];
  for (let hour = 0; hour < 24; hour += 2)
    marks.push(h('span', { class: 'axis-mark', style: { left: `${(hour / 24) * 100}%` } }, `${hour}:00`));
  return h(
    'div',
    { class: 'day-row axis-row' },
    h('div', { class: 'day-row-label' }),
    h('div', { class: 'axis-track' }, marks),
  );
}

/** The rows of one queue: required, scheduled (a short slot is a button), projected service level and answer time. */
function queueRows(view, zone, onGap) {
  const cells = (kind, text, extra = () => ({})) =>
    view.items.map((i) => {
      const from = minutesOf(i.start, zone);
      const attrs = extra(i);
      return h(
        attrs.onclick ? 'button' : 'span',
        {
          type: attrs.onclick ? 'button' : undefined,
          class: `slot-cell slot-${kind} ${attrs.class ?? ''}`,
          style: place(from, i.slotMinutes),
          title: `${localTime(i.start, zone)} · ${t('intraday.required')} ${num(i.required, 1)} · ${t('intraday.scheduled')} ${num(i.scheduled, 1)}`,
          'data-start': i.start,
          onclick: attrs.onclick,
        },
        text(i),
      );
    });
  const short = (i) => i.scheduled + 1e-9 < i.required;
  const below = (i) => i.projected?.belowTarget;
  const row = (label, track) =>
    h(
      'div',
      { class: 'day-row' },
      h('div', { class: 'day-row-label' }, label),
      h('div', { class: 'slot-track' }, track),
    );
  return [
    row(
      t('intraday.required'),
      cells('required', (i) => num(i.required, 0)),
    ),
    row(
      t('intraday.scheduled'),
      cells(
        'scheduled',
        (i) => num(i.scheduled, 0),
        (i) => (short(i) ? { class: 'gap', onclick: (e) => onGap(view, i, e.currentTarget) } : {}),
      ),
    ),
    row(
      t('intraday.serviceLevel', { seconds: view.target.answerWithinSeconds }),
      cells(
        'sl',
        (i) => (i.projected ? Math.round(i.projected.serviceLevel * 100) : ''),
        (i) => (below(i) ? { class: 'below' } : {}),
      ),
    ),
    row(
      t('intraday.asa'),
      cells('asa', (i) => (i.projected?.asaSeconds === null || !i.projected ? '' : Math.round(i.projected.asaSeconds))),
    ),
  ];
}

/** Agents with a published shift touching the day (including the tail of last night's), earliest first. */
async function shiftsOfDay(date) {
  const week = mondayOf(date);
  const list = (await get('/rosters', { week, limit: 50 })).items.filter((r) => r.latestVersion);
  const rosters = await Promise.all(
    list.map(async (summary) => {
      let roster = await get(`/rosters/${summary.id}`);
      if (roster.version.status !== 'published') {
        const published = roster.versions.filter((v) => v.status === 'published').map((v) => v.version);
        if (!published.length) return null;
        roster = await get(`/rosters/${summary.id}`, { version: Math.max(...published) });
      }
      return roster;
    }),
  );
  const rows = [];
  for (const roster of rosters.filter(Boolean)) {
    const i = roster.days.findIndex((d) => d.date === date);
    if (i < 0) continue;
    for (const a of roster.agents) {
      // An agent's week is read from one publication: the roster that holds it now.
      if (a.publishedIn && !a.publishedIn.current) continue;
      const shift = a.days[i].shift;
      const carried = carriedInto(a.days, i);
      if (shift || carried) rows.push({ agent: a, shift, carried, start: shift ? shift.start.local : '' });
    }
  }
  return rows.sort((x, y) => x.start.localeCompare(y.start) || x.agent.employeeNo.localeCompare(y.agent.employeeNo));
}

export async function renderIntraday(root, ctx) {
  state.date ??= todayIn(ctx.zone);
  const [allQueues, skills] = await Promise.all([
    get('/queues').then((p) => p.items ?? p),
    get('/skills').then((p) => p.items ?? p),
  ]);
  const queues = allQueues.filter((q) => q.kind !== 'deferred' && q.active !== false);
  const skillName = new Map(skills.map((s) => [s.code, s.name]));
  if (!queues.some((q) => q.id === state.queue)) state.queue = '';
  const status = h('div', { id: 'intraday-status' });
  const cover = h('div', { id: 'cover-panel' });
  const content = h('div', { class: 'stack' });
  const tools = h(
    'div',
    { class: 'toolbar' },
    h('button', { type: 'button', class: 'ghost', 'aria-label': t('intraday.prevDay'), onclick: () => move(-1) }, '‹'),
    dateInput(state.date, (v) => ((state.date = v), load()), t('intraday.date')),
    h('button', { type: 'button', class: 'ghost', 'aria-label': t('intraday.nextDay'), onclick: () => move(1) }, '›'),
    h(
      'select',
      {
        id: 'intraday-queue',
        'aria-label': t('intraday.queue'),
        onchange: (e) => ((state.queue = e.target.value), load()),
      },
      options([['', t('intraday.allQueues')], ...queues.map((q) => [q.id, q.name])], state.queue),
    ),
  );
  clear(root, tools, status, cover, content);
  const move = (days) => {
    state.date = addDays(state.date, days);
    load();
  };

  const suggestions = new Map();
  const showCover = async (view, item, button) => {
    root.querySelectorAll('.slot-cell.chosen').forEach((x) => x.classList.remove('chosen'));
    button.classList.add('chosen');
    const title = t('intraday.coverTitle', {
      queue: view.queue.name,
      from: localTime(item.start, ctx.zone),
      to: localTime(new Date(Date.parse(item.start) + item.slotMinutes * 60_000).toISOString(), ctx.zone),
      short: num(item.required - item.scheduled, 1),
    });
    clear(cover, card(title, null, h('p', { class: 'hint' }, t('intraday.looking'))));
    try {
      // One answer per queue and day serves every gap clicked (each is a search through the roster's rules).
      const key = `${view.queue.id}/${state.date}`;
      if (!suggestions.has(key))
        suggestions.set(key, get('/intraday/suggestions', { queue: view.queue.id, date: state.date }));
      const answer = await suggestions.get(key).catch((e) => {
        suggestions.delete(key);
        throw e;
      });
      const helps = answer.suggestions.filter((s) =>
        s.effect.slots.some((x) => x.start === item.start && x.scheduledAfter > x.scheduledBefore),
      );
      const list = helps.length
        ? h(
            'ul',
            { class: 'cover-list', id: 'cover-list' },
            helps.map((s) =>
              h(
                'li',
                { 'data-agent': s.agent.id, 'data-kind': s.kind },
                h('strong', null, `${s.agent.name} (${s.agent.employeeNo})`),
                ' · ',
                s.description,
                h(
                  'span',
                  { class: 'hint' },
                  ` · ${t('intraday.effect', { before: percent(s.effect.restOfDay.before), after: percent(s.effect.restOfDay.after) })}`,
                ),
              ),
            ),
          )
        : empty(t('intraday.nobody'));
      clear(cover, card(title, null, list));
    } catch (e) {
      clear(cover, card(title, null, notice(e instanceof ApiError && e.status < 500 ? 'warn' : 'error', e.message)));
    }
  };

  const load = guarded(status, async () => {
    clear(cover);
    const shown = state.queue ? queues.filter((q) => q.id === state.queue) : queues;
    const [views, agents] = await Promise.all([
      Promise.all(
        shown.map((q) => get('/intraday', { queue: q.id, date: state.date }).catch((e) => ({ queue: q, problem: e }))),
      ),
      shiftsOfDay(state.date),
    ]);
    const queueCards = views.map((view) => {
      if (view.problem) return card(view.queue.name, null, notice('warn', view.problem.message));
      const rest = view.restOfDay.serviceLevel;
      return h(
        'section',
        { class: 'card intraday-queue', 'data-queue': view.queue.id },
        h(
          'header',
          { class: 'card-head' },
          h('h2', null, view.queue.name),
          h(
            'div',
            { class: 'tools hint' },
            t('intraday.target', {
              level: percent(view.target.serviceLevel, 0),
              seconds: view.target.answerWithinSeconds,
            }),
            rest === null ? '' : ` · ${t('intraday.restOfDay', { level: percent(rest) })}`,
            ` · ${t('intraday.shortSlots', { count: view.items.filter((i) => i.scheduled + 1e-9 < i.required).length })}`,
          ),
        ),
        h('div', { class: 'card-body day-view' }, axis(), queueRows(view, ctx.zone, showCover)),
      );
    });
    const agentRows = agents.length
      ? agents.map(({ agent, shift, carried }) =>
          h(
            'div',
            { class: 'day-row agent-row', 'data-agent': agent.agentId },
            h(
              'div',
              { class: 'day-row-label' },
              h('span', null, agent.name),
              h(
                'span',
                { class: 'agent-meta' },
                ` ${agent.employeeNo}${shift?.skill ? ` · ${skillName.get(shift.skill) ?? shift.skill}` : ''}`,
              ),
            ),
            dayTrack(shift, carried),
          ),
        )
      : empty(t('intraday.noShifts'));
    clear(
      content,
      queueCards,
      card(
        t('intraday.agents', { count: agents.length }),
        null,
        h('div', { class: 'day-view', id: 'day-agents' }, axis(), agentRows),
      ),
    );
  });
  await load();
}

export default {
  id: 'intraday',
  label: 'nav.intraday',
  roles: ['manager', 'supervisor', 'admin'],
  render: renderIntraday,
};
