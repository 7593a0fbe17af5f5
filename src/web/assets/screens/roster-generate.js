/** The generate form: teams, demand (forecast or cover per shift), time limit; posts POST /rosters. */
import { ApiError, post } from '../api.js';
import { card, field, h } from '../elements.js';
import { t } from '../i18n.js';
import { notice } from './common.js';

export function generatePanel({ week, ref, onStarted }) {
  const teams = ref.teams.map((team) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'team', value: team.id, checked: true }),
      team.name,
    ),
  );
  const demand = h(
    'select',
    { name: 'demand' },
    h('option', { value: 'forecast' }, t('roster.demandForecast')),
    h('option', { value: 'day-cover' }, t('roster.demandCover')),
  );
  const cover = ref.templates.map((x) =>
    field(
      `${x.code} · ${x.name}`,
      h('input', { type: 'number', min: 0, max: 1000, value: 0, name: `cover-${x.code}`, 'data-template': x.code }),
    ),
  );
  const coverBox = h('div', { class: 'cover-grid', hidden: true }, cover);
  demand.addEventListener('change', () => (coverBox.hidden = demand.value !== 'day-cover'));
  const limit = h('input', { type: 'number', name: 'timeLimitSeconds', min: 1, max: 600, value: 10 });
  const seed = h('input', { type: 'number', name: 'seed', min: 0, value: 1 });
  const supervisor = h('input', { type: 'checkbox', name: 'supervisorOnEveryShift' });
  const problem = h('div');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'start-generate' }, t('roster.generateStart'));
  const form = h(
    'form',
    { class: 'generate-form', id: 'generate-form' },
    h('p', { class: 'hint' }, t('roster.generateFor', { week })),
    field(t('roster.teams'), h('div', { class: 'checks' }, teams)),
    h(
      'div',
      { class: 'form-row' },
      field(t('roster.demand'), demand),
      field(t('roster.timeLimit'), limit),
      field(t('roster.seed'), seed),
      h('label', { class: 'check' }, supervisor, t('roster.supervisorEveryShift')),
    ),
    coverBox,
    problem,
    h('div', { class: 'dialog-actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    const body = {
      weekStart: week,
      teamIds: [...form.querySelectorAll('input[name=team]:checked')].map((x) => x.value),
      timeLimitSeconds: Number(limit.value),
      seed: Number(seed.value),
      supervisorOnEveryShift: supervisor.checked,
      demand: demand.value,
    };
    if (demand.value === 'day-cover') {
      body.dayCover = [...coverBox.querySelectorAll('input')]
        .filter((x) => Number(x.value) > 0)
        .map((x) => ({ shiftTemplate: x.dataset.template, required: Number(x.value) }));
    }
    try {
      onStarted({ ...(await post('/rosters', body)), timeLimitSeconds: body.timeLimitSeconds });
    } catch (e) {
      submit.disabled = false;
      problem.replaceChildren(
        notice('error', [e.message, ...(e.problem?.errors ?? []).map((x) => `${x.field}: ${x.message}`)].join(' · ')),
      );
    }
  });
  return card(t('roster.generateTitle'), null, form);
}

/** "Stop and keep the best so far": the solve stores its best roster within a second or two. */
export function stopButton(rosterId, status) {
  const button = h('button', { type: 'button', id: 'stop-generate', class: 'ghost' }, t('roster.stop'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('roster.stopping');
    // The job may run a moment before the roster row says so: a 409 for "queued" is retried briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await post(`/rosters/${rosterId}/stop`, {});
        return;
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 409 && e.problem.status === 'queued' && attempt < 10)) {
          status.append(notice('error', e.message));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  });
  return button;
}
