/** The complaint forms: recording a complaint, and moving it on (resolving asks for the outcome and the customer's words). */
import { patch, post } from '../api.js';
import { h } from '../elements.js';
import { t } from '../i18n.js';
import { checkbox, choice, formDialog, input, valueOf } from './forms.js';

export const STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'];
export const CATEGORIES = [
  'product_quality',
  'logistics',
  'service_attitude',
  'returns_refunds',
  'wrong_description',
  'other',
];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const CHANNELS = ['chat', 'phone', 'email', 'review', 'platform', 'social', 'other'];
const OUTCOMES = [
  'refund',
  'replacement',
  'reshipment',
  'compensation',
  'apology',
  'explanation',
  'no_fault_found',
  'other',
];
export const pairs = (list, prefix) => list.map((x) => [x, t(`${prefix}.${x}`)]);

export function transitionDialog(complaint, to) {
  const resolving = to === 'resolved';
  const reopening = to === 'open';
  const labels = {
    note: t(reopening ? 'complaints.whyReopen' : 'complaints.note'),
    outcome: t('complaints.outcome'),
    customerFeedback: t('complaints.feedback'),
  };
  return formDialog(
    t(`complaints.to.${to}`),
    'transition-form',
    [
      resolving ? [[labels.outcome, choice('outcome', pairs(OUTCOMES, 'complaints.outcome'), '', '')]] : null,
      resolving ? [[labels.customerFeedback, h('textarea', { name: 'customerFeedback', rows: 2 })]] : null,
      [[labels.note, h('textarea', { name: 'note', rows: 2 })]],
    ].filter(Boolean),
    (form) =>
      post(`/complaints/${complaint.id}/transitions`, {
        to,
        note: valueOf(form, 'note'),
        outcome: valueOf(form, 'outcome'),
        customerFeedback: valueOf(form, 'customerFeedback'),
      }),
    { labels, saveText: t(`complaints.to.${to}`) },
  );
}

export function createDialog(agents) {
  const labels = {
    channel: t('complaints.channel'),
    customerKey: t('complaints.customer'),
    orderExternalId: t('complaints.order'),
    agentId: t('complaints.agent'),
    agentAtFault: t('complaints.atFault'),
    category: t('complaints.category'),
    severity: t('complaints.severity'),
    description: t('complaints.description'),
  };
  return formDialog(
    t('complaints.new'),
    'complaint-form',
    [
      [
        [labels.channel, choice('channel', pairs(CHANNELS, 'complaints.channel'), 'chat')],
        [labels.category, choice('category', pairs(CATEGORIES, 'complaints.category'), 'service_attitude')],
        [labels.severity, choice('severity', pairs(SEVERITIES, 'complaints.severity'), 'medium')],
      ],
      [
        [labels.customerKey, input('customerKey', { maxlength: 200 })],
        [labels.orderExternalId, input('orderExternalId', { maxlength: 100 })],
      ],
      [
        [labels.agentId, choice('agentId', agents, '', t('complaints.noAgent'))],
        h('label', { class: 'check' }, checkbox('agentAtFault', false), labels.agentAtFault),
        h('label', { class: 'check' }, checkbox('negativeReview', false), t('complaints.negativeReview')),
      ],
      [[labels.description, h('textarea', { name: 'description', rows: 3 })]],
    ],
    (form) =>
      post('/complaints', {
        channel: valueOf(form, 'channel'),
        customerKey: valueOf(form, 'customerKey') ?? '',
        orderExternalId: valueOf(form, 'orderExternalId'),
        agentId: valueOf(form, 'agentId'),
        agentAtFault: valueOf(form, 'agentAtFault'),
        category: valueOf(form, 'category'),
        severity: valueOf(form, 'severity'),
        negativeReview: valueOf(form, 'negativeReview'),
        description: valueOf(form, 'description'),
      }),
    { labels, wide: true },
  );
}

const DEPARTMENTS = ['after_sales', 'logistics', 'warehouse', 'product', 'service'];

/** Hands an open complaint to another department, with the reason kept in the trail. */
export function reassignDialog(complaint) {
  const labels = { department: t('complaints.department'), note: t('complaints.reason') };
  return formDialog(
    t('complaints.reassign'),
    'reassign-form',
    [
      [
        [
          labels.department,
          choice(
            'department',
            pairs(
              DEPARTMENTS.filter((d) => d !== complaint.department),
              'complaints.department',
            ),
          ),
        ],
      ],
      [[labels.note, h('textarea', { name: 'note', rows: 2 })]],
    ],
    (form) =>
      post(`/complaints/${complaint.id}/reassign`, {
        department: valueOf(form, 'department'),
        note: valueOf(form, 'note') ?? '',
      }),
    { labels },
  );
}

/** Which agent the complaint is about and whether it counts against them (their KPIs), with the reason. */
export function attributionDialog(complaint, agents) {
  const labels = {
    agentId: t('complaints.agent'),
    agentAtFault: t('complaints.atFault'),
    note: t('complaints.reason'),
  };
  return formDialog(
    t('complaints.attribute'),
    'attribution-form',
    [
      [
        [labels.agentId, choice('agentId', agents, complaint.agentId ?? '', t('complaints.noAgent'))],
        h('label', { class: 'check' }, checkbox('agentAtFault', complaint.agentAtFault), labels.agentAtFault),
      ],
      [[labels.note, h('textarea', { name: 'note', rows: 2 })]],
    ],
    (form) =>
      patch(`/complaints/${complaint.id}/attribution`, {
        agentId: valueOf(form, 'agentId') ?? null,
        agentAtFault: valueOf(form, 'agentAtFault'),
        note: valueOf(form, 'note') ?? '',
      }),
    { labels },
  );
}
