import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { say } from 'src/platform/i18n/request-locale';
import { labelOf } from 'src/platform/i18n/texts';
import { RosterProblems } from './roster.problems';
import { RosterStates } from './roster.texts';
import { text } from 'src/platform/i18n/locale';
import { Notices } from 'src/modules/notification/notification.service';
import type { PublishRosterBody, ShiftChange } from './roster.dto';
import { ChangeOptions, RosterEditing } from './roster-editing.service';
import { RosterProblemService } from './roster-problem.service';
import { DraftCarrying } from './roster-draft-carry';
import { RosterRepository } from './roster.repository';
import { RosterReading } from './roster-reading.service';
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
    private readonly reading: RosterReading,
    private readonly editing: RosterEditing,
    private readonly notices: Notices,
    private readonly carrying: DraftCarrying,
  ) {}

  async publish(actor: Actor, id: string, body: PublishRosterBody) {
    await this.db.transaction(async () => {
      const { weekStart, version, agentIds } = await this.publishLatest(actor, id, body);
      await this.notices.tellAgents(actor.shopId, agentIds, {
        kind: 'roster-published',
        subject: 'roster',
        subjectId: id,
        message: text(
          `The roster of the week of ${weekStart} is published (version ${version})`,
          `${weekStart} 这一周的排班已发布（第 ${version} 版）`,
        ),
      });
    });
    await this.notices.deliver(actor.shopId);
    return this.reading.get(actor, id);
  }

  /**
   * For self-service (time off, swaps, open shifts): changes to what a roster publishes now, checked
   * as a manager's edit is and published at once as its next version, in the caller's transaction.
   * Callers store new leave first (`leaveOf` re-reads it). While the manager works on a draft of
   * the week, the change is published beside it and carried into it (`DraftCarrying`); a roster
   * with nothing published (or superseded) under its draft is a 409.
   */
  async publishChanges(
    actor: Actor,
    id: string,
    changes: ShiftChange[],
    options: ChangeOptions = {},
  ): Promise<{ rosterId: string; from: number; to: number }> {
    return this.db.transaction(async () => {
      const roster = await this.rosters.lock(actor.shopId, id);
      if (!roster) throw RosterProblems.notFound();
      const versions = await this.rosters.versionHeads(id);
      const latest = versions[versions.length - 1];
      const published = versions.filter((v) => v.status === 'published').pop();
      if (latest?.status === 'draft' && published)
        return this.carrying.publishBeside(actor, roster, published, latest, changes, options, async (versionId) => {
          await this.publishLatest(actor, id, {}, versionId);
        });
      if (latest?.status !== 'published') {
        throw RosterProblems.draftPending(
          {
            version: latest?.version ?? 0,
            week: roster.weekStart,
            state: latest ? labelOf(RosterStates, latest.status) : RosterStates.missing,
          },
          { extra: { state: latest?.status ?? null } },
        );
      }
      await this.editing.store(actor, id, { expectedRevision: roster.revision, changes }, options);
      await this.publishLatest(actor, id, {});
      return { rosterId: id, from: latest.version, to: latest.version + 1 };
    });
  }

  private async publishLatest(
    actor: Actor,
    id: string,
    body: PublishRosterBody,
    versionId?: string,
  ): Promise<{ weekStart: string; version: number; agentIds: string[] }> {
    const roster = await this.rosters.lock(actor.shopId, id);
    if (!roster) throw RosterProblems.notFound();
    if (roster.status !== 'completed')
      throw RosterProblems.notSolvedForPublish(
        { state: labelOf(RosterStates, roster.status) },
        { extra: { state: roster.status } },
      );
    if (body.expectedRevision !== undefined && body.expectedRevision !== roster.revision) {
      throw RosterProblems.staleRevision(
        { revision: roster.revision },
        { extra: { currentRevision: roster.revision } },
      );
    }
    const versions = await this.rosters.versions(id);
    // The newest version, or the one a change published beside a pending draft made.
    const latest = versions.find((v) => v.id === versionId) ?? versions[versions.length - 1];
    if (latest.status !== 'draft')
      throw RosterProblems.alreadyPublished({ version: latest.version }, { extra: { version: latest.version } });
    const stored = roster.problem as unknown as RosterProblem;
    const week = new RosterWeek(roster.weekStart, stored.horizon.timeZone, stored.horizon.days);
    const problem = await this.problems.upToDate(actor.shopId, stored, week);
    const shifts = await this.rosters.shifts(latest.id);
    const evaluation = evaluateRoster(problem, shifts.map(assignmentOf));
    const accepted = acceptedViolations(
      roster.solve as StoredSolve | null,
      latest.evaluation as unknown as RosterEvaluation,
    );
    const broken = brokenRules(evaluation.violations, accepted);
    if (broken.length > 0) {
      const words = await this.editing.wording(actor.shopId, problem, week, shifts);
      const described = broken.map((v) => words.describe(v));
      throw RosterProblems.publishBreaksRules(
        { version: latest.version, count: broken.length, first: described[0] },
        {
          errors: broken.map((v, k) => ({ field: 'version', message: described[k], code: v.rule })),
          extra: {
            violations: broken.map((v, k) => ({
              rule: v.rule,
              agentIds: v.agentIds,
              days: v.days,
              dates: v.days.map((d) => week.dates[d] ?? null),
              facts: v.facts ?? {},
              detail: say(described[k]),
            })),
          },
        },
      );
    }
    const { objective, violations, coverage, dayCoverage } = evaluation;
    await this.rosters.updateVersion(latest.id, {
      status: 'published',
      publishedAt: new Date(),
      publishedBy: actor.userId,
      evaluation: { objective, violations, coverage, dayCoverage },
    });
    const losers = await this.rosters.publish(
      actor.shopId,
      roster.weekStart,
      id,
      latest.id,
      problem.agents.map((a) => a.id),
    );
    await this.rosters.touch(losers);
    await this.rosters.update(id, {
      problem: problem as unknown as Record<string, unknown>,
      revision: roster.revision + 1,
    });
    return { weekStart: roster.weekStart, version: latest.version, agentIds: problem.agents.map((a) => a.id) };
  }
}
