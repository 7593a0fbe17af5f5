import type { Actor } from 'src/platform/auth/actor';
import type { NewSelfServiceEvent } from 'src/modules/self-service/self-service.repository';
import type { TimeOffRequest } from './time-off.repository';

/** A time-off request's entry in the self-service audit trail: who did what to it, and which rosters it touched. */
export function timeOffEvent(
  actor: Actor,
  row: TimeOffRequest,
  action: string,
  rosterIds: string[],
  detail: Record<string, unknown> = {},
): NewSelfServiceEvent {
  return {
    shopId: actor.shopId,
    subject: 'time-off',
    subjectId: row.id,
    action,
    actorUserId: actor.userId,
    agentIds: [row.agentId],
    rosterIds,
    detail: {
      kind: row.kind,
      startDate: row.startDate,
      endDate: row.endDate,
      startTime: row.startTime,
      endTime: row.endTime,
      ...detail,
    },
  };
}
