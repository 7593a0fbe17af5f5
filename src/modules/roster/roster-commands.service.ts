import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { currentLocale, say } from 'src/platform/i18n/request-locale';
import { labelOf } from 'src/platform/i18n/texts';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { accepted, Accepted } from 'src/platform/jobs/jobs.service';
import { ShopService } from 'src/modules/org/shop.service';
import { CreateRosterBody } from './roster.dto';
import { rosterGenerateJob } from './roster.jobs';
import { RosterProblems } from './roster.problems';
import { RosterRepository } from './roster.repository';
import { RosterStates } from './roster.texts';
import { RosterProblemService } from './roster-problem.service';
import type { StoredSolve } from './roster-view';

/** Requesting a weekly roster (solved by the `roster.generate` job) and stopping its solve. */
@Injectable()
export class RosterCommands {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly problems: RosterProblemService,
    private readonly shops: ShopService,
    private readonly queue: JobQueue,
  ) {}

  /** The problem is built (and its input checked) now, so bad input is a 400 here rather than a failed job. */
  async create(actor: Actor, body: CreateRosterBody): Promise<Accepted & { rosterId: string; warnings: string[] }> {
    // The time limit is counted from here: building the problem is part of the promise.
    const requestedAt = Date.now();
    const shop = await this.shops.context(actor.shopId);
    const { problem, warnings } = await this.problems.build(actor, shop, body);
    const roster = await this.rosters.insert({
      shopId: actor.shopId,
      weekStart: body.weekStart,
      teamIds: body.teamIds ?? [],
      demand: body.demand,
      timeLimitSeconds: body.timeLimitSeconds,
      status: 'queued',
      problem: problem as unknown as Record<string, unknown>,
      solve: {
        seed: body.seed,
        requestedAt,
        locale: currentLocale(),
        ...(body.maxIterations !== undefined ? { maxIterations: body.maxIterations } : {}),
      } satisfies StoredSolve,
      warnings,
      createdBy: actor.userId,
    });
    const run = await this.queue.enqueueFor(
      rosterGenerateJob,
      { shopId: actor.shopId, rosterId: roster.id },
      { requestedBy: actor.userId },
      (v) => this.rosters.update(roster.id, v),
    );
    return { rosterId: roster.id, ...accepted(run), warnings: warnings.map(say) };
  }

  /** Asks the running solve to stop; it stores its best roster so far as it would at the time limit. */
  async stop(actor: Actor, id: string) {
    // A solve whose process died in its last attempt is failed now rather than asked to stop.
    const current = await this.rosters.find(actor.shopId, id);
    // A roster still `queued` may have a run that started (its process died before telling it).
    if ((current?.status === 'running' || current?.status === 'queued') && current.jobRunId)
      await this.queue.endIfAbandoned(current.jobRunId);
    const stopped = await this.rosters.requestStop(actor.shopId, id);
    if (stopped) return { id, status: stopped.status, stopRequestedAt: stopped.stopRequestedAt };
    const roster = await this.rosters.find(actor.shopId, id);
    if (!roster) throw RosterProblems.notFound();
    throw RosterProblems.notRunning(
      { state: labelOf(RosterStates, roster.status) },
      { extra: { state: roster.status } },
    );
  }
}
