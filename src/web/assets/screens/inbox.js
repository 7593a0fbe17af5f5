/**
 * Approvals (supervisors and managers): time-off requests and shift swaps waiting for a decision,
 * open shifts with volunteers waiting for a pick, and the in-app feed. The API checks every rule
 * again on a decision; a refusal or a 409 (someone decided first) is shown as its message.
 */
import { getAll, post } from '../api.js';
import { card, clear, dialog, empty, field, h } from '../elements.js';
import { dayLabel, dateTime } from '../format.js';
import { t } from '../i18n.js';
import { notice } from './common.js';
import { feedCard } from './notifications.js';

const span = (from, to) => (from === to ? dayLabel(from) : `${dayLabel(from)} – ${dayLabel(to)}`);

function declineNote(what) {
  return dialog(t('inbox.declineTitle', { what }), (close) => {
    const note = h('textarea', { name: 'note', maxlength: 500 });
    const form = h(
      'form',
      { class: 'dialog-form', id: 'decline-form' },
      field(t('inbox.note'), note, t('self.reasonOptional')),
      h(
        'div',
        { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'ghost', onclick: () => close(undefined) }, t('common.cancel')),
        h('button', { type: 'submit', class: 'danger' }, t('inbox.decline')),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      close(note.value.trim());
    });
    return form;
  });
}

function table(id, headers, rows) {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data compact inbox-table', id },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          headers.map((x) => h('th', null, x)),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

export async function renderInbox(root, ctx) {
  const status = h('div', { class: 'status-area', id: 'inbox-status' });
  const body = h('div', { class: 'stack', id: 'inbox' });
  clear(root, status, body);
  const say = (tone, text) => status.replaceChildren(notice(tone, text));
  // A decision: the API's answer or refusal is said, then everything is read again.
  // Redrawn first, then said: what the status line tells is already on screen.
  const decide = (run, done) => async () => {
    let answer;
    try {
      if ((await run()) === undefined) return;
      answer = ['ok', done];
    } catch (e) {
      answer = ['error', e.message];
    }
    await draw().catch((e) => (answer = ['error', e.message]));
    say(...answer);
  };
  const decisionButtons = (path, what, id) => [
    h(
      'button',
      {
        type: 'button',
        class: 'small primary',
        'data-approve': id,
        onclick: decide(() => post(`${path}/decision`, { decision: 'approved' }), t('inbox.approved', { what })),
      },
      t('inbox.approve'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'small danger',
        'data-decline': id,
        onclick: decide(
          async () => {
            const note = await declineNote(what);
            if (note === undefined) return undefined;
            return post(`${path}/decision`, { decision: 'rejected', ...(note ? { note } : {}) });
          },
          t('inbox.declined', { what }),
        ),
      },
      t('inbox.decline'),
    ),
  ];

  async function draw() {
    const [timeOff, swaps, open, agents] = await Promise.all([
      getAll('/time-off-requests', { status: 'pending' }),
      getAll('/shift-swaps', { status: 'pending' }),
      getAll('/open-shifts', { status: 'open' }),
      getAll('/agents'),
    ]);
    const names = new Map(agents.map((a) => [a.id, a.name]));
    const waitingPick = open.filter((o) => o.policy === 'manager' && o.volunteers.length > 0);
    const timeOffCard = card(
      t('inbox.timeOff'),
      null,
      timeOff.length
        ? table(
            'inbox-time-off',
            [t('inbox.who'), t('self.kind'), t('inbox.when'), t('self.reason'), ''],
            timeOff.map((r) => {
              const what = `${r.agentName} · ${t(`self.kind.${r.kind}`)} · ${span(r.startDate, r.endDate)}`;
              return h(
                'tr',
                { 'data-request': r.id },
                h('td', null, r.agentName),
                h('td', null, t(`self.kind.${r.kind}`)),
                h(
                  'td',
                  null,
                  span(r.startDate, r.endDate),
                  r.startTime ? ` ${r.startTime}–${r.endTime}` : '',
                  h('div', { class: 'hint' }, dateTime(r.createdAt, ctx.zone)),
                ),
                h('td', null, r.reason ?? ''),
                h(
                  'td',
                  null,
                  h('div', { class: 'row-tools' }, decisionButtons(`/time-off-requests/${r.id}`, what, r.id)),
                ),
              );
            }),
          )
        : empty(t('inbox.nothing')),
    );
    const swapsCard = card(
      t('inbox.swaps'),
      null,
      swaps.length
        ? table(
            'inbox-swaps',
            [t('inbox.what'), t('self.reason'), ''],
            swaps.map((s) => {
              const what = t('self.takenBy', { taker: s.takerName, agent: s.offererName, date: dayLabel(s.offerDate) });
              return h(
                'tr',
                { 'data-swap': s.id },
                h('td', null, what, s.returnDate ? ` ${t('self.giveBack', { date: dayLabel(s.returnDate) })}` : ''),
                h('td', null, s.reason ?? ''),
                h('td', null, h('div', { class: 'row-tools' }, decisionButtons(`/shift-swaps/${s.id}`, what, s.id))),
              );
            }),
          )
        : empty(t('inbox.nothing')),
    );
    const openCard = waitingPick.length
      ? card(
          t('inbox.openShifts'),
          null,
          table(
            'inbox-open-shifts',
            [t('inbox.when'), t('inbox.what'), t('inbox.volunteers')],
            waitingPick.map((o) => {
              const what = `${dayLabel(o.date)} ${o.shiftName ?? o.shiftTemplate}${o.start ? ` ${o.start}` : ''}`;
              return h(
                'tr',
                { 'data-open-shift': o.id },
                h('td', null, dayLabel(o.date)),
                h('td', null, o.shiftName ?? o.shiftTemplate, o.start ? ` ${o.start}` : ''),
                h(
                  'td',
                  null,
                  h(
                    'div',
                    { class: 'row-tools' },
                    o.volunteers.map((id) => {
                      const agent = names.get(id) ?? '—';
                      return h(
                        'button',
                        {
                          type: 'button',
                          class: 'small',
                          'data-give': id,
                          onclick: decide(
                            () => post(`/open-shifts/${o.id}/assign`, { agentId: id }),
                            t('inbox.given', { agent, what }),
                          ),
                        },
                        t('inbox.give', { agent }),
                      );
                    }),
                  ),
                ),
              );
            }),
          ),
        )
      : null;
    const feed = await feedCard(ctx, () => draw().catch((e) => say('error', e.message))).catch((e) =>
      card(t('feed.title'), null, notice('error', e.message)),
    );
    clear(body, timeOffCard, swapsCard, openCard, feed);
  }
  await draw();
}

export default { id: 'inbox', label: 'nav.inbox', roles: ['supervisor', 'manager', 'admin'], render: renderInbox };
