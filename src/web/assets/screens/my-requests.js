/**
 * The agent's requests and swaps (with the offers they may take) and the open shifts of their team
 * they may pick up; each line with the actions its state allows.
 */
import { del, get, post } from '../api.js';
import { badge, card, empty, h } from '../elements.js';
import { addDays, dayLabel, todayIn } from '../format.js';
import { t } from '../i18n.js';
import { acceptSwap, act, answered } from './self-service.js';

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
          onclick: () => acceptSwap(swap, myShiftDates).then(answered(say, redraw)),
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
  const [list, mine] = await Promise.all([
    get('/open-shifts', { status: 'open', limit: 100 }),
    get('/me/shifts', { from: today, to: addDays(today, 27) }),
  ]);
  // A day the agent already works is not theirs to pick up (the API would refuse it).
  const working = new Set(mine.items.map((s) => s.date));
  const open = list.items.filter((o) => o.date >= today && !working.has(o.date));
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
