/**
 * The agent's self-service dialogs: ask for time off, offer a shift for a swap, take a team mate's
 * offer. Every refusal (a past day, an unpublished week, a broken rule) is the
 * API's own message, shown where the agent acted.
 */
import { post } from '../api.js';
import { dialog, field, h, options } from '../elements.js';
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
      onclick: () => askTimeOff(ctx).then(answered(say, redraw)),
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

export function acceptSwap(swap, myShiftDates) {
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

/** A click that calls the API: its answer is said, the screen redrawn; a refusal is said as the API put it. */
export const act = (say, redraw, run) => async () => {
  try {
    const message = await run();
    // Redrawn first, then said: what the status line tells is already on screen.
    await redraw();
    if (message) say('ok', message);
  } catch (e) {
    say('error', e.message);
  }
};

/** After a dialog: redraw, then say its answer (nothing when it was cancelled). */
export const answered = (say, redraw) => async (done) => {
  if (!done) return;
  await redraw();
  say('ok', done);
};
