import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { labelIn } from 'src/platform/i18n/texts';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { RosterReading } from 'src/modules/roster/roster-reading.service';
import { AuditQuery } from './audit.dto';
import { ActionLabels } from './self-service.labels';
import { SelfServiceProblems } from './self-service.problems';
import { SelfServiceRepository } from './self-service.repository';

/**
 * Who requested, approved or changed what, and when: per roster (managers, and supervisors for
 * their teams' agents on it) and per agent (agents themselves, supervisors their teams).
 */
@Injectable()
export class SelfServiceAudit {
  constructor(
    private readonly events: SelfServiceRepository,
    private readonly scope: AgentScope,
    private readonly rosters: RosterReading,
  ) {}

  async read(actor: Actor, query: AuditQuery) {
    const visible = await this.scope.visibleAgentIds(actor);
    let where: { rosterId?: string; agentIds?: string[] };
    if (query.rosterId) {
      if (actor.role === 'agent') throw SelfServiceProblems.auditForbidden();
      // A roster the caller cannot read is not found; a supervisor sees their teams' agents on it.
      await this.rosters.readable(actor, query.rosterId);
      where = { rosterId: query.rosterId, ...(visible ? { agentIds: visible } : {}) };
    } else {
      const agentId = query.agentId ?? actor.agentId;
      if (!agentId) throw SelfServiceProblems.noAgentRecord();
      if (visible && !visible.includes(agentId)) throw SelfServiceProblems.agentNotFound();
      where = { agentIds: [agentId] };
    }
    const { rows, total } = await this.events.events(actor.shopId, where, query.limit, query.offset);
    return {
      total,
      limit: query.limit,
      offset: query.offset,
      items: rows.map((e) => ({
        at: e.at,
        subject: e.subject,
        subjectId: e.subjectId,
        action: e.action,
        actionLabel: labelIn(ActionLabels, e.action),
        actor: { userId: e.actorUserId, name: e.actorName },
        agentIds: e.agentIds,
        rosterIds: e.rosterIds,
        detail: e.detail,
      })),
    };
  }
}
