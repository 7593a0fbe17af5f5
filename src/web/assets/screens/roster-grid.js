/** The agents × days grid: shifts as coloured blocks with their breaks; days off and leave marked (the edit dialog: roster-edit.js). */
import { empty, h } from '../elements.js';
import { addDays, clockOfLocal, dayLabel, isoWeekday, minutesOfLocal } from '../format.js';
import { t } from '../i18n.js';

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
  // Leave over part of the day is named with its times, beside a shift too.
  const parts = (day.leave ?? [])
    .filter((l) => !(l.start === '00:00' && l.end === '24:00'))
    .map((l) =>
      h(
        'div',
        { class: 'day-mark leave', 'data-leave': `${l.start}–${l.end}` },
        `${t('roster.leave')} ${l.start}–${l.end}`,
      ),
    );
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
      parts,
      dayTrack(s, carried),
    ];
  }
  return [
    onLeave
      ? parts.length
        ? parts
        : h('div', { class: 'day-mark leave' }, t('roster.leave'))
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
  const rows = orderedRows(view);
  if (rows.length === 0) return empty(t('roster.noAgents'));
  const weekend = (date) => isoWeekday(date) >= 6;
  const working = (list, date) => list.filter((a) => a.days.find((d) => d.date === date)?.shift).length;
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
          : h('div', { class: 'day-count' }, t('roster.onShift', { count: working(rows, d.date) })),
      ),
    ),
    h('th', { class: 'num' }, t('roster.hours')),
  );
  const agentRow = (a) => {
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
        const selected = view.selected?.has(`${a.agentId}/${d.date}`);
        const cell = h(
          'td',
          {
            class: `day-cell${onEdit ? ' editable' : ''}${onLeave ? ' is-leave' : ''}${weekend(d.date) ? ' weekend' : ''}${selected ? ' selected' : ''}`,
            'data-date': d.date,
            tabindex: onEdit ? 0 : undefined,
            'aria-selected': view.selected ? String(Boolean(selected)) : undefined,
          },
          cellContent(d, onLeave, carriedInto(a.days, i)),
        );
        if (onEdit) {
          // Ctrl/Cmd/Shift-click selects (several days at once); a plain click edits the day.
          cell.addEventListener('click', (e) =>
            view.onSelect && (e.ctrlKey || e.metaKey || e.shiftKey) ? view.onSelect(a, d, cell, e) : onEdit(a, d, cell),
          );
          cell.addEventListener('keydown', (e) => {
            if (view.onKey?.(e, a, d, cell)) return;
            if (e.key === 'Enter') onEdit(a, d, cell);
          });
        }
        return cell;
      }),
      h('td', { class: 'num' }, (workedMinutes(a) / 60).toFixed(1)),
    );
  };
  const teamRow = (teamId, members) => {
    const name = view.teamsById.get(teamId)?.name ?? t('grid.noTeam');
    const hours = members.reduce((sum, a) => sum + workedMinutes(a), 0) / 60;
    return h(
      'tr',
      { class: 'team-row', 'data-team': teamId ?? '' },
      h(
        'th',
        { class: 'agent-col' },
        t('grid.subtotal', { team: name, agents: members.length, hours: hours.toFixed(1) }),
      ),
      roster.days.map((d) =>
        h('td', { class: 'team-count', 'data-date': d.date }, t('roster.onShift', { count: working(members, d.date) })),
      ),
      h('td', { class: 'num team-hours' }, hours.toFixed(1)),
    );
  };
  const body = [];
  if (view.group) {
    const teams = [...new Set(rows.map((a) => a.teamId))];
    for (const teamId of teams) {
      const members = rows.filter((a) => a.teamId === teamId);
      body.push(teamRow(teamId, members), members.map(agentRow));
    }
  } else body.push(rows.map(agentRow));
  return h(
    'div',
    { class: 'grid-scroll' },
    h('table', { class: 'roster-grid' }, h('thead', null, head), h('tbody', null, body)),
  );
}

/** Worked minutes of an agent's week: shift lengths less unpaid and paid breaks. */
export const workedMinutes = (a) =>
  a.days.reduce(
    (sum, d) => sum + (d.shift ? d.shift.lengthMinutes - (d.shift.breaks ?? []).reduce((b, x) => b + x.minutes, 0) : 0),
    0,
  );

const SORTS = {
  number: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
  name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  hours: (a, b) => workedMinutes(b) - workedMinutes(a) || a.employeeNo.localeCompare(b.employeeNo),
};

/** The agents shown: filtered by team, skill and search (name or number), in the chosen order. */
function orderedRows(view) {
  const needle = (view.search ?? '').trim().toLowerCase();
  const rows = view.roster.agents.filter((a) => {
    if (view.filterTeam && a.teamId !== view.filterTeam) return false;
    if (needle && !a.name.toLowerCase().includes(needle) && !a.employeeNo.toLowerCase().includes(needle)) return false;
    if (!view.filterSkill) return true;
    return (view.agentsById.get(a.agentId)?.skills ?? []).some((s) => s.skill === view.filterSkill);
  });
  return view.sort && SORTS[view.sort] ? [...rows].sort(SORTS[view.sort]) : rows;
}
