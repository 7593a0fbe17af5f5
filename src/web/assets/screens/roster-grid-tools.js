/**
 * The week grid with its tools: team and skill filters, search, sort, grouping by team with
 * subtotals, multi-select (Ctrl/Shift-click, Space), copy a day or a week's pattern and paste it,
 * one dialog for many days, undo of the last change, and keyboard navigation.
 */
import { ApiError, patch } from '../api.js';
import { badge, clear, h, options } from '../elements.js';
import { clockOfLocal, dayLabel } from '../format.js';
import { t } from '../i18n.js';
import { notice } from './common.js';
import { agentNamer, ruleName } from './roster-charts.js';
import { bulkDialog, editShift } from './roster-edit.js';
import { rosterGrid } from './roster-grid.js';

/** Kept across reloads of the screen: the view settings, what was copied, and how to undo the last change. */
const memory = { search: '', sort: 'number', group: true, clipboard: null, undo: null };

const keyOf = (agentId, date) => `${agentId}/${date}`;

/** The change that puts `shift` (a day of the roster view, or null for a day off) on an agent's day. */
function changeTo(agentId, date, shift, templates, skills) {
  if (!shift?.code) return { agentId, date, shiftTemplate: null };
  const template = templates.find((x) => x.code === shift.code);
  const change = { agentId, date, shiftTemplate: shift.code };
  if (template?.startWindow) change.start = clockOfLocal(shift.start.local);
  if (shift.skill && (!skills || skills.includes(shift.skill))) change.skill = shift.skill;
  return change;
}

export function gridCard({ roster, ref, leave, editable, state, status, reload }) {
  if (memory.rosterId !== roster.id) Object.assign(memory, { rosterId: roster.id, clipboard: null, undo: null });
  const selected = new Set();
  const holder = h('div');
  const selectionNote = h('span', { class: 'hint', id: 'selection-count' });
  const dayOf = (agentId, date) =>
    roster.agents.find((a) => a.agentId === agentId)?.days.find((d) => d.date === date) ?? null;
  const skillsOf = (agentId) => (ref.agentsById.get(agentId)?.skills ?? []).map((s) => s.skill);
  const named = agentNamer(roster, ref.templates);

  /** Sends the changes as one edit; on success the inverse of what it replaced becomes the undo. */
  const save = async (changes, message) => {
    const inverse = changes.map((c) =>
      changeTo(c.agentId, c.date, dayOf(c.agentId, c.date)?.shift ?? null, ref.templates, null),
    );
    try {
      const saved = await patch(`/rosters/${roster.id}`, { expectedRevision: roster.revision, changes });
      memory.undo = inverse;
      state.version = null;
      await reload(notice('ok', message(saved)));
    } catch (e) {
      const violations = e instanceof ApiError ? (e.problem.violations ?? []) : [];
      clear(
        status,
        notice('error', [
          h('strong', null, e.status === 409 ? t('roster.stale') : t('roster.refused')),
          ' ',
          named(e.message),
          violations.length
            ? h(
                'ul',
                null,
                violations.map((v) => h('li', null, badge(ruleName(v.rule), 'bad'), ' ', named(v.detail))),
              )
            : null,
          h('p', { class: 'hint' }, t('roster.nothingSaved')),
        ]),
      );
    }
  };

  const undo = async () => {
    const changes = memory.undo;
    if (!changes) return;
    try {
      const saved = await patch(`/rosters/${roster.id}`, { expectedRevision: roster.revision, changes });
      memory.undo = null;
      state.version = null;
      await reload(notice('ok', t('grid.undone', { revision: saved.revision })));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };

  // The day last focused stays the one a toolbar button acts on (the button takes the focus).
  let lastCell = null;
  holder.addEventListener('focusin', (e) => {
    if (e.target.matches?.('td.day-cell')) lastCell = e.target;
  });
  const focusedCell = () => (lastCell?.isConnected ? lastCell : holder.querySelector('td.day-cell.selected'));
  const cellKey = (cell) => keyOf(cell.closest('tr').dataset.agent, cell.dataset.date);

  const copyDay = (cell = focusedCell()) => {
    if (!cell) return clear(status, notice('warn', t('grid.pickCells')));
    const agentId = cell.closest('tr').dataset.agent;
    const day = dayOf(agentId, cell.dataset.date);
    const agent = roster.agents.find((a) => a.agentId === agentId);
    memory.clipboard = { kind: 'day', shift: day?.shift ?? null };
    clear(status, notice('ok', t('grid.copiedDay', { name: agent.name, date: dayLabel(day.date) })));
  };
  const copyWeek = (cell = focusedCell()) => {
    if (!cell) return clear(status, notice('warn', t('grid.pickCells')));
    const agent = roster.agents.find((a) => a.agentId === cell.closest('tr').dataset.agent);
    memory.clipboard = { kind: 'week', shifts: agent.days.map((d) => d.shift) };
    clear(status, notice('ok', t('grid.copiedWeek', { name: agent.name })));
  };
  const paste = () => {
    const clip = memory.clipboard;
    if (!clip) return clear(status, notice('warn', t('grid.nothingCopied')));
    const targets = selected.size ? [...selected] : focusedCell() ? [cellKey(focusedCell())] : [];
    if (!targets.length) return clear(status, notice('warn', t('grid.pickCells')));
    let changes;
    if (clip.kind === 'day') {
      changes = targets.map((k) => {
        const [agentId, date] = k.split('/');
        return changeTo(agentId, date, clip.shift, ref.templates, skillsOf(agentId));
      });
    } else {
      const agents = [...new Set(targets.map((k) => k.split('/')[0]))];
      changes = agents.flatMap((agentId) =>
        roster.days.map((d, i) => changeTo(agentId, d.date, clip.shifts[i], ref.templates, skillsOf(agentId))),
      );
    }
    return save(changes, (saved) => t('grid.savedMany', { count: changes.length, revision: saved.revision }));
  };

  const bulkEdit = () => {
    if (!selected.size) return clear(status, notice('warn', t('grid.pickCells')));
    const keys = [...selected];
    return bulkDialog(keys.length, ref.templates, ({ shiftTemplate, start }) => {
      const changes = keys.map((k) => {
        const [agentId, date] = k.split('/');
        return { agentId, date, shiftTemplate, ...(start ? { start } : {}) };
      });
      return save(changes, (saved) => t('grid.savedMany', { count: changes.length, revision: saved.revision }));
    });
  };

  const toggle = (cell) => {
    const k = cellKey(cell);
    if (selected.has(k)) selected.delete(k);
    else selected.add(k);
    cell.classList.toggle('selected', selected.has(k));
    cell.setAttribute('aria-selected', String(selected.has(k)));
    selectionNote.textContent = selected.size ? t('grid.selected', { count: selected.size }) : '';
  };

  /** Arrow keys move between days and agents; the rest act on the focused day or the selection. */
  const onKey = (e, agentRow, day, cell) => {
    const arrows = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const ctrl = e.ctrlKey || e.metaKey;
    if (arrows[e.key]) {
      const rows = [...holder.querySelectorAll('tbody tr[data-agent]')];
      const r = rows.indexOf(cell.closest('tr'));
      const c = [...cell.parentElement.querySelectorAll('td.day-cell')].indexOf(cell);
      const [dr, dc] = arrows[e.key];
      const row = rows[Math.max(0, Math.min(rows.length - 1, r + dr))];
      const cells = row.querySelectorAll('td.day-cell');
      const next = cells[Math.max(0, Math.min(cells.length - 1, c + dc))];
      if (e.shiftKey && !selected.has(cellKey(cell))) toggle(cell);
      next.focus();
      if (e.shiftKey && !selected.has(cellKey(next))) toggle(next);
    } else if (e.key === ' ') toggle(cell);
    else if (ctrl && e.key === 'c') copyDay(cell);
    else if (ctrl && e.key === 'v') paste();
    else if (ctrl && e.key === 'z') undo();
    else if (e.key === 'Escape') [...holder.querySelectorAll('td.selected')].forEach(toggle);
    else if (e.key === 'Enter' && selected.size > 1) bulkEdit();
    else return false;
    e.preventDefault();
    return true;
  };

  const onEdit = editable
    ? (row, day, cell) =>
        editShift({
          roster,
          templates: ref.templates,
          agent: ref.agentsById.get(row.agentId),
          agentRow: row,
          day,
          cell,
          onSaved: (saved) => {
            const before = day.shift;
            memory.undo = [changeTo(row.agentId, day.date, before, ref.templates, null)];
            state.version = null;
            reload(notice('ok', t('roster.saved', { revision: saved.revision })));
          },
        })
    : null;

  const draw = () => {
    selected.clear();
    selectionNote.textContent = '';
    clear(
      holder,
      rosterGrid(
        {
          roster,
          leaveDays: leave,
          agentsById: ref.agentsById,
          teamsById: ref.teamsById,
          filterTeam: state.filterTeam,
          filterSkill: state.filterSkill,
          search: memory.search,
          sort: memory.sort,
          group: memory.group,
          selected: editable ? selected : null,
          onSelect: editable ? (a, d, cell) => toggle(cell) : null,
          onKey: editable ? onKey : null,
        },
        onEdit,
      ),
    );
  };
  draw();

  const teamsHere = [...new Set(roster.agents.map((a) => a.teamId))];
  const select = (attrs, list, value, onchange) =>
    h('select', { ...attrs, onchange: (e) => (onchange(e.target.value), draw()) }, options(list, value));
  const filters = [
    h('input', {
      type: 'search',
      id: 'grid-search',
      placeholder: t('grid.search'),
      'aria-label': t('grid.search'),
      value: memory.search,
      oninput: (e) => {
        memory.search = e.target.value;
        draw();
      },
    }),
    select(
      { id: 'filter-team', 'aria-label': t('roster.team') },
      [['', t('roster.allTeams')], ...teamsHere.map((id) => [id, ref.teamsById.get(id)?.name ?? t('grid.noTeam')])],
      state.filterTeam,
      (v) => (state.filterTeam = v),
    ),
    select(
      { id: 'filter-skill', 'aria-label': t('roster.skill') },
      [['', t('roster.allSkills')], ...ref.skills.map((s) => [s.code, s.name])],
      state.filterSkill,
      (v) => (state.filterSkill = v),
    ),
    select(
      { id: 'grid-sort', 'aria-label': t('grid.sort') },
      [
        ['number', t('grid.sortNumber')],
        ['name', t('grid.sortName')],
        ['hours', t('grid.sortHours')],
      ],
      memory.sort,
      (v) => (memory.sort = v),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'grid-group',
        checked: memory.group,
        onchange: (e) => {
          memory.group = e.target.checked;
          draw();
        },
      }),
      t('grid.group'),
    ),
  ];
  const button = (id, text, onclick, disabled = false) =>
    h('button', { type: 'button', class: 'ghost small', id, onclick, disabled }, text);
  const tools = editable
    ? h(
        'div',
        { class: 'grid-tools', id: 'grid-tools' },
        button('copy-day', t('grid.copyDay'), () => copyDay()),
        button('copy-week', t('grid.copyWeek'), () => copyWeek()),
        button('paste', t('grid.paste'), () => paste()),
        button('edit-selected', t('grid.editSelected'), () => bulkEdit()),
        button('undo', t('grid.undo'), () => undo(), !memory.undo),
        selectionNote,
      )
    : null;
  return { filters, tools, holder, keysHint: editable ? h('p', { class: 'hint' }, t('grid.keys')) : null };
}
