/** QC & coaching: today's samples to review, the review form, the team summary, coaching tasks. */
import { downloadExport, exportKinds, followJob, get, getAll, post } from '../api.js';
import { badge, card, clear, dialog, empty, field, h, options } from '../elements.js';
import { addDays, dateTime, dayLabel, num, todayIn } from '../format.js';
import { lang, t } from '../i18n.js';
import { dateInput, guarded, jobProgress, notice } from './common.js';
import { reviewSession } from './qc-review.js';

const state = { date: null, agent: '', openOnly: false };

/** Up to 20 sessions per agent: a filter by agent and by what is still to review keeps the list workable. */
function sampleFilters(samples, names, redraw) {
  const agents = [...new Set(samples.items.map((s) => s.agentId))];
  const reviewed = samples.items.filter((s) => s.reviewed).length;
  return [
    h('span', { class: 'hint' }, t('qc.progress', { reviewed, total: samples.items.length })),
    h(
      'select',
      {
        id: 'sample-agent',
        'aria-label': t('common.agent'),
        onchange: (e) => {
          state.agent = e.target.value;
          redraw();
        },
      },
      options([['', t('qc.allAgents')], ...agents.map((id) => [id, names.get(id) ?? id.slice(0, 8)])], state.agent),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        checked: state.openOnly,
        onchange: (e) => {
          state.openOnly = e.target.checked;
          redraw();
        },
      }),
      t('qc.openOnly'),
    ),
  ];
}

function samplesTable(all, names, ctx, reload) {
  if (!all.items?.length) return empty(t('qc.noSamples'));
  const samples = {
    items: all.items.filter((s) => (!state.agent || s.agentId === state.agent) && (!state.openOnly || !s.reviewed)),
  };
  const reviewer = ctx.can('qc', 'admin');
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data compact', id: 'samples' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [t('common.agent'), t('qc.session'), t('qc.outcomes'), t('qc.weight'), t('common.status')].map((x) =>
            h('th', null, x),
          ),
          reviewer ? h('th') : null,
        ),
      ),
      h(
        'tbody',
        null,
        samples.items.map((s) =>
          h(
            'tr',
            { 'data-agent': s.agentId },
            h('td', null, names.get(s.agentId) ?? s.agentId.slice(0, 8)),
            h('td', null, dateTime(s.sessionStartedAt, ctx.zone)),
            h(
              'td',
              null,
              (s.outcomes ?? []).map((o) => badge(t(`outcome.${o}`), 'warn')),
            ),
            h('td', { class: 'num' }, num(s.weight, 1)),
            h('td', null, s.reviewed ? badge(t('qc.reviewed'), 'good') : badge(t('qc.toReview'), 'info')),
            reviewer
              ? h(
                  'td',
                  null,
                  s.reviewed
                    ? null
                    : h(
                        'button',
                        {
                          type: 'button',
                          class: 'small',
                          'data-session': s.sessionId,
                          onclick: async () => {
                            if (await reviewSession(s, names.get(s.agentId) ?? '', ctx.zone)) await reload();
                          },
                        },
                        t('qc.review'),
                      ),
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

/** Supervisors also confirm the make-up coaching of agents who were off on training day. */
function makeupTable(tasks, names, reload) {
  if (!tasks.length) return empty(t('training.noMakeup'));
  return h(
    'table',
    { class: 'data compact', id: 'makeup-tasks' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [t('common.agent'), t('training.category'), t('qc.reason'), ''].map((x) => h('th', null, x)),
      ),
    ),
    h(
      'tbody',
      null,
      tasks.map((task) =>
        h(
          'tr',
          null,
          h('td', null, names.get(task.agentId) ?? task.agentId.slice(0, 8)),
          h('td', null, task.category),
          h('td', null, t(`makeup.${task.reason}`)),
          h(
            'td',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'small',
                'data-makeup': task.id,
                onclick: async () => {
                  if (await confirmTask(`/training/makeup-tasks/${task.id}/close`, names.get(task.agentId) ?? ''))
                    await reload();
                },
              },
              t('qc.confirm'),
            ),
          ),
        ),
      ),
    ),
  );
}

function summaryView(summary) {
  if (!summary.teams?.length) return empty(t('common.none'));
  return summary.teams.map((team) =>
    h(
      'div',
      { class: 'stack' },
      h(
        'h3',
        null,
        team.teamName,
        ' ',
        h(
          'span',
          { class: 'hint' },
          t('qc.teamLine', {
            reviewed: team.sessionsReviewed,
            mean: num(team.meanScore, 1),
            weighted: num(team.weightedMeanScore, 1),
            fails: team.fails,
          }),
        ),
      ),
      h(
        'table',
        { class: 'data compact qc-summary' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [t('common.agent'), t('qc.reviews'), t('qc.mean'), t('qc.weightedMean'), t('qc.fails')].map((x, i) =>
              h('th', { class: i ? 'num' : '' }, x),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          team.agents.map((a) =>
            h(
              'tr',
              { class: a.fails ? 'row-bad' : '' },
              h('td', null, a.name),
              h('td', { class: 'num' }, a.reviews),
              h('td', { class: 'num' }, num(a.meanScore, 1)),
              h('td', { class: 'num' }, num(a.weightedMeanScore, 1)),
              h('td', { class: 'num' }, a.fails),
            ),
          ),
        ),
      ),
      team.topFindings?.length
        ? h(
            'div',
            { class: 'tools' },
            h('span', { class: 'hint' }, t('qc.topFindings')),
            team.topFindings.map((f) => badge(`${f.category} · ${t(`severity.${f.severity}`)} × ${f.count}`, 'warn')),
          )
        : null,
    ),
  );
}

/** Confirms a coaching (or make-up training) task done, with the supervisor's note. */
function confirmTask(url, name) {
  return dialog(t('qc.confirmTitle', { name }), (close) => {
    const note = h('textarea', {
      name: 'note',
      required: true,
      minlength: 5,
      maxlength: 4000,
      placeholder: t('qc.noteHint'),
    });
    const out = h('div');
    const form = h(
      'form',
      { class: 'dialog-form', id: 'confirm-form' },
      field(t('qc.coachingNote'), note),
      out,
      h(
        'div',
        { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'ghost', onclick: () => close(false) }, t('common.cancel')),
        h('button', { type: 'submit', class: 'primary' }, t('common.confirm')),
      ),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await post(url, { note: note.value });
        close(true);
      } catch (error) {
        out.replaceChildren(notice('error', error.message));
      }
    });
    return form;
  });
}

export function coachingTable(tasks, names, ctx, reload) {
  if (!tasks.length) return empty(t('qc.noCoaching'));
  const closer = ctx.can('supervisor');
  return h(
    'table',
    { class: 'data compact', id: 'coaching' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [t('common.agent'), t('qc.reason'), t('qc.due'), t('common.status'), t('common.note')].map((x) =>
          h('th', null, x),
        ),
        closer ? h('th') : null,
      ),
    ),
    h(
      'tbody',
      null,
      tasks.map((task) =>
        h(
          'tr',
          { class: task.overdue ? 'row-bad' : '' },
          h('td', null, names.get(task.agentId) ?? task.agentId.slice(0, 8)),
          h('td', null, t(`coaching.${task.reason}`)),
          h('td', null, dayLabel(task.dueDate), task.overdue ? [' ', badge(t('qc.overdue'), 'bad')] : null),
          h('td', null, badge(t(`status.${task.status}`), task.status === 'done' ? 'good' : 'warn')),
          h('td', null, task.note ?? ''),
          closer
            ? h(
                'td',
                null,
                task.status === 'open'
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'small',
                        'data-task': task.id,
                        onclick: async () => {
                          if (await confirmTask(`/qc/coaching-tasks/${task.id}/close`, names.get(task.agentId) ?? ''))
                            await reload();
                        },
                      },
                      t('qc.confirm'),
                    )
                  : null,
              )
            : null,
        ),
      ),
    ),
  );
}

export async function renderQc(root, ctx) {
  state.date ??= todayIn(ctx.zone);
  const names = new Map((await getAll('/agents')).map((a) => [a.id, a.name]));
  const summaryExport = (await exportKinds()).some((k) => k.kind === 'qc-summary');
  const head = h('div', { class: 'toolbar' });
  const status = h('div');
  const content = h('div', { class: 'stack' });
  clear(root, head, status, content);
  const load = guarded(status, async () => {
    const sampleHolder = h('div');
    const supervisor = ctx.role === 'supervisor';
    const [samples, summary, tasks, makeup] = await Promise.all([
      get('/qc/samples', { date: state.date }),
      get('/qc/summary', { date: addDays(state.date, -1) }),
      getAll('/qc/coaching-tasks', { status: 'open' }),
      supervisor ? getAll('/training/makeup-tasks', { status: 'open' }) : null,
    ]);
    clear(sampleHolder, samplesTable(samples, names, ctx, load));
    clear(
      content,
      card(
        t('qc.samples', { date: dayLabel(state.date) }),
        samples.items?.length
          ? sampleFilters(samples, names, () => clear(sampleHolder, samplesTable(samples, names, ctx, load)))
          : null,
        sampleHolder,
      ),
      card(
        t('qc.summary', { date: dayLabel(addDays(state.date, -1)) }),
        summaryExport
          ? h('button', { type: 'button', id: 'download-qc-summary', onclick: download }, t('common.downloadExcel'))
          : null,
        summaryView(summary),
      ),
      card(t('qc.coaching'), null, coachingTable(tasks, names, ctx, load)),
      supervisor ? card(t('training.makeup'), null, makeupTable(makeup, names, load)) : null,
    );
  });
  const download = async () => {
    const progress = jobProgress(t('common.preparingFile'));
    clear(status, progress.el);
    try {
      clear(
        status,
        notice(
          'ok',
          t('common.downloaded', {
            name: await downloadExport('qc-summary', { date: addDays(state.date, -1) }, lang(), progress.update),
          }),
        ),
      );
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };
  const draw = async () => {
    const progress = jobProgress(t('qc.drawing'));
    clear(status, progress.el);
    try {
      const created = await post('/qc/samples/run', { sessionDate: addDays(state.date, -1) });
      await followJob(created.jobId, progress.update);
      clear(status, notice('ok', t('qc.drawn')));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
    await load();
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
    h('span', { class: 'spacer' }),
    ctx.can('qc', 'manager', 'admin')
      ? h('button', { type: 'button', id: 'draw-sample', onclick: draw }, t('qc.draw'))
      : null,
  );
  await load();
}

export default { id: 'qc', label: 'nav.qc', roles: ['qc', 'supervisor', 'manager', 'admin'], render: renderQc };
