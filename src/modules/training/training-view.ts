import type { StoredSessionImpact } from 'src/platform/db/schema';
import { labelIn } from 'src/platform/i18n/texts';
import { QcCategoryLabels } from 'src/modules/qc/qc.labels';
import { MakeupReasonLabels, SessionStatusLabels } from './training.labels';
import type { SessionOption } from './engine/placement-types';
import type { AgentInTeam } from './training-input.reads';
import type { Attendee, TrainingSession } from './training-session.repository';
import { utcAndLocal } from 'src/platform/time/shop-calendar';

export type Instant = { utc: string; local: string };

export const instant = (ms: number | Date, zone: string): Instant => {
  const at = typeof ms === 'number' ? new Date(ms) : ms;
  return utcAndLocal(at, zone);
};

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The placement's figures as stored with the session and shown with an option. */
export function impactOf(option: SessionOption, minServiceLevel: number): StoredSessionImpact {
  return {
    lostContactsWithinTarget: round(option.lostContactsWithinTarget, 3),
    worstServiceLevel: option.worstServiceLevel === null ? null : round(option.worstServiceLevel),
    belowMinimum: option.belowMinimum,
    minServiceLevel,
    slots: option.slots.map((s) => ({
      slotStart: new Date(s.slotStart).toISOString(),
      queueId: s.queueId,
      contacts: round(s.contacts, 2),
      agentsBefore: s.agentsBefore,
      agentsAfter: s.agentsAfter,
      serviceLevelBefore: round(s.serviceLevelBefore),
      serviceLevelAfter: round(s.serviceLevelAfter),
    })),
  };
}

export type MissingInvitee = { agentId: string; reason: 'off_shift' | 'not_placed' };

/** One proposed start time: who can come, who cannot and why, and what it costs the queues. */
export function optionView(option: SessionOption, missing: MissingInvitee[], zone: string, minServiceLevel: number) {
  return {
    start: instant(option.start, zone),
    end: instant(option.end, zone),
    attendees: option.attendees,
    missing: missing.map((m) => ({ ...m, reasonLabel: labelIn(MakeupReasonLabels, m.reason) })),
    ...impactOf(option, minServiceLevel),
  };
}

export function sessionView(session: TrainingSession, attendees: Attendee[], zone: string) {
  return {
    id: session.id,
    category: session.category,
    categoryLabel: labelIn(QcCategoryLabels, session.category),
    title: session.title,
    status: session.status,
    statusLabel: labelIn(SessionStatusLabels, session.status),
    start: instant(session.startsAt, zone),
    end: instant(session.endsAt, zone),
    lengthMinutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
    capacity: session.capacity,
    trainerUserId: session.trainerUserId,
    planId: session.planId,
    draftWeek: session.draftWeek,
    impact: session.impact,
    attendees: attendees.map((a) => ({ agentId: a.agentId, attendance: a.attendance, markedAt: a.markedAt })),
  };
}

export type SessionView = ReturnType<typeof sessionView>;

export const agentLabel = (a: AgentInTeam) => ({ agentId: a.id, employeeNo: a.employeeNo, name: a.name });
