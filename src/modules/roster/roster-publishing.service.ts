import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { conflict, notFound } from 'src/platform/errors/common-problems';
import { text } from 'src/platform/i18n/locale';
import type { PublishRosterBody, ShiftChange } from './roster.dto';
import { LeaveOptions, RosterEditing } from './roster-editing.service';
import { RosterProblemService } from './roster-problem.service';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { assignmentOf, StoredSolve } from './roster-view';
import { RosterWeek } from './roster-week';
import { acceptedViolations, brokenRules } from './roster-violations';
import { evaluateRoster, RosterEvaluation, RosterProblem } from './solver';

/**
 * Publishing: the newest version becomes immutable and the week's one truth for the agents it
 * rosters, superseding what was published for them that week before (an older version or another
 * roster). It is checked once more against the weeks around it as they are published now.
 */
@Injectable()
export class RosterPublishing {
  constructor(
    private readonly db: Db,
    private readonly rosters: RosterRepository,
    private readonly problems: RosterProblemService,
    private readonly reading: RosterService,
    private readonly editing: RosterEditing,
  ) {}

  async publish(actor: Actor, id: string, body: PublishRosterBody) {
    await this.db.transaction(() => this.publishLatest(actor, id, body));
    return this.reading.get(actor, id);
  }

  /**
   * For self-service (time off, swaps, open shifts): changes to what a roster publishes now, checked
   * as a manager's edit is and published at once as its next version, in the caller's transaction.
   * Callers store new leave first (`leaveOf` re-reads it). A draft the manager is still working on
   * is not published behind their back: that is a 409.
   */
  async publishChanges(actor: Actor, id: string, changes: ShiftChange[], options: LeaveOptions = {}): Promise<{ rosterId: string; from: number; to: number }> {
    return this.db.transaction(async () => {
      const roster = await this.rosters.lock(actor.shopId, id);
      if (!roster) throw notFound('Roster');
      const versions = await this.rosters.versionHeads(id);
      const latest = versions[versions.length - 1];
      if (latest?.status !== 'published') {
        throw conflict(text(
          `Version ${latest?.version ?? 0} of the roster of ${roster.weekStart} is ${latest?.status ?? 'missing'}: the manager publishes or discards it first`,
          `${roster.weekStart} 这一周排班的第 ${latest?.version ?? 0} 版为“${latest?.status ?? '无'}”：需经理先发布或放弃该草稿`,
        ), { state: latest?.status ?? null });
      }
      await this.editing.store(actor, id, { expectedRevision: roster.revision, changes }, options);
      await this.publishLatest(actor, id, {});
      return { rosterId: id, from: latest.version, to: latest.version + 1 };
    });
  }

  private async publishLatest(actor: Actor, id: string, body: PublishRosterBody): Promise<void> {
    const roster = await this.rosters.lock(actor.shopId, id);
    if (!roster) throw notFound('Roster');
    if (roster.status !== 'completed') throw conflict(`The roster is ${roster.status}; it can be published once solved`, { state: roster.status });
    if (body.expectedRevision !== undefined && body.expectedRevision !== roster.revision) {
      throw conflict('The roster was changed by someone else; reload and try again', { currentRevision: roster.revision });
    }
    const versions = await this.rosters.versions(id);
    const latest = versions[versions.length - 1];
    if (latest.status !== 'draft') throw conflict(`Version ${latest.version} is already published; an edit creates the next draft`, { version: latest.version });
    const stored = roster.problem as unknown as RosterProblem;
    const week = new RosterWeek(roster.weekStart, stored.horizon.timeZone, stored.horizon.days);
    const problem = await this.problems.upToDate(actor.shopId, stored, week);
    const evaluation = evaluateRoster(problem, (await this.rosters.shifts(latest.id)).map(assignmentOf));
    const accepted = acceptedViolations(roster.solve as StoredSolve | null, latest.evaluation as unknown as RosterEvaluation);
    const broken = brokenRules(evaluation.violations, accepted);
    if (broken.length > 0) {
      throw conflict(`Version ${latest.version} breaks the rules ${[...new Set(broken.map((v) => v.rule))].join(', ')} against the weeks around it as published now: ${broken[0].detail}; nothing was published`, {
        violations: broken.map((v) => ({ ...v, dates: v.days.map((d) => week.dates[d] ?? null) })),
      });
    }
    const { objective, violations, coverage, dayCoverage } = evaluation;
    await this.rosters.updateVersion(latest.id, { status: 'published', publishedAt: new Date(), publishedBy: actor.userId, evaluation: { objective, violations, coverage, dayCoverage } });
    const losers = await this.rosters.publish(actor.shopId, roster.weekStart, id, latest.id, problem.agents.map((a) => a.id));
    await this.rosters.touch(losers);
    await this.rosters.update(id, { problem: problem as unknown as Record<string, unknown>, revision: roster.revision + 1 });
  }
}
