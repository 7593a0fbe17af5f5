/** Forecast events: promotions (双11, 618 …) with their expected uplift, holidays and closed days. */
import { del, get, patch, post } from '../api.js';
import { badge, card, clear, h } from '../elements.js';
import { addDays, dayLabel, num, todayIn } from '../format.js';
import { t } from '../i18n.js';
import { guarded } from './common.js';
import { choice, formDialog, input, problemNotice, saved, table, valueOf } from './forms.js';

const KINDS = ['promotion', 'holiday', 'closed'];
const TONE = { promotion: 'info', holiday: 'warn', closed: 'bad' };

/** The uplift in words: ×3 (expected volume three times usual), or learnt from past days of the same label. */
const upliftText = (e) =>
  e.kind === 'closed'
    ? t('events.noWork')
    : e.multiplier
      ? t('events.uplift', { times: num(e.multiplier, 2) })
      : t('events.learnt');

function eventDialog(queues, current, today) {
  const c = current ?? { kind: 'promotion', date: today, multiplier: 2 };
  const labels = {
    date: t('common.date'),
    kind: t('events.kind'),
    label: t('events.label'),
    multiplier: t('events.multiplier'),
    queueId: t('events.queue'),
  };
  return formDialog(
    current ? t('events.edit') : t('events.new'),
    'event-form',
    [
      [
        [labels.date, input('date', { type: 'date', value: c.date })],
        [
          labels.kind,
          choice(
            'kind',
            KINDS.map((k) => [k, t(`events.kind.${k}`)]),
            c.kind,
          ),
        ],
        [
          labels.queueId,
          choice(
            'queueId',
            queues.map((q) => [q.id, q.name]),
            c.queueId ?? '',
            t('events.allQueues'),
          ),
        ],
      ],
      [
        [labels.label, input('label', { maxlength: 60, value: c.label ?? '' }), t('events.labelHint')],
        [
          labels.multiplier,
          input('multiplier', { type: 'number', min: 0, max: 20, step: 0.1, value: c.multiplier ?? '' }),
          t('events.multiplierHint'),
        ],
      ],
    ],
    (form) => {
      const multiplier = valueOf(form, 'multiplier');
      const body = {
        date: valueOf(form, 'date') ?? '',
        kind: valueOf(form, 'kind'),
        label: valueOf(form, 'label') ?? null,
        multiplier: multiplier === undefined ? null : Number(multiplier),
        queueId: valueOf(form, 'queueId') ?? null,
      };
      return current ? patch(`/forecast-events/${current.id}`, body) : post('/forecast-events', body);
    },
    { labels, wide: true },
  );
}

async function renderEvents(root, ctx) {
  const writer = ctx.can('manager', 'admin');
  const today = todayIn(ctx.zone);
  const queues = await get('/queues');
  const queueNames = new Map(queues.map((q) => [q.id, q.name]));
  const status = h('div');
  const list = h('div');
  const edit = async (current) => {
    const result = await eventDialog(queues, current, today);
    if (result) {
      await load();
      saved(
        status,
        t(current ? 'events.saved' : 'events.created', { date: dayLabel(result.date), uplift: upliftText(result) }),
      );
    }
  };
  const remove = async (e) => {
    try {
      await del(`/forecast-events/${e.id}`);
      await load();
      saved(status, t('events.removed', { date: dayLabel(e.date) }));
    } catch (error) {
      status.replaceChildren(problemNotice(error));
    }
  };
  const load = guarded(status, async () => {
    const page = await get('/forecast-events', { from: addDays(today, -90), limit: 200 });
    const events = [...page.items].sort((a, b) => a.date.localeCompare(b.date));
    clear(
      list,
      card(
        t('events.title'),
        writer
          ? h(
              'button',
              { type: 'button', class: 'primary small', id: 'new-event', onclick: () => edit(null) },
              t('events.new'),
            )
          : null,
        h('p', { class: 'hint' }, t('events.explain')),
        table(
          'events',
          [t('common.date'), t('events.kind'), t('events.label'), t('events.multiplier'), t('events.queue'), ''],
          events.map((e) =>
            h(
              'tr',
              { 'data-event': e.id, class: e.date < today ? 'row-past' : '' },
              h('td', null, `${e.date} · ${dayLabel(e.date)}`),
              h('td', null, badge(t(`events.kind.${e.kind}`), TONE[e.kind])),
              h('td', null, e.label ?? '—'),
              h('td', { class: 'event-uplift' }, upliftText(e)),
              h('td', null, e.queueId ? (queueNames.get(e.queueId) ?? '—') : t('events.allQueues')),
              h(
                'td',
                null,
                writer
                  ? [
                      h(
                        'button',
                        { type: 'button', class: 'small', 'data-edit': e.id, onclick: () => edit(e) },
                        t('form.edit'),
                      ),
                      ' ',
                      h(
                        'button',
                        { type: 'button', class: 'small ghost', 'data-remove': e.id, onclick: () => remove(e) },
                        t('common.delete'),
                      ),
                    ]
                  : null,
              ),
            ),
          ),
          t('events.none'),
        ),
      ),
    );
  });
  clear(root, status, list);
  await load();
}

export default {
  id: 'events',
  label: 'nav.events',
  roles: ['manager', 'supervisor', 'trainer', 'admin'],
  render: renderEvents,
};
