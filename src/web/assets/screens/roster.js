/** Week roster (manager, supervisor): grid, coverage, objective, generate, edit, publish, compare, Excel. */
import { downloadExport, exportKinds, followJob, get, getAll, post } from '../api.js';
import { card, clear, empty, h, options } from '../elements.js';
import { addDays, dayLabel, mondayOf, todayIn } from '../format.js';
import { lang, t } from '../i18n.js';
import { guarded, jobProgress, notice } from './common.js';
import { coverageChart, dayCoverTable } from './roster-charts.js';
import { gridCard } from './roster-grid-tools.js';
import { compareCard, rosterState, stateBadge, versionsCard } from './roster-versions.js';
import { warningsCard } from './roster-warnings.js';
import { generatePanel, stopButton } from './roster-generate.js';

const state = { week: null, rosterId: null, version: null, filterTeam: '', filterSkill: '', coverageSkill: '' };

/**
 * What the screen needs whatever the week: asked for at sign-in beside the shop (app.js calls
 * `prefetch`), so the first grid waits for one round of calls, not one after the other.
 */
let prefetched = null;
function prefetch() {
  prefetched = Promise.all([
    get('/teams', { limit: 500 }).then((p) => p.items),
    get('/skills').then((p) => p.items ?? p),
    getAll('/agents'),
    get('/shift-templates'),
    exportKinds(),
  ]);
  // Not lost when the screen is never drawn (a failure is shown when it is).
  prefetched.catch(() => {});
}

async function reference(ctx) {
  const fetched = prefetched ?? (prefetch(), prefetched);
  prefetched = null;
  const [teams, skills, agents, templates, kinds] = await fetched;
  return {
    teams,
    skills,
    templates,
    kinds,
    agentsById: new Map(agents.map((a) => [a.id, a])),
    teamsById: new Map(teams.map((x) => [x.id, x])),
    ctx,
  };
}

async function leaveDays(week) {
  const items = await getAll('/leave', { status: 'approved', from: week, to: addDays(week, 6) }).catch(() => []);
  const days = new Set();
  for (const l of items) for (let d = l.startDate; d <= l.endDate; d = addDays(d, 1)) days.add(`${l.agentId}/${d}`);
  return days;
}

export async function renderRoster(root, ctx) {
  state.week ??= addDays(mondayOf(todayIn(ctx.zone)), 7);
  // The week's rosters are asked for beside the reference data, not after it.
  const firstList = get('/rosters', { week: state.week, limit: 50 });
  firstList.catch(() => {});
  const ref = await reference(ctx);
  const writer = ctx.can('manager', 'admin');
  const rosterExport = ref.kinds.find((k) => k.kind === 'roster');
  let pendingList = firstList;

  const head = h('div', { class: 'toolbar' });
  const status = h('div', { id: 'roster-status' });
  const gen = h('div');
  const content = h('div', { class: 'stack' });
  clear(root, head, status, gen, content);

  const load = guarded(status, async () => {
    const listed = pendingList ?? get('/rosters', { week: state.week, limit: 50 });
    pendingList = null;
    const list = (await listed).items;
    if (!list.some((r) => r.id === state.rosterId)) state.rosterId = list[0]?.id ?? null;
    const chosen = list.find((r) => r.id === state.rosterId);
    // The roster and the week's leave together: neither needs the other.
    const [roster, leave] =
      chosen && chosen.status === 'completed'
        ? await Promise.all([
            get(`/rosters/${chosen.id}`, state.version ? { version: state.version } : undefined),
            leaveDays(state.week),
          ])
        : [null, new Set()];
    draw(list, chosen, roster, leave);
  });

  const shiftWeek = (days) => {
    state.week = addDays(state.week, days);
    state.rosterId = null;
    state.version = null;
    load();
  };

  const draw = (list, chosen, roster, leave) => {
    const weekInput = h('input', {
      type: 'date',
      value: state.week,
      'aria-label': t('roster.week'),
      onchange: (e) => {
        state.week = mondayOf(e.target.value);
        state.rosterId = null;
        state.version = null;
        load();
      },
    });
    const rosterPick = h(
      'select',
      {
        'aria-label': t('roster.roster'),
        onchange: (e) => {
          state.rosterId = e.target.value;
          state.version = null;
          load();
        },
      },
      options(
        list.map((r) => [
          r.id,
          // The version's state is the badge's to say (one label); a roster without a version says where its solve is.
          `${r.teamIds.map((id) => ref.teamsById.get(id)?.name ?? '?').join(', ') || t('roster.allTeams')}${r.latestVersion ? '' : ` · ${rosterState(r)}`}`,
        ]),
        state.rosterId,
      ),
    );
    const versionPick =
      roster && roster.versions.length > 1
        ? h(
            'select',
            {
              id: 'version-pick',
              'aria-label': t('roster.version'),
              onchange: (e) => {
                state.version = Number(e.target.value);
                load();
              },
            },
            options(
              roster.versions.map((v) => [v.version, `v${v.version}`]),
              roster.version.version,
            ),
          )
        : null;
    const newest = roster && roster.version.version === Math.max(...roster.versions.map((v) => v.version));
    const canPublish = writer && roster && newest && roster.version.status === 'draft';
    clear(
      head,
      h(
        'div',
        { class: 'week-nav' },
        h(
          'button',
          { type: 'button', class: 'ghost', onclick: () => shiftWeek(-7), 'aria-label': t('roster.prevWeek') },
          '‹',
        ),
        weekInput,
        h(
          'button',
          { type: 'button', class: 'ghost', onclick: () => shiftWeek(7), 'aria-label': t('roster.nextWeek') },
          '›',
        ),
        h('span', { class: 'hint' }, `${dayLabel(state.week)} – ${dayLabel(addDays(state.week, 6))}`),
      ),
      list.length ? rosterPick : null,
      versionPick,
      roster ? stateBadge(roster.version, { id: 'roster-state' }) : null,
      h('span', { class: 'spacer' }),
      writer
        ? h('button', { type: 'button', id: 'open-generate', onclick: () => toggleGenerate() }, t('roster.generate'))
        : null,
      canPublish
        ? h(
            'button',
            { type: 'button', class: 'primary', id: 'publish', onclick: () => publish(roster) },
            t('roster.publish'),
          )
        : null,
      roster && rosterExport
        ? h(
            'button',
            { type: 'button', id: 'download-roster', onclick: () => download(roster) },
            t('common.downloadExcel'),
          )
        : null,
    );
    if (!chosen)
      return clear(content, card(t('roster.grid'), null, empty(writer ? t('roster.noneWriter') : t('roster.none'))));
    if (!roster)
      return clear(
        content,
        card(
          t('roster.grid'),
          null,
          chosen.status === 'failed' ? notice('error', chosen.error ?? t('status.failed')) : empty(t('roster.solving')),
        ),
      );
    drawRoster(roster, leave);
  };

  const drawRoster = (roster, leave) => {
    const skillsInCoverage = [...new Set(roster.coverage.map((c) => c.skill))];
    if (!skillsInCoverage.includes(state.coverageSkill)) state.coverageSkill = skillsInCoverage[0] ?? '';
    const editable = writer && roster.version.version === Math.max(...roster.versions.map((v) => v.version));
    const grid = gridCard({
      roster,
      ref,
      leave,
      editable,
      state,
      status,
      // The message comes once the screen shows the saved roster (a failed reload keeps its error instead).
      reload: async (message) => {
        await load();
        if (!status.querySelector(':scope > .notice-error')) clear(status, message);
      },
    });
    const legend = h(
      'div',
      { class: 'legend-row' },
      ref.templates.map((x) =>
        h(
          'span',
          { class: 'legend-chip' },
          h('i', { style: { background: x.colour ?? '#5b8def' } }),
          `${x.code} ${x.name}`,
        ),
      ),
      h('span', { class: 'legend-chip' }, h('i', { class: 'break-swatch' }), t('roster.break')),
      h('span', { class: 'legend-chip' }, h('i', { class: 'activity-swatch' }), t('roster.training')),
      h('span', { class: 'legend-chip' }, h('i', { class: 'off-swatch' }), t('roster.dayOff')),
      h('span', { class: 'legend-chip' }, h('i', { class: 'leave-swatch' }), t('roster.leave')),
    );
    const chartHolder = h('div');
    const drawChart = () => clear(chartHolder, coverageChart(roster, state.coverageSkill));
    drawChart();
    const coverageTools = skillsInCoverage.length
      ? h(
          'select',
          {
            id: 'coverage-skill',
            'aria-label': t('roster.skill'),
            onchange: (e) => {
              state.coverageSkill = e.target.value;
              drawChart();
            },
          },
          options(
            skillsInCoverage.map((code) => [code, ref.skills.find((x) => x.code === code)?.name ?? code]),
            state.coverageSkill,
          ),
        )
      : null;
    clear(
      content,
      card(
        t('roster.grid'),
        grid.filters,
        legend,
        grid.tools,
        grid.holder,
        editable ? h('p', { class: 'hint' }, t('roster.editHint'), ' ', t('grid.keys')) : null,
      ),
      card(
        t('roster.coverage'),
        coverageTools,
        roster.coverage.length ? chartHolder : null,
        dayCoverTable(roster) ?? (roster.coverage.length ? null : empty(t('roster.noCoverage'))),
      ),
      warningsCard(roster, ref.templates, writer ? { status, reload: load } : null),
      versionsCard(roster, ctx.zone, roster.version.version),
      roster.versions.length > 1 ? compareCard(roster) : null,
    );
  };

  const publish = async (roster) => {
    try {
      await post(`/rosters/${roster.id}/publish`, { expectedRevision: roster.revision });
      state.version = null;
      clear(status, notice('ok', t('roster.published')));
      await load();
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };

  const download = async (roster) => {
    const progress = jobProgress(t('common.preparingFile'));
    clear(status, progress.el);
    try {
      const name = await downloadExport(
        'roster',
        { rosterId: roster.id, version: roster.version.version, weekStart: roster.weekStart },
        lang(),
        progress.update,
      );
      clear(status, notice('ok', t('common.downloaded', { name })));
    } catch (e) {
      clear(status, notice('error', e.message));
    }
  };

  let generateOpen = false;
  const toggleGenerate = () => {
    generateOpen = !generateOpen;
    if (!generateOpen) return clear(gen);
    clear(
      gen,
      generatePanel({
        week: state.week,
        ref,
        onStarted: async (created) => {
          generateOpen = false;
          clear(gen);
          const progress = jobProgress(t('roster.generating'), created.timeLimitSeconds);
          const stop = stopButton(created.rosterId, status);
          clear(status, progress.el);
          state.rosterId = created.rosterId;
          await load();
          try {
            await followJob(created.jobId, (job) => {
              progress.update(job);
              // Offered once the solve runs; it keeps the best roster found so far.
              if (job.status === 'running' && !stop.isConnected && !stop.disabled) progress.el.append(stop);
            });
            state.rosterId = created.rosterId;
            state.version = null;
            clear(status, notice('ok', t('roster.generated')));
          } catch (e) {
            clear(status, notice('error', e.message));
          }
          await load();
        },
      }),
    );
  };

  await load();
}

export default {
  id: 'roster',
  label: 'nav.roster',
  roles: ['manager', 'supervisor', 'admin'],
  render: renderRoster,
  prefetch,
};
