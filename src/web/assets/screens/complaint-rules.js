/** The shop's complaint rules: which department owns each category, and the deadlines per category and severity. */
import { get, put } from '../api.js';
import { card, clear, h } from '../elements.js';
import { t } from '../i18n.js';
import { CATEGORIES, pairs, SEVERITIES } from './complaint-forms.js';
import { choice, formDialog, input, numberOf, problemNotice, saved, table } from './forms.js';

const DEPARTMENTS = ['after_sales', 'logistics', 'warehouse', 'product', 'service'];

const deadlineText = (d) =>
  d ? t('rules.deadline', { minutes: d.firstResponseMinutes, days: d.resolveDays }) : t('rules.default');

function deadlineDialog(category, severity, current) {
  const labels = { firstResponseMinutes: t('rules.firstResponse'), resolveDays: t('rules.resolveDays') };
  return formDialog(
    t('rules.editDeadline', {
      category: t(`complaints.category.${category}`),
      severity: t(`complaints.severity.${severity}`),
    }),
    'deadline-form',
    [
      [
        [
          labels.firstResponseMinutes,
          input('firstResponseMinutes', { type: 'number', value: current?.firstResponseMinutes ?? '' }),
        ],
        [
          labels.resolveDays,
          input('resolveDays', { type: 'number', value: current?.resolveDays ?? '' }),
          t('rules.resolveHint'),
        ],
      ],
    ],
    (form) =>
      put(`/complaint-rules/deadlines/${category}/${severity}`, {
        firstResponseMinutes: numberOf(form, 'firstResponseMinutes'),
        resolveDays: numberOf(form, 'resolveDays'),
      }),
    { labels },
  );
}

/** The rules card; managers change them (for complaints received afterwards), the other handlers read them. */
export function rulesCard(ctx, status) {
  const writer = ctx.can('manager', 'admin');
  const body = h('div', { id: 'complaint-rules' });
  const draw = (rules) => {
    const deadline = (c, s) => rules.deadlines.find((d) => d.category === c && d.severity === s);
    const department = (c) => rules.routing.find((r) => r.category === c)?.department;
    const routingControl = (c) => {
      if (!writer) return department(c) ? t(`complaints.department.${department(c)}`) : t('rules.default');
      const select = choice(
        `routing-${c}`,
        pairs(DEPARTMENTS, 'complaints.department'),
        department(c) ?? '',
        t('rules.default'),
      );
      select.addEventListener('change', async () => {
        try {
          draw(await put(`/complaint-rules/routing/${c}`, { department: select.value }));
          saved(
            status,
            t('rules.routed', {
              category: t(`complaints.category.${c}`),
              department: t(`complaints.department.${select.value}`),
            }),
          );
        } catch (e) {
          status.replaceChildren(problemNotice(e));
        }
      });
      return select;
    };
    const cell = (c, s) =>
      writer
        ? h(
            'button',
            {
              type: 'button',
              class: 'small ghost',
              'data-deadline': `${c}:${s}`,
              onclick: async () => {
                const changed = await deadlineDialog(c, s, deadline(c, s));
                if (changed) {
                  draw(changed);
                  saved(status, t('rules.saved'));
                }
              },
            },
            deadlineText(deadline(c, s)),
          )
        : deadlineText(deadline(c, s));
    clear(
      body,
      h('p', { class: 'hint' }, t('rules.explain', { days: rules.negativeReviewMaxDays })),
      table(
        'complaint-rules-table',
        [t('complaints.category'), t('complaints.department'), ...SEVERITIES.map((s) => t(`complaints.severity.${s}`))],
        CATEGORIES.map((c) => [t(`complaints.category.${c}`), routingControl(c), ...SEVERITIES.map((s) => cell(c, s))]),
      ),
    );
  };
  const load = async () => draw(await get('/complaint-rules'));
  return { el: card(t('rules.title'), null, body), load };
}
