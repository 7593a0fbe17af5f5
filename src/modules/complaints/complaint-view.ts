import { fillText, type TemplateValue, type Text } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import type { ComplaintEvent, ComplaintView } from './complaint.repository';
import {
  ChannelLabels,
  ComplaintCategoryLabels,
  ComplaintSeverityLabels,
  ComplaintStatusLabels,
  DepartmentLabels,
  EventKindLabels,
  EventNotes,
  OutcomeLabels,
  OverdueReasonLabels,
} from './complaints.labels';
import { allowedTransitions, ComplaintStatus } from './engine/complaint-status';

/** Codes of a complaint in the reader's words, beside the codes themselves. */
export function complaintLabels(
  c: Pick<ComplaintView, 'status' | 'category' | 'severity' | 'department' | 'channel' | 'outcome' | 'overdueReason'>,
) {
  return {
    statusLabel: labelIn(ComplaintStatusLabels, c.status),
    categoryLabel: labelIn(ComplaintCategoryLabels, c.category),
    severityLabel: labelIn(ComplaintSeverityLabels, c.severity),
    departmentLabel: labelIn(DepartmentLabels, c.department),
    channelLabel: labelIn(ChannelLabels, c.channel),
    outcomeLabel: c.outcome ? labelIn(OutcomeLabels, c.outcome) : null,
    overdueReasonLabel: c.overdueReason ? labelIn(OverdueReasonLabels, c.overdueReason) : null,
  };
}

export type ComplaintItem = ComplaintView &
  ReturnType<typeof complaintLabels> & { allowedTransitions: readonly ComplaintStatus[] };

export const complaintItem = (c: ComplaintView): ComplaintItem => ({
  ...c,
  ...complaintLabels(c),
  allowedTransitions: allowedTransitions(c.status as ComplaintStatus),
});

/** How a resolution's outcome and the customer's words are kept in the trail (one event, one note). */
export const resolutionNote = (note: string | undefined, outcome: string, feedback: string) =>
  [note, `outcome: ${outcome}`, `customer: ${feedback}`].filter(Boolean).join(' | ');
const RESOLUTION = /^(?:([\s\S]*) \| )?outcome: (\w+) \| customer: ([\s\S]*)$/;

/** A value of the trail (a state, a department, fault) in words; agents are named by the caller. */
function valueText(kind: string, value: string | null, agents: Map<string, Text>): TemplateValue {
  if (value === null) return kind === 'attribution' ? EventNotes.noAgent : null;
  if (kind === 'status' || kind === 'reopened' || kind === 'created') return labelOf(ComplaintStatusLabels, value);
  if (kind === 'reassigned' || kind === 'routed') return labelOf(DepartmentLabels, value);
  if (kind === 'overdue') return labelOf(OverdueReasonLabels, value);
  if (kind === 'fault') return value === 'true' ? EventNotes.atFault : EventNotes.notAtFault;
  if (kind === 'attribution') return agents.get(value) ?? value;
  return value;
}

/** The note of an event: what the system wrote is put in words on reading; people's notes stay theirs. */
function noteText(e: ComplaintEvent, c: Pick<ComplaintView, 'channel' | 'category'>): TemplateValue {
  if (e.kind === 'created') return fillText(EventNotes.receivedBy, { channel: labelOf(ChannelLabels, c.channel) });
  if (e.kind === 'routed')
    return fillText(EventNotes.routedBy, { category: labelOf(ComplaintCategoryLabels, c.category) });
  if (e.kind === 'overdue')
    return fillText(EventNotes.overdue, { reason: labelOf(OverdueReasonLabels, e.toValue ?? '') });
  const resolved = e.kind === 'status' && e.toValue === 'resolved' && e.note ? RESOLUTION.exec(e.note) : null;
  if (resolved) {
    const [, own, outcome, feedback] = resolved;
    const words: Text = fillText(EventNotes.resolved, { outcome: labelOf(OutcomeLabels, outcome), feedback });
    return own ? { en: `${own} | ${words.en}`, zh: `${own} | ${words.zh}` } : words;
  }
  return e.note;
}

export function eventView(
  e: ComplaintEvent,
  c: Pick<ComplaintView, 'channel' | 'category'>,
  agents: Map<string, Text>,
) {
  const note = noteText(e, c);
  return {
    ...e,
    note: note === null ? null : say(note),
    kindLabel: labelIn(EventKindLabels, e.kind),
    fromLabel: e.fromValue === null && e.kind !== 'attribution' ? null : say(valueText(e.kind, e.fromValue, agents)),
    toLabel: e.toValue === null && e.kind !== 'attribution' ? null : say(valueText(e.kind, e.toValue, agents)),
  };
}
