/** The edit dialog of one agent-day: template, start inside its window, skill; a refused edit shows the broken rule. */
import { ApiError, patch } from '../api.js';
import { badge, dialog, field, h, options } from '../elements.js';
import { clockOfLocal, dayLabel } from '../format.js';
import { t } from '../i18n.js';
import { agentNamer, ruleName } from './roster-charts.js';

/** Opens the edit dialog; a refused edit shows the broken rule in the dialog and on the cell. */
export function editShift({ roster, templates, agent, agentRow, day, cell, onSaved }) {
  const named = agentNamer(roster, templates);
  return dialog(t('roster.editTitle', { name: agentRow.name, date: dayLabel(day.date) }), (close) => {
    const template = h(
      'select',
      { name: 'template' },
      options(
        [
          ['', t('roster.dayOff')],
          ...templates.map((x) => [
            x.code,
            `${x.code} · ${x.name} (${x.start ?? `${x.startWindow.earliest}–${x.startWindow.latest}`})`,
          ]),
        ],
        day.shift?.code ?? '',
      ),
    );
    const start = h('input', { type: 'time', name: 'start', step: 900 });
    const startField = field(t('roster.start'), start, t('roster.startHint'));
    const skills = (agent?.skills ?? []).map((s) => [s.skill, s.skill]);
    const skill = h(
      'select',
      { name: 'skill' },
      options([['', t('roster.skillDefault')], ...skills], day.shift?.skill ?? ''),
    );
    const problem = h('div', { class: 'violation', role: 'alert', hidden: true });
    const syncWindow = () => {
      const chosen = templates.find((x) => x.code === template.value);
      startField.hidden = !chosen?.startWindow;
      if (chosen?.startWindow) {
        start.min = chosen.startWindow.earliest;
        start.max = chosen.startWindow.latest;
        start.value =
          day.shift?.code === chosen.code ? clockOfLocal(day.shift.start.local) : chosen.startWindow.earliest;
      }
    };
    template.addEventListener('change', syncWindow);
    syncWindow();
    const save = h('button', { type: 'submit', class: 'primary' }, t('common.save'));
    const form = h(
      'form',
      { class: 'dialog-form' },
      field(t('roster.shift'), template),
      startField,
      field(t('roster.skill'), skill),
      problem,
      h(
        'div',
        { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'ghost', onclick: () => close(false) }, t('common.cancel')),
        save,
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      const change = { agentId: agentRow.agentId, date: day.date, shiftTemplate: template.value || null };
      if (!startField.hidden && start.value) change.start = start.value;
      if (template.value && skill.value) change.skill = skill.value;
      try {
        const saved = await patch(`/rosters/${roster.id}`, { expectedRevision: roster.revision, changes: [change] });
        close(true);
        onSaved(saved);
      } catch (e) {
        save.disabled = false;
        const violations = e instanceof ApiError ? (e.problem.violations ?? []) : [];
        problem.hidden = false;
        problem.replaceChildren(
          h('strong', null, e.status === 409 ? t('roster.stale') : t('roster.refused')),
          h('p', null, named(e.message)),
          violations.length
            ? h(
                'ul',
                null,
                violations.map((v) => h('li', null, badge(ruleName(v.rule), 'bad'), ' ', named(v.detail))),
              )
            : null,
          h('p', { class: 'hint' }, t('roster.nothingSaved')),
        );
        cell.classList.add('has-violation');
        cell.title = e.message;
      }
    });
    return form;
  });
}

/** One shift (or a day off) for many selected days: `onSave({ shiftTemplate, start })`. */
export function bulkDialog(count, templates, onSave) {
  return dialog(t('grid.bulkTitle', { count }), (close) => {
    const template = h(
      'select',
      { name: 'template' },
      options(
        [['', t('roster.dayOff')], ...templates.map((x) => [x.code, `${x.code} · ${x.name}`])],
        templates[0]?.code ?? '',
      ),
    );
    const start = h('input', { type: 'time', name: 'start', step: 900 });
    const startField = field(t('roster.start'), start, t('roster.startHint'));
    const sync = () => {
      const chosen = templates.find((x) => x.code === template.value);
      startField.hidden = !chosen?.startWindow;
      if (chosen?.startWindow) start.value = chosen.startWindow.earliest;
    };
    template.addEventListener('change', sync);
    sync();
    const form = h(
      'form',
      { class: 'dialog-form', id: 'bulk-form' },
      field(t('roster.shift'), template),
      startField,
      h(
        'div',
        { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'ghost', onclick: () => close(false) }, t('common.cancel')),
        h('button', { type: 'submit', class: 'primary' }, t('common.save')),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      close(true);
      onSave({
        shiftTemplate: template.value || null,
        start: !startField.hidden && start.value ? start.value : undefined,
      });
    });
    return form;
  });
}
