/** Small pieces the screens share: notices, live job progress, date inputs, KPI names. */
import { get } from '../api.js';
import { h } from '../elements.js';
import { lang, t } from '../i18n.js';

export function notice(tone, text) {
  return h('div', { class: `notice notice-${tone}`, role: tone === 'error' ? 'alert' : 'status' }, text);
}

/**
 * A progress bar fed by GET /jobs/:id answers. A solver reports little while it searches, so with
 * `expectedSeconds` (its time limit) the bar also moves with the time spent.
 */
export function jobProgress(title, expectedSeconds) {
  const shownAt = Date.now();
  const bar = h('div', { class: 'progress-fill' });
  const note = h('span', { class: 'progress-note' }, t('status.queued'));
  const el = h(
    'div',
    { class: 'job-progress', id: 'job-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 },
    h('div', { class: 'progress-title' }, h('strong', null, title), note),
    h('div', { class: 'progress-track' }, bar),
  );
  const update = (job) => {
    const seconds = Math.round(
      (Date.now() - (job.startedAt ? Math.min(Date.parse(job.startedAt), Date.now()) : shownAt)) / 1000,
    );
    const byTime = expectedSeconds && job.status === 'running' ? Math.min(95, (seconds / expectedSeconds) * 95) : 0;
    const value =
      job.status === 'completed' ? 100 : Math.round(Math.max(3, byTime, Math.min(100, Number(job.progress ?? 0))));
    bar.style.width = `${value}%`;
    el.setAttribute('aria-valuenow', String(value));
    note.textContent = `${t(`status.${job.status}`)} · ${value}%${job.status === 'running' ? ` · ${seconds} s` : ''}${job.progressNote ? ` · ${job.progressNote}` : ''}`;
  };
  return { el, update };
}

/**
 * A screen's (re)load, run from event handlers: a failure is shown in the screen's status area
 * instead of being lost as an unhandled rejection; the next success clears that error.
 */
export function guarded(status, load) {
  return async (...args) => {
    try {
      await load(...args);
      if (status.querySelector(':scope > .notice-error')) status.replaceChildren();
    } catch (e) {
      status.replaceChildren(notice('error', e.message));
    }
  };
}

export function dateInput(value, onchange, label) {
  return h('input', {
    type: 'date',
    value,
    'aria-label': label,
    onchange: (e) => e.target.value && onchange(e.target.value),
  });
}

let definitions = null;
/** The KPI registry (name, Chinese name, unit, direction), read once. */
export async function kpiDefinitions() {
  definitions ??= get('/kpis/definitions').then((list) => new Map(list.map((d) => [d.key, d])));
  return definitions;
}
export const kpiName = (defs, key) => {
  const d = defs.get(key);
  return d ? (lang() === 'zh' ? d.nameZh : d.name) : key;
};
