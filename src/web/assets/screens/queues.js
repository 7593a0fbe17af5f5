/** Queues and their service targets: what "answered in time" means per queue, and how its work is handled. */
import { get, patch, post } from '../api.js';
import { badge, card, clear, h } from '../elements.js';
import { t } from '../i18n.js';
import { guarded } from './common.js';
import { checkbox, choice, formDialog, input, numberOf, saved, table, valueOf } from './forms.js';

const CHANNELS = ['chat', 'phone', 'email', 'review'];
const KINDS = ['realtime', 'deferred'];

/** The target in words: 80% within 30 s, or (deferred work) everything within its deadline. */
export const targetText = (q) =>
  q.kind === 'deferred' && q.deadlineMinutes
    ? t('queues.targetDeferred', { minutes: q.deadlineMinutes })
    : t('queues.target', { percent: q.serviceLevelPercent, seconds: q.serviceLevelSeconds });

function queueDialog(current) {
  const c = current ?? {
    channel: 'chat',
    kind: 'realtime',
    chatConcurrency: 1,
    serviceLevelPercent: 80,
    serviceLevelSeconds: 30,
  };
  const labels = {
    code: t('queues.code'),
    name: t('queues.name'),
    channel: t('queues.channel'),
    kind: t('queues.kind'),
    serviceLevelPercent: t('queues.slPercent'),
    serviceLevelSeconds: t('queues.slSeconds'),
    deadlineMinutes: t('queues.deadline'),
    defaultHandleSeconds: t('queues.handle'),
    chatConcurrency: t('queues.concurrency'),
    patienceSeconds: t('queues.patience'),
  };
  const number = (name, value, attrs = {}) => input(name, { type: 'number', min: 0, value: value ?? '', ...attrs });
  return formDialog(
    current ? t('queues.edit', { name: current.name }) : t('queues.new'),
    'queue-form',
    [
      [
        current ? null : [labels.code, input('code', { maxlength: 40 }), t('queues.codeHint')],
        [labels.name, input('name', { maxlength: 100, value: c.name ?? '' })],
        current
          ? null
          : [
              labels.channel,
              choice(
                'channel',
                CHANNELS.map((x) => [x, t(`queues.channel.${x}`)]),
                c.channel,
              ),
            ],
        current
          ? null
          : [
              labels.kind,
              choice(
                'kind',
                KINDS.map((x) => [x, t(`queues.kind.${x}`)]),
                c.kind,
              ),
            ],
      ].filter(Boolean),
      h('div', { class: 'field-label' }, t('queues.targetTitle')),
      [
        [labels.serviceLevelPercent, number('serviceLevelPercent', c.serviceLevelPercent, { min: 1, max: 100 })],
        [labels.serviceLevelSeconds, number('serviceLevelSeconds', c.serviceLevelSeconds)],
        [labels.deadlineMinutes, number('deadlineMinutes', c.deadlineMinutes, { min: 1 }), t('queues.deadlineHint')],
      ],
      [
        [labels.defaultHandleSeconds, number('defaultHandleSeconds', c.defaultHandleSeconds, { min: 1 })],
        [labels.chatConcurrency, number('chatConcurrency', c.chatConcurrency, { min: 1, max: 10 })],
        [labels.patienceSeconds, number('patienceSeconds', c.patienceSeconds, { min: 1 }), t('queues.patienceHint')],
        current ? h('label', { class: 'check' }, checkbox('active', c.active), t('queues.active')) : null,
      ].filter(Boolean),
    ],
    (form) => {
      const body = {
        name: valueOf(form, 'name') ?? '',
        serviceLevelPercent: numberOf(form, 'serviceLevelPercent'),
        serviceLevelSeconds: numberOf(form, 'serviceLevelSeconds'),
        defaultHandleSeconds: numberOf(form, 'defaultHandleSeconds'),
        chatConcurrency: numberOf(form, 'chatConcurrency'),
      };
      if (current)
        return patch(`/queues/${current.id}`, {
          ...body,
          deadlineMinutes: numberOf(form, 'deadlineMinutes') ?? null,
          patienceSeconds: numberOf(form, 'patienceSeconds') ?? null,
          active: valueOf(form, 'active'),
        });
      return post('/queues', {
        ...body,
        code: valueOf(form, 'code') ?? '',
        channel: valueOf(form, 'channel'),
        kind: valueOf(form, 'kind'),
        deadlineMinutes: numberOf(form, 'deadlineMinutes'),
        patienceSeconds: numberOf(form, 'patienceSeconds'),
      });
    },
    { labels, wide: true },
  );
}

async function renderQueues(root, ctx) {
  const writer = ctx.can('manager', 'admin');
  const skills = await get('/skills');
  const skillNames = new Map((skills.items ?? skills).map((s) => [s.id, s.name]));
  const status = h('div');
  const list = h('div');
  const edit = async (current) => {
    const result = await queueDialog(current);
    if (result) {
      await load();
      saved(status, t(current ? 'queues.saved' : 'queues.created', { name: result.name, target: targetText(result) }));
    }
  };
  const load = guarded(status, async () => {
    const queues = await get('/queues');
    clear(
      list,
      card(
        t('queues.title', { count: queues.length }),
        writer
          ? h(
              'button',
              { type: 'button', class: 'primary small', id: 'new-queue', onclick: () => edit(null) },
              t('queues.new'),
            )
          : null,
        table(
          'queues',
          [
            t('queues.name'),
            t('queues.channel'),
            t('queues.targetTitle'),
            `#${t('queues.handle')}`,
            `#${t('queues.concurrency')}`,
            t('queues.skill'),
            t('common.status'),
            '',
          ],
          queues.map((q) =>
            h(
              'tr',
              { 'data-queue': q.id },
              h('td', null, h('strong', null, q.name)),
              h('td', null, `${t(`queues.channel.${q.channel}`)} · ${t(`queues.kind.${q.kind}`)}`),
              h('td', { class: 'queue-target' }, targetText(q)),
              h('td', { class: 'num' }, t('queues.seconds', { n: q.defaultHandleSeconds })),
              h('td', { class: 'num' }, q.chatConcurrency),
              h('td', null, q.requiredSkillId ? (skillNames.get(q.requiredSkillId) ?? '—') : '—'),
              h('td', null, q.active ? badge(t('queues.active'), 'good') : badge(t('queues.inactive'))),
              h(
                'td',
                null,
                writer
                  ? h(
                      'button',
                      { type: 'button', class: 'small', 'data-edit': q.id, onclick: () => edit(q) },
                      t('form.edit'),
                    )
                  : null,
              ),
            ),
          ),
          t('queues.none'),
        ),
      ),
    );
  });
  clear(root, status, list);
  await load();
}

export default {
  id: 'queues',
  label: 'nav.queues',
  roles: ['manager', 'supervisor', 'admin'],
  render: renderQueues,
};
