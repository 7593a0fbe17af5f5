/** Leave and availability: recorded leave with its decisions, and when agents can or would rather work (time-off requests are the inbox's). */
import { del, get, getAll, post } from '../api.js';
import { badge, card, clear, h } from '../elements.js';
import { addDays, localTime, todayIn } from '../format.js';
import { lang, t } from '../i18n.js';
import { guarded } from './common.js';
import { choice, formDialog, input, numberOf, problemNotice, saved, table, valueOf } from './forms.js';

const LEAVE_KINDS = ['annual', 'comp', 'sick', 'personal', 'training', 'other'];
const AVAILABILITY_KINDS = ['unavailable', 'prefers_off', 'prefers_on'];
const LEAVE_TONE = { requested: 'warn', approved: 'good', rejected: 'bad', cancelled: 'neutral' };

/** ISO weekday (1 = Monday) in the page's language; 2024-01-01 was a Monday. */
export const weekdayName = (n) =>
  new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, n)),
  );
const dates = (a, b) => (a === b ? a : `${a} – ${b}`);
/** A leave's dates, with its clock times when it does not cover whole local days (part of a day, or after a night). */
const when = (l, zone) => {
  const [from, to] = [localTime(l.startsAt, zone), localTime(l.endsAt, zone)];
  return from === '00:00' && to === '00:00'
    ? dates(l.startDate, l.endDate)
    : `${dates(l.startDate, l.endDate)} ${from}–${to === '00:00' ? '24:00' : to}`;
};

function leaveDialog(agents) {
  const labels = {
    agentId: t('common.agent'),
    kind: t('absence.kind'),
    startDate: t('absence.start'),
    endDate: t('absence.end'),
    reason: t('absence.reason'),
  };
  return formDialog(
    t('absence.record'),
    'leave-form',
    [
      [
        [labels.agentId, choice('agentId', agents, agents[0]?.[0])],
        [
          labels.kind,
          choice(
            'kind',
            LEAVE_KINDS.map((k) => [k, t(`absence.kind.${k}`)]),
            'annual',
          ),
        ],
      ],
      [
        [labels.startDate, input('startDate', { type: 'date' })],
        [labels.endDate, input('endDate', { type: 'date' })],
      ],
      [[labels.reason, input('reason', { maxlength: 500 })]],
    ],
    (form) =>
      post('/leave', {
        agentId: valueOf(form, 'agentId'),
        kind: valueOf(form, 'kind'),
        startDate: valueOf(form, 'startDate') ?? '',
        endDate: valueOf(form, 'endDate') ?? '',
        reason: valueOf(form, 'reason'),
      }),
    { labels },
  );
}

function availabilityDialog(agents) {
  const labels = {
    agentId: t('common.agent'),
    kind: t('availability.kind'),
    weekday: t('availability.weekday'),
    onDate: t('availability.onDate'),
    startTime: t('availability.from'),
    endTime: t('availability.to'),
    weight: t('availability.weight'),
    note: t('common.note'),
  };
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), weekdayName(n)]);
  return formDialog(
    t('availability.add'),
    'availability-form',
    [
      [
        [labels.agentId, choice('agentId', agents, agents[0]?.[0])],
        [
          labels.kind,
          choice(
            'kind',
            AVAILABILITY_KINDS.map((k) => [k, t(`availability.kind.${k}`)]),
            'unavailable',
          ),
        ],
      ],
      [
        [labels.weekday, choice('weekday', weekdays, '', t('availability.oneDate')), t('availability.repeats')],
        [labels.onDate, input('onDate', { type: 'date' })],
      ],
      [
        [labels.startTime, input('startTime', { type: 'time', value: '18:00' })],
        [labels.endTime, input('endTime', { type: 'time', value: '22:00' })],
        [labels.weight, input('weight', { type: 'number', min: 1, max: 10, value: 1 })],
      ],
      [[labels.note, input('note', { maxlength: 300 })]],
    ],
    (form) => {
      const weekday = numberOf(form, 'weekday');
      return post('/availability', {
        agentId: valueOf(form, 'agentId'),
        kind: valueOf(form, 'kind'),
        weekday,
        onDate: weekday ? undefined : (valueOf(form, 'onDate') ?? ''),
        startTime: valueOf(form, 'startTime') ?? '',
        endTime: valueOf(form, 'endTime') ?? '',
        weight: numberOf(form, 'weight'),
        note: valueOf(form, 'note'),
      });
    },
    { labels },
  );
}

/** A button that runs a call, then reloads with a "done" line; a refusal is shown in the status area. */
const action = (status, text, attrs, call, done, reload) =>
  h(
    'button',
    {
      type: 'button',
      class: 'small',
      ...attrs,
      onclick: async () => {
        try {
          await call();
          await reload();
          saved(status, done);
        } catch (e) {
          status.replaceChildren(problemNotice(e));
        }
      },
    },
    text,
  );

async function renderLeave(root, ctx) {
  const agents = await getAll('/agents');
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const agentPairs = agents.map((a) => [a.id, `${a.name} (${a.employeeNo})`]);
  const status = h('div');
  const leave = h('div');
  const availability = h('div');
  const since = addDays(todayIn(ctx.zone), -30);

  const load = guarded(status, async () => {
    const [leaves, slots] = await Promise.all([get('/leave', { from: since, limit: 200 }), get('/availability')]);
    const act = (text, attrs, call, done) => action(status, text, attrs, call, done, load);
    clear(
      leave,
      card(
        t('absence.leave'),
        h(
          'button',
          {
            type: 'button',
            class: 'primary small',
            id: 'record-leave',
            onclick: async () => {
              const made = await leaveDialog(agentPairs);
              if (made)
                await load().then(() => saved(status, t('absence.recorded', { name: names.get(made.agentId) })));
            },
          },
          t('absence.record'),
        ),
        table(
          'leave',
          [t('common.agent'), t('absence.kind'), t('absence.when'), t('common.status'), t('absence.reason'), ''],
          leaves.items.map((l) => [
            names.get(l.agentId) ?? '—',
            t(`absence.kind.${l.kind}`),
            when(l, ctx.zone),
            badge(t(`absence.status.${l.status}`), LEAVE_TONE[l.status]),
            l.reason ?? '',
            [
              ...(l.status === 'requested' ? ['approved', 'rejected'] : []).map((decision) =>
                act(
                  t(`absence.${decision}`),
                  { 'data-leave': l.id, 'data-decision': decision },
                  () => post(`/leave/${l.id}/decision`, { decision }),
                  t(`absence.decided.${decision}`, { name: names.get(l.agentId) }),
                ),
              ),
              ['requested', 'approved'].includes(l.status)
                ? act(
                    t('absence.cancel'),
                    { 'data-leave': l.id, 'data-decision': 'cancel', class: 'small ghost' },
                    () => del(`/leave/${l.id}`),
                    t('absence.cancelled', { name: names.get(l.agentId) }),
                  )
                : null,
            ],
          ]),
          t('absence.none'),
        ),
      ),
    );
    clear(
      availability,
      card(
        t('availability.title'),
        h(
          'button',
          {
            type: 'button',
            class: 'primary small',
            id: 'add-availability',
            onclick: async () => {
              const made = await availabilityDialog(agentPairs);
              if (made)
                await load().then(() => saved(status, t('availability.added', { name: names.get(made.agentId) })));
            },
          },
          t('availability.add'),
        ),
        table(
          'availability',
          [
            t('common.agent'),
            t('availability.kind'),
            t('absence.when'),
            t('availability.hours'),
            `#${t('availability.weight')}`,
            t('common.note'),
            '',
          ],
          slots.map((a) => [
            names.get(a.agentId) ?? '—',
            t(`availability.kind.${a.kind}`),
            a.weekday ? t('availability.every', { day: weekdayName(a.weekday) }) : a.onDate,
            `${a.startTime}–${a.endTime}`,
            a.weight,
            a.note ?? '',
            act(
              t('common.delete'),
              { 'data-availability': a.id, class: 'small ghost' },
              () => del(`/availability/${a.id}`),
              t('availability.removed', { name: names.get(a.agentId) }),
            ),
          ]),
          t('availability.none'),
        ),
      ),
    );
  });
  clear(root, status, h('div', { class: 'stack' }, leave, availability));
  await load();
}

export default {
  id: 'leave',
  label: 'nav.leave',
  roles: ['manager', 'supervisor', 'hr', 'admin'],
  render: renderLeave,
};
