import { Injectable, Logger } from '@nestjs/common';
import { Db } from 'src/platform/db/db';
import { JobContext, UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { ShopService } from 'src/modules/org/shop.service';
import { RosterGeneratePayload, rosterGenerateJob } from './roster.jobs';
import { Roster, RosterRepository } from './roster.repository';
import { shiftOf, StoredSolve } from './roster-view';
import { RosterWeek } from './roster-week';
import { solveOnThread } from './roster-solve-thread';
import type { RosterProblem, RosterSolution } from './solver';

/** Progress notes at most this often: each one is a write to the job run. */
const PROGRESS_EVERY_MS = 1_000;
/** How often a running solve looks for a stop request. */
const STOP_POLL_MS = 500;

/** Solves a roster's stored problem on a worker thread and stores the result as draft version 1. */
@Injectable()
export class RosterGeneration {
  private readonly logger = new Logger(RosterGeneration.name);

  constructor(
    private readonly db: Db,
    private readonly rosters: RosterRepository,
    private readonly shops: ShopService,
  ) {}

  @JobHandler(rosterGenerateJob)
  async generateInJob(payload: RosterGeneratePayload, context: JobContext): Promise<Record<string, unknown>> {
    const roster = await this.rosters.find(payload.shopId, payload.rosterId);
    if (!roster) throw new UnrecoverableJobError(`Roster ${payload.rosterId} not found`);
    if (!roster.problem) throw new UnrecoverableJobError(`Roster ${payload.rosterId} has no problem to solve`);
    try {
      return await this.generate(roster, context);
    } catch (e) {
      const final = e instanceof UnrecoverableJobError || context.attempt >= context.maxAttempts;
      await this.rosters.update(roster.id, { status: final ? 'failed' : 'queued', error: (e as Error).message });
      throw e;
    }
  }

  private async generate(roster: Roster, context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(roster.shopId);
    const problem = roster.problem as unknown as RosterProblem;
    const seed = Number((roster.solve as StoredSolve | null)?.seed ?? 1);
    await this.rosters.update(roster.id, { status: 'running', error: null });
    await context.progress(2, `solving ${problem.agents.length} agents × ${problem.horizon.days} days`);
    const limitMs = roster.timeLimitSeconds * 1000;
    let lastNote = 0;
    let pending: Promise<void> = Promise.resolve();
    const stop = this.watchStop(roster.id);
    let solution: RosterSolution;
    try {
      solution = await solveOnThread({ problem, timeLimitMs: limitMs, seed, stop: stop.flag }, (p) => {
        const now = Date.now();
        if (now - lastNote < PROGRESS_EVERY_MS) return;
        lastNote = now;
        const percent = 5 + Math.min(85, (85 * p.seconds * 1000) / limitMs);
        const note = `${p.phase}: objective ${p.objective ?? '–'}, bound ${p.lowerBound ?? '–'}`;
        pending = pending.then(() => context.progress(percent, note)).catch((e: unknown) => this.logger.warn({ rosterId: roster.id, err: (e as Error).message }, 'progress not recorded'));
      });
      await pending;
    } finally {
      stop.dispose();
    }
    await context.progress(92, `solved in ${solution.seconds.toFixed(1)} s (${solution.stoppedBy}); storing`);
    await this.db.transaction(() => this.store(roster, shop.timeZone, problem, solution, seed));
    await context.progress(100, `${solution.assignments.length} shifts stored`);
    return {
      rosterId: roster.id, version: 1, shifts: solution.assignments.length, objective: solution.objective.total,
      lowerBound: solution.lowerBound, gap: solution.gap, stoppedBy: solution.stoppedBy, infeasibilities: solution.infeasibilities.length,
    };
  }

  /**
   * A stop may be asked on any instance of the server, so it reaches this solve through the row:
   * polled here, handed to the worker thread as one Int32 it reads between sub-solves.
   */
  private watchStop(rosterId: string): { flag: SharedArrayBuffer; dispose: () => void } {
    const flag = new SharedArrayBuffer(4);
    const watch = setInterval(() => {
      this.rosters.stopRequested(rosterId).then(
        (asked) => {
          if (!asked) return;
          Atomics.store(new Int32Array(flag), 0, 1);
          clearInterval(watch);
        },
        (e: unknown) => this.logger.warn({ rosterId, err: (e as Error).message }, 'stop request not read'),
      );
    }, STOP_POLL_MS);
    return { flag, dispose: () => clearInterval(watch) };
  }

  /** Version 1 as a draft; a retried attempt replaces whatever the one before stored. */
  private async store(roster: Roster, timeZone: string, problem: RosterProblem, solution: RosterSolution, seed: number): Promise<void> {
    const week = new RosterWeek(problem.horizon.startDate, timeZone, problem.horizon.days);
    await this.rosters.deleteVersions(roster.id);
    const { objective, violations, coverage, dayCoverage } = solution;
    const version = await this.rosters.insertVersion({ shopId: roster.shopId, rosterId: roster.id, version: 1, status: 'draft', evaluation: { objective, violations, coverage, dayCoverage } });
    await this.rosters.replaceShifts(roster.shopId, version.id, solution.assignments.map((a) => shiftOf(week, a)));
    const solve: StoredSolve = { seed, lowerBound: solution.lowerBound, gap: solution.gap, stoppedBy: solution.stoppedBy, seconds: solution.seconds, infeasibilities: solution.infeasibilities, violations };
    await this.rosters.update(roster.id, { status: 'completed', error: null, solve, revision: roster.revision + 1 });
  }
}
