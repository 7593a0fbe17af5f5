/** Training (trainer): needs ranked by category, proposals with SL impact, booking, attendance, effect. */
import { downloadExport, exportKinds, get, getAll, put } from '../api.js';
import { badge, card, clear, dialog, empty, h } from '../elements.js';
import { addDays, clockOfLocal, dayLabel, num, todayIn, zonedToUtc } from '../format.js';
import { lang, t } from '../i18n.js';
import { guarded, jobProgress, notice } from './common.js';
import { planCard } from './training-plan.js';

function needsTable(needs) {
  if (!needs.needs.length) return empty(t('training.noNeeds', { days: needs.days }));
  return h(
    'table',
    { class: 'data compact', id: 'needs' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [
          '#',
          t('training.category'),
          t('training.score'),
          t('training.findings'),
          t('training.affected'),
          t('training.quotes'),
        ].map((x, i) => h('th', { class: i === 0 || i === 2 || i === 3 ? 'num' : '' }, x)),
      ),
    ),
    h(
      'tbody',
      null,
      needs.needs.map((n) =>
        h(
          'tr',
          null,
          h('td', { class: 'num' }, n.rank),
          h(
            'td',
            null,
            h('strong', null, n.category),
            (n.requests ?? []).length
              ? [' ', badge(t('training.requested', { count: n.requests.length }), 'info')]
              : null,
          ),
          h('td', { class: 'num' }, num(n.score, 1)),
          h('td', { class: 'num' }, n.findings),
          h(
            'td',
            null,
            n.affectedAgents
              .slice(0, 5)
              .map((a) => a.name)
              .join('、'),
            n.affectedAgents.length > 5 ? ` +${n.affectedAgents.length - 5}` : '',
          ),
          h(
            'td',
            { class: 'hint quotes' },
            (n.exampleQuotes ?? [])
              .slice(0, 2)
              .map((q) => `“${q}”`)
              .join(' '),
          ),
        ),
      ),
    ),
  );
}

function attendanceDialog(session, names) {
  return dialog(t('training.attendanceTitle', { title: session.title }), (close) => {
    const rows = session.attendees.map((a) => ({
      a,
      box: h('input', { type: 'checkbox', checked: a.attendance !== 'absent', 'data-agent': a.agentId }),
    }));
    const out = h('div');
    const form = h(
      'form',
      { class: 'dialog-form', id: 'attendance-form' },
      h(
        'div',
        { class: 'checks' },
        rows.map(({ a, box }) => h('label', { class: 'check' }, box, names.get(a.agentId) ?? a.agentId.slice(0, 8))),
      ),
      out,
      h(
        'div',
        { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'ghost', onclick: () => close(false) }, t('common.cancel')),
        h('button', { type: 'submit', class: 'primary' }, t('common.save')),
      ),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await put(`/training/sessions/${session.id}/attendance`, {
          attendees: rows.map(({ a, box }) => ({
            agentId: a.agentId,
            attendance: box.checked ? 'attended' : 'absent',
          })),
        });
        close(true);
      } catch (error) {
        out.replaceChildren(notice('error', error.message));
      }
    });
    return form;
  });
}

async function effectDialog(session) {
  const effect = await get(`/training/sessions/${session.id}/effect`);
  const side = (label, s) =>
    h(
      'tr',
      null,
      h('td', null, label),
      h('td', { class: 'num' }, num(s.before.mean, 1)),
      h('td', { class: 'num' }, num(s.after.mean, 1)),
      h('td', { class: 'num' }, num(s.change, 1)),
      h('td', { class: 'num' }, `${s.before.reviews} / ${s.after.reviews}`),
    );
  return dialog(t('training.effectTitle', { title: session.title, days: effect.days }), (close) =>
    h(
      'div',
      { class: 'dialog-form' },
      h(
        'table',
        { class: 'data compact', id: 'effect' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['', t('training.before'), t('training.after'), t('training.change'), t('training.reviews')].map((x, i) =>
              h('th', { class: i ? 'num' : '' }, x),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          side(t('training.attendeesSide'), effect.attendees),
          side(t('training.othersSide'), effect.others),
        ),
      ),
      h(
        'p',
        null,
        t('training.effect'),
        ' ',
        h('strong', null, effect.effect === null ? '—' : num(effect.effect, 1)),
        h('span', { class: 'hint' }, ` (${t('training.effectHint')})`),
      ),
      h(
        'div',
        { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => close() }, 'OK'),
      ),
    ),
  );
}

function sessionsTable(sessions, names, ctx, reload) {
  if (!sessions.length) return empty(t('training.noSessions'));
  return h(
    'table',
    { class: 'data compact', id: 'sessions' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [t('training.when'), t('training.title'), t('training.category'), t('training.attendees'), '', ''].map((x) =>
          h('th', null, x),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      sessions.map((s) => {
        const attended = s.attendees.filter((a) => a.attendance === 'attended').length;
        return h(
          'tr',
          { 'data-session': s.id },
          h(
            'td',
            null,
            `${dayLabel(s.start.local.slice(0, 10))} ${clockOfLocal(s.start.local)}–${clockOfLocal(s.end.local)}`,
          ),
          h('td', null, s.title),
          h('td', null, s.category),
          h(
            'td',
            { class: 'attendance-cell' },
            // Before it starts (and before any attendance is taken) it is scheduled, with its invitees.
            Date.parse(s.start.utc) > Date.now() && s.attendees.every((a) => a.attendance === 'invited')
              ? badge(t('training.scheduled', { invited: s.attendees.length }), 'info')
              : t('training.attendedOf', { attended, invited: s.attendees.length }),
          ),
          h(
            'td',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'small',
                onclick: async () => {
                  if (await attendanceDialog(s, names)) await reload();
                },
              },
              t('training.attendance'),
            ),
          ),
          h(
            'td',
            null,
            ctx.can('trainer', 'manager', 'admin', 'qc')
              ? h(
                  'button',
                  { type: 'button', class: 'small', onclick: () => effectDialog(s).catch((e) => alertError(e)) },
                  t('training.effectButton'),
                )
              : null,
          ),
        );
      }),
    ),
  );
}

const alertError = (e) => document.getElementById('training-status')?.replaceChildren(notice('error', e.message));

function makeupTable(tasks, names) {
  if (!tasks.length) return empty(t('training.noMakeup'));
  return h(
    'table',
    { class: 'data compact', id: 'makeup' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [t('common.agent'), t('training.category'), t('qc.reason'), t('common.status')].map((x) => h('th', null, x)),
      ),
    ),
    h(
      'tbody',
      null,
      tasks.map((m) =>
        h(
          'tr',
          null,
          h('td', null, names.get(m.agentId) ?? m.agentId.slice(0, 8)),
          h('td', null, m.category),
          h('td', null, t(`makeup.${m.reason}`) === `makeup.${m.reason}` ? m.reason : t(`makeup.${m.reason}`)),
          h('td', null, badge(t(`status.${m.status}`), m.status === 'done' ? 'good' : 'warn')),
        ),
      ),
    ),
  );
}

export async function renderTraining(root, ctx) {
  const [teams, agents] = await Promise.all([get('/teams', { limit: 500 }).then((p) => p.items), getAll('/agents')]);
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const status = h('div', { id: 'training-status' });
  const content = h('div', { class: 'stack' });
  clear(root, status, content);
  const planExport = (await exportKinds()).some((k) => k.kind === 'training-plan');
  const today = todayIn(ctx.zone);
  const period = { from: addDays(today, -14), to: addDays(today, 27) };
  const download = async () => {
    const progress = jobProgress(t('common.preparingFile'));
    clear(status, progress.el);
    try {
      clear(
        status,
        notice(
          'ok',
          t('common.downloaded', { name: await downloadExport('training-plan', period, lang(), progress.update) }),
        ),
      );
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };
  const load = guarded(status, async () => {
    const [needs, sessions, makeup] = await Promise.all([
      get('/training/needs'),
      get('/training/sessions', {
        from: zonedToUtc(period.from, '00:00', ctx.zone),
        to: zonedToUtc(addDays(period.to, 1), '00:00', ctx.zone),
      }),
      getAll('/training/makeup-tasks'),
    ]);
    clear(
      content,
      card(t('training.needs', { days: needs.days }), null, needsTable(needs)),
      ctx.can('trainer', 'manager', 'admin')
        ? planCard(ctx, { teams }, needs.needs, (text) => {
            clear(status, notice('ok', text));
            load();
          })
        : null,
      card(
        t('training.sessions'),
        planExport
          ? h('button', { type: 'button', id: 'download-training-plan', onclick: download }, t('common.downloadExcel'))
          : null,
        sessionsTable(sessions.items, names, ctx, load),
      ),
      card(t('training.makeup'), null, makeupTable(makeup, names)),
    );
  });
  await load();
}

export default {
  id: 'training',
  label: 'nav.training',
  roles: ['trainer', 'manager', 'admin'],
  render: renderTraining,
};
