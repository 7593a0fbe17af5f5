/** The agents × days grid: shifts as coloured blocks with their breaks; days off and leave marked. */
import { ApiError, patch } from '../api.js';
import { badge, dialog, empty, field, h, options } from '../elements.js';
import { addDays, clockOfLocal, dayLabel, isoWeekday, minutesOfLocal } from '../format.js';
import { t } from '../i18n.js';
import { agentNamer, ruleName } from './roster-charts.js';

const DAY_MINUTES = 1440;
const pct = (minutes) => `${(Math.max(0, Math.min(DAY_MINUTES, minutes)) / DAY_MINUTES) * 100}%`;

/** Minutes after the shift's own local midnight of a local time inside the shift (next day: + 1440). */
const minuteOfShift = (shift, local) =>
  minutesOfLocal(local) + (local.slice(0, 10) === shift.start.local.slice(0, 10) ? 0 : DAY_MINUTES);

/** True when the shift runs past 00:00 into the next day. */
export const crossesMidnight = (shift) =>
  Boolean(shift) && minutesOfLocal(shift.start.local) + shift.lengthMinutes > DAY_MINUTES;

/**
 * The part of a shift inside one day's track: `dayOffset` 0 is the shift's own day, 1440 the next
 * day (where a night shift's hours after 00:00 are drawn), with its breaks and training in place.
 */
function shiftSegment(shift, dayOffset) {
  const start = minutesOfLocal(shift.start.local);
  const end = start + shift.lengthMinutes;
  const from = Math.max(start, dayOffset);
  const to = Math.min(end, dayOffset + DAY_MINUTES);
  if (to <= from) return null;
  const block = h('div', {
    class: `shift-block${dayOffset ? ' carried' : ''}`,
    'data-shift': shift.code,
    title: dayOffset
      ? t('roster.carried', { shift: shift.name ?? shift.code, end: clockOfLocal(shift.end.local) })
      : undefined,
    style: {
      left: pct(from - dayOffset),
      width: to === from ? '2px' : `calc(${pct(to - dayOffset)} - ${pct(from - dayOffset)})`,
      background: shift.colour ?? '#5b8def',
    },
  });
  const place = (a, b) => {
    const x = Math.max(a, from);
    const y = Math.min(b, to);
    return y <= x ? null : { left: `${((x - from) / (to - from)) * 100}%`, width: `${((y - x) / (to - from)) * 100}%` };
  };
  for (const pause of shift.breaks ?? []) {
    const at = minuteOfShift(shift, pause.start.local);
    const style = place(at, at + pause.minutes);
    if (style)
      block.append(
        h('span', {
          class: 'break',
          title: `${t(`break.${pause.name}`)} ${clockOfLocal(pause.start.local)} · ${pause.minutes}′`,
          style,
        }),
      );
  }
  // Booked training and the like: time on shift but away from the queues.
  for (const activity of shift.activities ?? []) {
    const style = place(minuteOfShift(shift, activity.start.local), minuteOfShift(shift, activity.end.local));
    if (style)
      block.append(
        h('span', {
          class: 'activity',
          title: `${t('roster.training')}: ${activity.title} ${clockOfLocal(activity.start.local)}–${clockOfLocal(activity.end.local)}`,
          style,
        }),
      );
  }
  return block;
}

/** One day's 24-hour track: the tail of the night shift of the day before (if any), then the day's own shift. */
export function dayTrack(shift, carried) {
  return h(
    'div',
    { class: 'day-track' },
    carried ? shiftSegment(carried, DAY_MINUTES) : null,
    shift ? shiftSegment(shift, 0) : null,
    crossesMidnight(shift) ? h('span', { class: 'overnight', title: t('roster.overnight') }, '→') : null,
  );
}

/** The shift of the day before a day when it runs past midnight into it. */
export const carriedInto = (days, index) => {
  const before = days[index - 1];
  return before && addDays(before.date, 1) === days[index].date && crossesMidnight(before.shift) ? before.shift : null;
};

function cellContent(day, onLeave, carried) {
  // On a day off the night's end is worth a word; beside a shift of the day its block says enough.
  const tail =
    carried && !day.shift
      ? h(
          'div',
          { class: 'shift-label carried-label' },
          t('roster.carried', { shift: carried.name ?? carried.code, end: clockOfLocal(carried.end.local) }),
        )
      : null;
  if (day.shift) {
    const s = day.shift;
    return [
      tail,
      h(
        'div',
        { class: 'shift-label' },
        h('b', null, s.name ?? s.code),
        ` ${clockOfLocal(s.start.local)}–${clockOfLocal(s.end.local)}`,
      ),
      dayTrack(s, carried),
    ];
  }
  return [
    onLeave
      ? h('div', { class: 'day-mark leave' }, t('roster.leave'))
      : h('div', { class: 'day-mark off' }, t('roster.dayOff')),
    tail,
    carried ? dayTrack(null, carried) : null,
  ];
}

/**
 * @param view { roster, agentsById, leaveDays: Set('agentId/date'), filterTeam, filterSkill, teamsById }
 * @param onEdit (agentRow, day, cell) when the user may edit, else null
 */
export function rosterGrid(view, onEdit) {
  const { roster } = view;
  const rows = roster.agents.filter((a) => {
    if (view.filterTeam && a.teamId !== view.filterTeam) return false;
    if (!view.filterSkill) return true;
    return (view.agentsById.get(a.agentId)?.skills ?? []).some((s) => s.skill === view.filterSkill);
  });
  if (rows.length === 0) return empty(t('roster.noAgents'));
  const weekend = (date) => isoWeekday(date) >= 6;
  const working = (date) => rows.filter((a) => a.days.find((d) => d.date === date)?.shift).length;
  const head = h(
    'tr',
    null,
    h('th', { class: 'agent-col' }, t('roster.agent')),
    roster.days.map((d) =>
      h(
        'th',
        { class: weekend(d.date) ? 'weekend' : '' },
        dayLabel(d.date),
        d.hours !== 24 ? h('span', { class: 'hint' }, ` ${d.hours}h`) : null,
        view.showCounts === false
          ? null
          : h('div', { class: 'day-count' }, t('roster.onShift', { count: working(d.date) })),
      ),
    ),
    h('th', { class: 'num' }, t('roster.hours')),
  );
  const body = rows.map((a) => {
    const minutes = a.days.reduce(
      (sum, d) =>
        sum + (d.shift ? d.shift.lengthMinutes - (d.shift.breaks ?? []).reduce((b, x) => b + x.minutes, 0) : 0),
      0,
    );
    const team = view.teamsById.get(a.teamId);
    return h(
      'tr',
      { 'data-agent': a.agentId },
      h(
        'th',
        { class: 'agent-col' },
        h('div', { class: 'agent-name' }, a.name),
        h('div', { class: 'agent-meta' }, a.employeeNo, team ? ` · ${team.name}` : ''),
      ),
      a.days.map((d, i) => {
        const onLeave = d.absence === 'leave' || view.leaveDays.has(`${a.agentId}/${d.date}`);
        const cell = h(
          'td',
          {
            class: `day-cell${onEdit ? ' editable' : ''}${onLeave ? ' is-leave' : ''}${weekend(d.date) ? ' weekend' : ''}`,
            'data-date': d.date,
            tabindex: onEdit ? 0 : undefined,
          },
          cellContent(d, onLeave, carriedInto(a.days, i)),
        );
        if (onEdit) {
          cell.addEventListener('click', () => onEdit(a, d, cell));
          cell.addEventListener('keydown', (e) => e.key === 'Enter' && onEdit(a, d, cell));
        }
        return cell;
      }),
      h('td', { class: 'num' }, (minutes / 60).toFixed(1)),
    );
  });
  return h(
    'div',
    { class: 'grid-scroll' },
    h('table', { class: 'roster-grid' }, h('thead', null, head), h('tbody', null, body)),
  );
}

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
