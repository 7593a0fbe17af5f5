/** Shift templates: start (fixed or a window), length, breaks, late flag and colour; created, edited, archived. */
import { del, get, patch, post } from '../api.js';
import { badge, card, clear, h } from '../elements.js';
import { t } from '../i18n.js';
import { guarded } from './common.js';
import { checkbox, formDialog, input, numberOf, problemNotice, saved, table, valueOf } from './forms.js';

const hours = (minutes) =>
  t('templates.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
/** The starter templates name their breaks `meal` and `rest`: shown in the page's language; a shop's own names as they are. */
const breakLabel = (name) => {
  const key = `templates.break.${name}`;
  return t(key) === key ? name : t(key);
};
const startText = (s) => (s.start ? s.start : t('templates.window', s.startWindow));

/** One break rule as a row of the dialog. */
function breakRow(b = {}) {
  const row = h(
    'div',
    { class: 'form-row break-row' },
    input('breakName', { maxlength: 40, value: b.name ?? '', 'aria-label': t('templates.breakName') }),
    input('breakMinutes', {
      type: 'number',
      min: 5,
      max: 180,
      value: b.minutes ?? 30,
      'aria-label': t('templates.breakMinutes'),
    }),
    input('breakEarliest', {
      type: 'number',
      min: 0,
      value: b.earliestStartAfterMinutes ?? 120,
      'aria-label': t('templates.breakEarliest'),
    }),
    input('breakLatest', {
      type: 'number',
      min: 0,
      value: b.latestStartAfterMinutes ?? 240,
      'aria-label': t('templates.breakLatest'),
    }),
    h('label', { class: 'check' }, checkbox('breakPaid', b.paid), t('templates.paid')),
    h('button', { type: 'button', class: 'small ghost', onclick: () => row.remove() }, t('form.remove')),
  );
  return row;
}

function templateDialog(current) {
  const c = current ?? { start: '09:00', lengthMinutes: 540, breaks: [], late: false, colour: '#5B8DEF' };
  const labels = {
    code: t('templates.code'),
    name: t('templates.name'),
    start: t('templates.start'),
    startWindow: t('templates.windowFrom'),
    lengthMinutes: t('templates.length'),
    breaks: t('templates.breaks'),
    colour: t('templates.colour'),
  };
  const breaks = h('div', { class: 'stack-tight', id: 'break-rows' }, c.breaks.map(breakRow));
  const readBreaks = () =>
    [...breaks.querySelectorAll('.break-row')].map((row) => {
      const v = (name) => row.querySelector(`[name=${name}]`);
      return {
        name: v('breakName').value.trim(),
        minutes: Number(v('breakMinutes').value),
        earliestStartAfterMinutes: Number(v('breakEarliest').value),
        latestStartAfterMinutes: Number(v('breakLatest').value),
        paid: v('breakPaid').checked,
      };
    });
  return formDialog(
    current ? t('templates.edit', { name: current.name }) : t('templates.new'),
    'template-form',
    [
      [
        [labels.code, input('code', { maxlength: 20, value: c.code ?? '' })],
        [labels.name, input('name', { maxlength: 60, value: c.name ?? '' })],
        [labels.colour, input('colour', { type: 'color', value: c.colour })],
        h('label', { class: 'check' }, checkbox('late', c.late), t('templates.late')),
      ],
      [
        [labels.start, input('start', { type: 'time', value: c.start ?? '' }), t('templates.startHint')],
        [labels.startWindow, input('earliest', { type: 'time', value: c.startWindow?.earliest ?? '' })],
        [t('templates.windowTo'), input('latest', { type: 'time', value: c.startWindow?.latest ?? '' })],
        [
          labels.lengthMinutes,
          input('lengthMinutes', { type: 'number', min: 60, max: 720, step: 15, value: c.lengthMinutes }),
        ],
      ],
      h('div', { class: 'field-label' }, labels.breaks, ' ', h('span', { class: 'hint' }, t('templates.breakHint'))),
      breaks,
      h(
        'div',
        null,
        h(
          'button',
          { type: 'button', class: 'small', id: 'add-break', onclick: () => breaks.append(breakRow()) },
          t('templates.addBreak'),
        ),
      ),
    ],
    (form) => {
      const earliest = valueOf(form, 'earliest');
      const latest = valueOf(form, 'latest');
      const windowed = Boolean(earliest || latest);
      const body = {
        name: valueOf(form, 'name') ?? '',
        start: windowed ? null : (valueOf(form, 'start') ?? null),
        startWindow: windowed ? { earliest: earliest ?? '', latest: latest ?? '' } : null,
        lengthMinutes: numberOf(form, 'lengthMinutes'),
        breaks: readBreaks(),
        late: valueOf(form, 'late'),
        colour: valueOf(form, 'colour').toUpperCase(),
      };
      return current
        ? patch(`/shift-templates/${current.id}`, body)
        : post('/shift-templates', { code: valueOf(form, 'code') ?? '', ...body });
    },
    { labels, wide: true },
  );
}

async function renderTemplates(root, ctx) {
  const writer = ctx.can('manager', 'admin');
  const status = h('div');
  const list = h('div');
  const edit = async (current) => {
    const result = await templateDialog(current);
    if (result) {
      await load();
      saved(status, t(current ? 'templates.saved' : 'templates.created', { name: result.name }));
    }
  };
  const archive = async (s) => {
    try {
      await del(`/shift-templates/${s.id}`);
      await load();
      saved(status, t('templates.archived', { name: s.name }));
    } catch (e) {
      status.replaceChildren(problemNotice(e));
    }
  };
  const load = guarded(status, async () => {
    const templates = await get('/shift-templates');
    clear(
      list,
      card(
        t('templates.title', { count: templates.length }),
        writer
          ? h(
              'button',
              { type: 'button', class: 'primary small', id: 'new-template', onclick: () => edit(null) },
              t('templates.new'),
            )
          : null,
        table(
          'templates',
          [
            '',
            t('templates.name'),
            t('templates.start'),
            t('templates.length'),
            t('templates.end'),
            t('templates.breaks'),
            '',
            '',
          ],
          templates.map((s) =>
            h(
              'tr',
              { 'data-template': s.id },
              h('td', null, h('i', { class: 'swatch', style: { background: s.colour } })),
              h('td', null, h('strong', null, s.name), ' ', h('span', { class: 'hint' }, s.code)),
              h('td', null, startText(s)),
              h('td', null, hours(s.lengthMinutes)),
              h('td', null, s.end ?? '—'),
              h(
                'td',
                null,
                s.breaks.length
                  ? s.breaks
                      .map((b) =>
                        t(b.paid ? 'templates.breakPaid' : 'templates.breakUnpaid', {
                          name: breakLabel(b.name),
                          minutes: b.minutes,
                        }),
                      )
                      .join(' · ')
                  : t('templates.noBreaks'),
              ),
              h('td', null, s.late ? badge(t('templates.late'), 'info') : null),
              h(
                'td',
                null,
                writer
                  ? [
                      h(
                        'button',
                        { type: 'button', class: 'small', 'data-edit': s.id, onclick: () => edit(s) },
                        t('form.edit'),
                      ),
                      ' ',
                      h(
                        'button',
                        { type: 'button', class: 'small ghost', 'data-archive': s.id, onclick: () => archive(s) },
                        t('templates.archive'),
                      ),
                    ]
                  : null,
              ),
            ),
          ),
          t('templates.none'),
        ),
      ),
    );
  });
  clear(root, status, list);
  await load();
}

export default {
  id: 'templates',
  label: 'nav.templates',
  roles: ['manager', 'supervisor', 'admin'],
  render: renderTemplates,
};
