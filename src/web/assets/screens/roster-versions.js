/** One status label per version (draft / published vN / superseded), and who changed what beside each version. */
import { get } from '../api.js';
import { badge, card, clear, h, options } from '../elements.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { notice } from './common.js';
import { diffTable } from './roster-charts.js';

const TONE = { draft: 'info', published: 'good', superseded: 'neutral' };

/** The one label of a version: "Draft v2", "Published v3", "Superseded v1". */
export const stateText = (version) => t(`state.${version.status}`, { version: version.version });
export const stateBadge = (version, attrs = {}) =>
  Object.assign(badge(stateText(version), TONE[version.status] ?? 'neutral'), attrs);

/** A roster in the week's picker: its state, or the solve's when it has no version yet. */
export function rosterState(summary) {
  if (summary.latestVersion) return stateText(summary.latestVersion);
  return summary.status === 'failed' ? t('state.failed') : t('state.generating');
}

/**
 * Every version, newest first: its label, who made it and who published it (names), its note (an
 * accepted intraday suggestion says what it changed), and "what changed" against the one before.
 */
export function versionsCard(roster, zone, shown) {
  const rows = [...roster.versions].reverse().map((v) => {
    const out = h('div', { class: 'version-diff' });
    const what =
      v.version > 1
        ? h(
            'button',
            {
              type: 'button',
              class: 'ghost small',
              'data-version': v.version,
              onclick: async () => {
                try {
                  clear(
                    out,
                    diffTable(await get(`/rosters/${roster.id}/diff`, { from: v.version - 1, to: v.version })),
                  );
                } catch (e) {
                  clear(out, notice('error', e.message));
                }
              },
            },
            t('versions.what'),
          )
        : h('span', { class: 'hint' }, t('versions.first'));
    return h(
      'li',
      { class: 'version-row', 'data-version': v.version },
      h(
        'div',
        { class: 'version-head' },
        stateBadge(v),
        v.version === shown ? h('span', { class: 'hint' }, t('versions.showing')) : null,
        h(
          'span',
          { class: 'version-who' },
          v.createdByName ? t('versions.madeBy', { name: v.createdByName }) : t('versions.madeByUnknown'),
          v.publishedAt
            ? ` · ${t('versions.publishedBy', { name: v.publishedByName ?? '—', at: dateTime(v.publishedAt, zone) })}`
            : '',
          v.supersededAt ? ` · ${t('versions.supersededAt', { at: dateTime(v.supersededAt, zone) })}` : '',
        ),
        what,
      ),
      v.note ? h('p', { class: 'version-note' }, v.note) : null,
      out,
    );
  });
  return card(t('versions.title'), null, h('ul', { class: 'versions', id: 'versions' }, rows));
}

/** Any two versions side by side: the agent-days that differ. */
export function compareCard(roster) {
  const versions = roster.versions.map((v) => [v.version, stateText(v)]);
  const from = h(
    'select',
    { id: 'compare-from', 'aria-label': t('roster.from') },
    options(versions, versions[versions.length - 2][0]),
  );
  const to = h(
    'select',
    { id: 'compare-to', 'aria-label': t('roster.to') },
    options(versions, versions[versions.length - 1][0]),
  );
  const out = h('div');
  const run = async () => {
    if (from.value === to.value) return clear(out, notice('warn', t('roster.sameVersion')));
    clear(out, diffTable(await get(`/rosters/${roster.id}/diff`, { from: from.value, to: to.value })));
  };
  return card(
    t('roster.compare'),
    [
      from,
      to,
      h(
        'button',
        { type: 'button', id: 'compare', onclick: () => run().catch((e) => clear(out, notice('error', e.message))) },
        t('roster.compareRun'),
      ),
    ],
    out,
  );
}
