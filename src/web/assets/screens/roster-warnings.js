/**
 * Warnings in the manager's words: agent-hours missing per day, time of day and skill, with the
 * rule that keeps them missing; the rules the roster could not keep. The solver's objective and
 * bound are for planners, behind a "details" toggle.
 */
import { post } from '../api.js';
import { card, clear, h } from '../elements.js';
import { dayLabel, num } from '../format.js';
import { t } from '../i18n.js';
import { notice } from './common.js';
import { objectivePanel, warningsPanel } from './roster-charts.js';

function missingTable(roster) {
  const rows = roster.underCover ?? [];
  if (rows.length === 0) return h('p', { class: 'good-text', id: 'cover-ok' }, t('warn.none'));
  const total = rows.reduce((sum, u) => sum + u.missingAgentHours, 0);
  return h(
    'div',
    null,
    h('p', { class: 'bad-text', id: 'cover-total' }, t('warn.total', { hours: num(total, 1) })),
    h(
      'table',
      { class: 'data compact', id: 'cover-warnings' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, t('warn.day')),
          h('th', null, t('warn.daypart')),
          h('th', null, t('warn.skill')),
          h('th', { class: 'num' }, t('warn.missing')),
          h('th', { class: 'num' }, t('warn.peak')),
          h('th', null, t('warn.why')),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((u) =>
          h(
            'tr',
            { 'data-date': u.date, 'data-daypart': u.daypart },
            h('td', null, dayLabel(u.date)),
            h('td', null, t(`daypart.${u.daypart}`)),
            h('td', null, u.skillName),
            h('td', { class: 'num bad-text' }, num(u.missingAgentHours, 1)),
            h('td', { class: 'num' }, u.peakShort),
            h('td', { class: 'hint' }, u.reason ?? ''),
          ),
        ),
      ),
    ),
  );
}

/**
 * A manager's dismissal of a draft warning, then the roster drawn again without it; the message
 * comes once the screen shows it (a failed reload keeps its error instead).
 */
async function dismiss(roster, warning, { status, reload }) {
  try {
    await post(`/rosters/${roster.id}/warnings/${warning.id}/dismiss`);
  } catch (e) {
    return clear(status, notice('error', e.message));
  }
  await reload();
  if (!status.querySelector(':scope > .notice-error')) clear(status, notice('ok', t('warn.dismissed')));
}

/**
 * Self-service changes published while this draft was open that replaced its shifts or could not be
 * carried into it; a manager (`writer`: the status line and reload of the screen) dismisses one once dealt with.
 */
function draftWarnings(roster, writer) {
  const rows = roster.version?.warnings ?? [];
  if (rows.length === 0) return null;
  return h(
    'div',
    null,
    h('h3', { class: 'sub-title' }, t('warn.draft')),
    h(
      'ul',
      { id: 'draft-warnings' },
      rows.map((w) =>
        h(
          'li',
          { class: 'bad-text', 'data-date': w.date, 'data-agent': w.agentId, 'data-warning': w.id },
          w.message,
          writer
            ? h(
                'button',
                { type: 'button', class: 'ghost small dismiss-warning', onclick: () => dismiss(roster, w, writer) },
                t('warn.dismiss'),
              )
            : null,
        ),
      ),
    ),
  );
}

export function warningsCard(roster, templates, writer = null) {
  const rules = [...(roster.warnings ?? []), ...(roster.infeasibilities ?? []), ...(roster.violations ?? [])];
  return card(
    t('warn.title'),
    null,
    draftWarnings(roster, writer),
    missingTable(roster),
    rules.length ? h('h3', { class: 'sub-title' }, t('warn.rules')) : null,
    rules.length ? warningsPanel(roster, templates) : null,
    h(
      'details',
      { class: 'solver-details', id: 'solver-details' },
      h('summary', null, t('warn.details')),
      objectivePanel(roster),
    ),
  );
}
