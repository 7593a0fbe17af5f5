/** Plan a training session: propose times with their service-level impact, then book one. */
import { post } from '../api.js';
import { badge, card, clear, field, h, options } from '../elements.js';
import { addDays, clockOfLocal, dayLabel, mondayOf, num, percent, todayIn } from '../format.js';
import { t } from '../i18n.js';
import { notice } from './common.js';

export const QC_CATEGORIES = ['话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度'];

function optionsTable(proposal, book) {
  if (!proposal.options.length)
    return notice('warn', [t('training.noOptions'), ...(proposal.warnings ?? [])].join(' · '));
  return h(
    'table',
    { class: 'data compact', id: 'proposals' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        [
          t('training.when'),
          t('training.attendees'),
          t('training.missing'),
          t('training.worstSl'),
          t('training.lostContacts'),
          '',
        ].map((x, i) => h('th', { class: i && i < 5 ? 'num' : '' }, x)),
      ),
    ),
    h(
      'tbody',
      null,
      proposal.options.map((o, i) =>
        h(
          'tr',
          { class: o.belowMinimum ? 'row-bad' : '' },
          h(
            'td',
            null,
            `${dayLabel(o.start.local.slice(0, 10))} ${clockOfLocal(o.start.local)}–${clockOfLocal(o.end.local)}`,
          ),
          h('td', { class: 'num' }, o.attendees.length),
          h('td', { class: 'num' }, o.missing.length),
          h(
            'td',
            { class: 'num' },
            percent(o.worstServiceLevel),
            o.belowMinimum ? [' ', badge(t('training.belowMinimum'), 'bad')] : null,
          ),
          h('td', { class: 'num' }, num(o.lostContactsWithinTarget, 2)),
          h(
            'td',
            null,
            h(
              'button',
              { type: 'button', class: 'small primary', 'data-option': i, onclick: () => book(o) },
              t('training.book'),
            ),
          ),
        ),
      ),
    ),
  );
}

export function planCard(ctx, ref, needs, onBooked) {
  const week = addDays(mondayOf(todayIn(ctx.zone)), 7);
  const categories = [...new Set([...needs.map((n) => n.category), ...QC_CATEGORIES])];
  const category = h(
    'select',
    { name: 'category' },
    options(
      categories.map((c) => [c, c]),
      categories[0],
    ),
  );
  const title = h('input', { name: 'title', maxlength: 200, placeholder: t('training.titleHint') });
  const length = h('input', { type: 'number', name: 'lengthMinutes', min: 15, max: 480, step: 15, value: 60 });
  const capacity = h('input', { type: 'number', name: 'capacity', min: 1, max: 200, value: 12 });
  const team = h(
    'select',
    { name: 'teamId' },
    options(
      ref.teams.map((x) => [x.id, x.name]),
      ref.teams[0]?.id,
    ),
  );
  const from = h('input', { type: 'date', name: 'from', value: week });
  const to = h('input', { type: 'date', name: 'to', value: addDays(week, 4) });
  const out = h('div');
  const fields = () => ({
    category: category.value,
    title: title.value.trim() || undefined,
    lengthMinutes: Number(length.value),
    capacity: Number(capacity.value),
    trainerUserId: ctx.user.id,
    invitees: { teamId: team.value },
  });
  const failed = (e) =>
    clear(
      out,
      notice('error', [e.message, ...(e.problem?.errors ?? []).map((x) => `${x.field}: ${x.message}`)].join(' · ')),
    );
  const book = async (option) => {
    try {
      const booked = await post('/training/sessions', { ...fields(), start: option.start.utc });
      onBooked(t('training.booked', { sessions: booked.sessions.length, makeup: booked.makeupTasks.length }));
    } catch (e) {
      failed(e);
    }
  };
  const form = h(
    'form',
    { class: 'generate-form', id: 'plan-form' },
    h(
      'div',
      { class: 'form-row' },
      field(t('training.category'), category),
      field(t('training.title'), title),
      field(t('training.length'), length),
      field(t('training.capacity'), capacity),
    ),
    h(
      'div',
      { class: 'form-row' },
      field(t('training.invite'), team),
      field(t('forecast.from'), from),
      field(t('forecast.to'), to),
      h('button', { type: 'submit', class: 'primary', id: 'propose' }, t('training.propose')),
    ),
    out,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(out, h('p', { class: 'hint' }, t('training.proposing')));
    try {
      const proposal = await post('/training/sessions/proposals', {
        ...fields(),
        from: from.value,
        to: to.value,
        options: 5,
      });
      clear(
        out,
        h(
          'p',
          { class: 'hint' },
          t('training.proposalNote', { invitees: proposal.invitees, min: percent(proposal.minServiceLevel, 0) }),
        ),
        optionsTable(proposal, book),
        (proposal.warnings ?? []).length ? notice('warn', proposal.warnings.join(' · ')) : null,
      );
    } catch (error) {
      failed(error);
    }
  });
  return card(t('training.plan'), null, form);
}
