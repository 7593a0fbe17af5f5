/**
 * The agent's self-service: ask for time off, offer a shift for a swap, take a team mate's offer,
 * pick up an open shift. Every refusal (a past day, an unpublished week, a broken rule) is the
 * API's own message, shown where the agent acted.
 */
import { del, get, post } from '../api.js';
import { badge, card, dialog, empty, field, h, options } from '../elements.js';
import { addDays, dayLabel, todayIn } from '../format.js';
import { t } from '../i18n.js';

export const TIME_OFF_KINDS = ['annual', 'comp', 'sick', 'personal'];

/** A dialog form whose submit calls `send`; an error stays in the dialog, a success closes it with its message. */
function requestForm(id, close, fields, send, submitLabel) {
  const problem = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h(
    'form',
    { class: 'dialog-form', id },
    fields,
    problem,
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'ghost', onclick: () => close(false) }, t('common.cancel')),
      submit,
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      close(await send());
    } catch (e) {
      problem.hidden = false;
      problem.textContent = e.message;
      submit.disabled = false;
    }
  });
  return form;
}

export function askTimeOff(ctx, date) {
  const day = date ?? addDays(todayIn(ctx.zone), 1);
  return dialog(t('self.askTimeOff'), (close) => {
    const kind = h(
      'select',
      { name: 'kind' },
      options(
        TIME_OFF_KINDS.map((k) => [k, t(`self.kind.${k}`)]),
        'comp',
      ),
    );
    const startDate = h('input', { type: 'date', name: 'startDate', value: day, required: true });
    const endDate = h('input', { type: 'date', name: 'endDate', value: day, required: true });
    const partDay = h('input', { type: 'checkbox', name: 'partDay' });
    const startTime = h('input', { type: 'time', name: 'startTime', value: '14:00', step: 900 });
    const endTime = h('input', { type: 'time', name: 'endTime', value: '18:00', step: 900 });
    const times = h(
      'div',
      { class: 'form-row', hidden: true },
      field(t('self.startTime'), startTime),
      field(t('self.endTime'), endTime),
    );
    partDay.addEventListener('change', () => (times.hidden = !partDay.checked));
    const reason = h('input', { name: 'reason', maxlength: 500 });
    return requestForm(
      'time-off-form',
      close,
      [
        field(t('self.kind'), kind),
        h('div', { class: 'form-row' }, field(t('self.from'), startDate), field(t('self.to'), endDate)),
        h('label', { class: 'check' }, partDay, t('self.partDay')),
        times,
        field(t('self.reason'), reason, t('self.reasonOptional')),
      ],
      async () => {
        const body = { kind: kind.value, startDate: startDate.value, endDate: endDate.value };
        if (partDay.checked) Object.assign(body, { startTime: startTime.value, endTime: endTime.value });
        if (reason.value.trim()) body.reason = reason.value.trim();
        const saved = await post('/time-off-requests', body);
        return saved.status === 'approved' ? t('self.timeOffApproved') : t('self.timeOffWaiting');
      },
      t('self.send'),
    );
  });
}

export function timeOffButton(ctx, say, redraw) {
  return h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'ask-time-off',
      onclick: () => askTimeOff(ctx).then((done) => done && (say('ok', done), redraw())),
    },
    t('self.askTimeOff'),
  );
}

/** Offers a published shift to the team; resolves with the message to show, or false when cancelled. */
export function offerSwap(shift, date) {
  const name = shift.name ?? shift.code;
  return dialog(t('self.swapTitle', { shift: name, date: dayLabel(date) }), (close) => {
    const reason = h('input', { name: 'reason', maxlength: 500 });
    return requestForm(
      'swap-form',
      close,
      [h('p', { class: 'hint' }, t('self.swapHint')), field(t('self.reason'), reason, t('self.reasonOptional'))],
      async () => {
        await post('/shift-swaps', { date, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
        return t('self.swapOffered');
      },
      t('self.offerSwap'),
    );
  });
}

function acceptSwap(swap, myShiftDates) {
  return dialog(t('self.acceptTitle', { agent: swap.offererName, date: dayLabel(swap.offerDate) }), (close) => {
    const back = h(
      'select',
      { name: 'returnDate' },
      options([['', t('self.noReturn')], ...myShiftDates.map((d) => [d, dayLabel(d)])], ''),
    );
    return requestForm(
      'accept-form',
      close,
      [field(t('self.returnDay'), back)],
      async () => {
        await post(`/shift-swaps/${swap.id}/accept`, back.value ? { returnDate: back.value } : {});
        return t('self.accepted');
      },
      t('self.accept'),
    );
  });
}

const act = (say, redraw, run) => async () => {
  try {
    const message = await run();
    if (message) say('ok', message);
    redraw();
  } catch (e) {
    say('error', e.message);
  }
};

function swapLine(swap, me, myShiftDates, say, redraw) {
  const mine = swap.offererId === me.id;
  const toMe = !mine && swap.status === 'open' && (!swap.toAgentId || swap.toAgentId === me.id);
  const words = swap.takerName
    ? t('self.takenBy', { taker: swap.takerName, agent: swap.offererName, date: dayLabel(swap.offerDate) })
    : mine
      ? t('self.myOffer', { date: dayLabel(swap.offerDate) })
      : t('self.offerToYou', { agent: swap.offererName, date: dayLabel(swap.offerDate) });
  const tools = [];
  if (toMe) {
    tools.push(
      h(
        'button',
        {
          type: 'button',
          class: 'small primary',
          'data-accept': swap.id,
          onclick: () => acceptSwap(swap, myShiftDates).then((done) => done && (say('ok', done), redraw())),
        },
        t('self.accept'),
      ),
    );
    if (swap.toAgentId === me.id)
      tools.push(
        h(
          'button',
          { type: 'button', class: 'small', onclick: act(say, redraw, () => post(`/shift-swaps/${swap.id}/decline`)) },
          t('self.decline'),
        ),
      );
  }
  if (mine && ['open', 'pending'].includes(swap.status))
    tools.push(
      h(
        'button',
        { type: 'button', class: 'small danger', onclick: act(say, redraw, () => del(`/shift-swaps/${swap.id}`)) },
        t('self.withdraw'),
      ),
    );
  return h(
    'li',
    { class: 'request', 'data-swap': swap.id },
    h('span', { class: 'request-kind' }, t('self.swap')),
    h(
      'span',
      { class: 'request-what' },
      words,
      swap.returnDate ? ` ${t('self.giveBack', { date: dayLabel(swap.returnDate) })}` : '',
    ),
    badge(swap.statusLabel, tone(swap.status)),
    h('span', { class: 'request-tools' }, tools),
  );
}

const tone = (status) =>
  ({ approved: 'good', filled: 'good', rejected: 'bad', declined: 'bad', pending: 'warn', open: 'info' })[status] ??
  'neutral';

function timeOffLine(request, say, redraw) {
  const span =
    request.startDate === request.endDate
      ? dayLabel(request.startDate)
      : `${dayLabel(request.startDate)} – ${dayLabel(request.endDate)}`;
  return h(
    'li',
    { class: 'request', 'data-time-off': request.id },
    h('span', { class: 'request-kind' }, t(`self.kind.${request.kind}`)),
    h('span', { class: 'request-what' }, span, request.startTime ? ` ${request.startTime}–${request.endTime}` : ''),
    badge(request.statusLabel, tone(request.status)),
    h(
      'span',
      { class: 'request-tools' },
      request.status === 'pending'
        ? h(
            'button',
            {
              type: 'button',
              class: 'small danger',
              onclick: act(say, redraw, () => del(`/time-off-requests/${request.id}`)),
            },
            t('self.withdraw'),
          )
        : null,
    ),
  );
}

/** Time-off requests, the agent's own swaps and the offers they may take. */
export async function requestsCard(ctx, me, say, redraw) {
  const today = todayIn(ctx.zone);
  const [timeOff, swaps, shifts] = await Promise.all([
    get('/time-off-requests', { limit: 10 }),
    get('/shift-swaps', { limit: 20 }),
    get('/me/shifts', { from: today, to: addDays(today, 27) }),
  ]);
  const myShiftDates = shifts.items.map((s) => s.date);
  // Offers of other agents that are no longer open are theirs to follow, not this agent's.
  const relevant = swaps.items.filter((s) => s.offererId === me.id || s.takerId === me.id || s.status === 'open');
  const lines = [
    ...relevant.map((s) => swapLine(s, me, myShiftDates, say, redraw)),
    ...timeOff.items.map((r) => timeOffLine(r, say, redraw)),
  ];
  return card(
    t('self.requests'),
    null,
    lines.length ? h('ul', { class: 'requests', id: 'my-requests' }, lines) : empty(t('self.noRequests')),
  );
}

/** Open shifts of the agent's team they may pick up (the API checks every rule on the pick). */
export async function openShiftsCard(ctx, me, say, redraw) {
  const today = todayIn(ctx.zone);
  const open = (await get('/open-shifts', { status: 'open', limit: 100 })).items.filter((o) => o.date >= today);
  if (!open.length) return card(t('self.openShifts'), null, empty(t('self.noOpenShifts')));
  open.sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? ''));
  return card(
    t('self.openShifts'),
    null,
    h(
      'ul',
      { class: 'requests', id: 'open-shifts' },
      open.map((o) =>
        h(
          'li',
          { class: 'request', 'data-open-shift': o.id },
          h('span', { class: 'request-kind' }, dayLabel(o.date)),
          h(
            'span',
            { class: 'request-what' },
            h('b', null, o.shiftName ?? o.shiftTemplate),
            o.start ? ` ${o.start}` : '',
            o.skill ? ` · ${t('self.skill', { skill: o.skill })}` : '',
          ),
          o.volunteers.includes(me.id)
            ? badge(t('self.volunteered'), 'warn')
            : h(
                'button',
                {
                  type: 'button',
                  class: 'small primary',
                  'data-pick': o.id,
                  onclick: act(say, redraw, async () => {
                    const taken = await post(`/open-shifts/${o.id}/volunteer`, {});
                    return taken.status === 'filled' ? t('self.pickedUp') : t('self.waitingPick');
                  }),
                },
                t('self.pickUp'),
              ),
        ),
      ),
    ),
  );
}
