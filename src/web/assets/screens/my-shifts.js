/**
 * The agent's shifts as a day list (this and next week), readable on a phone: each day its shift
 * with a 24-hour track, the part of a night shift after 00:00 on the next day, leave, days off,
 * and "not published yet" for a week without a published roster. A future shift can be offered
 * for a swap from its row.
 */
import { get } from '../api.js';
import { card, h } from '../elements.js';
import { addDays, clockOfLocal, dayLabel, isoWeekday, todayIn } from '../format.js';
import { t } from '../i18n.js';
import { carriedInto, dayTrack } from './roster-grid.js';
import { answered, offerSwap, timeOffButton } from './self-service.js';

const WEEKS = 2;

function dayRow(day, carried, { today, offered, onOffer }) {
  const { date, shift, leave, published } = day;
  // Leave with its times when it covers only part of the day ("Leave 14:00–18:00").
  const leaveMarks = leave.map((l) =>
    h(
      'span',
      { class: 'day-mark leave', 'data-leave': `${l.start}–${l.end}` },
      l.start === '00:00' && l.end === '24:00' ? t('roster.leave') : `${t('roster.leave')} ${l.start}–${l.end}`,
    ),
  );
  const what = shift
    ? h(
        'div',
        { class: 'day-what' },
        h('b', null, shift.name ?? shift.code),
        ` ${clockOfLocal(shift.start.local)}–${clockOfLocal(shift.end.local)}`,
        ...leaveMarks,
      )
    : h(
        'div',
        { class: 'day-what' },
        !published
          ? h('span', { class: 'day-mark unpublished' }, t('days.notPublished'))
          : leave.length
            ? leaveMarks
            : h('span', { class: 'day-mark off' }, t('roster.dayOff')),
      );
  const tail = carried
    ? h(
        'div',
        { class: 'carried-label' },
        t('roster.carried', { shift: carried.name ?? carried.code, end: clockOfLocal(carried.end.local) }),
      )
    : null;
  const canOffer = shift && date >= today;
  return h(
    'li',
    {
      class: `day-row${date === today ? ' today' : ''}${isoWeekday(date) >= 6 ? ' weekend' : ''}`,
      'data-date': date,
    },
    h(
      'div',
      { class: 'day-when' },
      dayLabel(date),
      date === today ? h('span', { class: 'badge badge-info' }, t('days.today')) : null,
    ),
    h('div', { class: 'day-body' }, what, tail, shift || carried ? dayTrack(shift, carried) : null),
    h(
      'div',
      { class: 'day-actions' },
      canOffer && offered.has(date) ? h('span', { class: 'badge badge-warn' }, t('days.offered')) : null,
      canOffer && !offered.has(date)
        ? h(
            'button',
            { type: 'button', class: 'small', 'data-offer': date, onclick: () => onOffer(shift, date) },
            t('self.offerSwap'),
          )
        : null,
    ),
  );
}

/** `state.week`: the Monday the list starts on; `redraw` after a request or a week change. */
export async function myShiftsCard(ctx, me, state, redraw, say) {
  const from = state.week;
  const to = addDays(from, 7 * WEEKS - 1);
  const today = todayIn(ctx.zone);
  // From the day before: Sunday night's shift runs into Monday.
  const [mine, swaps] = await Promise.all([
    get('/me/shifts', { from: addDays(from, -1), to }),
    get('/shift-swaps', { limit: 100 }).catch(() => ({ items: [] })),
  ]);
  const byDate = new Map(mine.items.map((s) => [s.date, s]));
  const leaveOn = (date) => mine.leave.filter((l) => l.date === date);
  // Days already in a swap: offered by this agent, or given back by them for a shift they take.
  const offered = new Set(
    swaps.items.flatMap((s) =>
      s.offererId === me.id && ['open', 'pending'].includes(s.status)
        ? [s.offerDate]
        : s.takerId === me.id && s.status === 'pending' && s.returnDate
          ? [s.returnDate]
          : [],
    ),
  );
  const onOffer = (shift, date) => offerSwap(shift, date).then(answered(say, redraw));
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const weeks = Array.from({ length: WEEKS }, (_, w) => {
    const monday = addDays(from, 7 * w);
    const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    // /me/shifts holds published shifts only: a week with none of them has no published roster for this agent.
    const published = dates.some((d) => byDate.has(d));
    const days = [addDays(monday, -1), ...dates].map((date) => ({
      date,
      shift: byDate.get(date) ?? null,
      leave: leaveOn(date),
      published,
    }));
    const label =
      monday === thisMonday ? 'days.thisWeek' : monday === addDays(thisMonday, 7) ? 'days.nextWeek' : 'days.week';
    return h(
      'section',
      { class: 'day-week', 'data-week': monday },
      h('h3', { class: 'day-week-head' }, t(label, { from: dayLabel(monday), to: dayLabel(addDays(monday, 6)) })),
      published ? null : h('p', { class: 'hint', 'data-unpublished': monday }, t('days.notPublishedWeek')),
      h(
        'ol',
        { class: 'day-list' },
        dates.map((_, i) => dayRow(days[i + 1], carriedInto(days, i + 1), { today, offered, onOffer })),
      ),
    );
  });
  const step = (days) => () => {
    state.week = addDays(state.week, days);
    redraw();
  };
  const tools = [
    timeOffButton(ctx, say, redraw),
    h(
      'div',
      { class: 'week-nav' },
      h(
        'button',
        {
          type: 'button',
          class: 'ghost',
          id: 'my-previous-week',
          'aria-label': t('roster.prevWeek'),
          onclick: step(-7),
        },
        '‹',
      ),
      h(
        'button',
        { type: 'button', class: 'ghost', id: 'my-next-week', 'aria-label': t('roster.nextWeek'), onclick: step(7) },
        '›',
      ),
    ),
  ];
  return card(t('me.shifts'), tools, h('div', { id: 'my-days' }, weeks));
}
