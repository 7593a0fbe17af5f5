import { Injectable, Logger } from '@nestjs/common';
import { JobContext, UnrecoverableJobError } from 'src/platform/jobs/job-definition';
import { recordGone } from 'src/platform/jobs/run-end-reasons';
import { JobHandler, OnRunFailed } from 'src/platform/jobs/job-handler.decorator';
import { ShopService } from 'src/modules/org/shop.service';
import { RosterGeneratePayload, rosterGenerateJob } from './roster.jobs';
import { Roster, RosterRepository } from './roster.repository';
import { shiftOf, StoredSolve } from './roster-view';
import { RosterWeek } from './roster-week';
import { solveOnThread } from './roster-solve-thread';
import type { RosterProblem, RosterSolution, SolveProgress } from './solver';
import { budgetShare, solveBudget } from './roster-solve-budget';
import { RosterStops, RosterTexts, solverNote } from './roster.texts';
import { DEFAULT_LOCALE, fillText, isLocale, text, type Text } from 'src/platform/i18n/locale';
import type { Shop } from 'src/modules/org/shop.repository';
import { say, withLocale } from 'src/platform/i18n/request-locale';
import { labelOf } from 'src/platform/i18n/texts';
import { workOnRecord } from 'src/platform/jobs/record-status';

/** Progress notes at most this often: each one is a write to the job run. */
const PROGRESS_EVERY_MS = 1_000;
/** How often a running solve looks for a stop request. */
const STOP_POLL_MS = 500;

/** Solves a roster's stored problem on a worker thread and stores the result as draft version 1. */
@Injectable()
export class RosterGeneration {
  private readonly logger = new Logger(RosterGeneration.name);

  constructor(
    private readonly rosters: RosterRepository,
    private readonly shops: ShopService,
  ) {}

  @JobHandler(rosterGenerateJob)
  async generateInJob(payload: RosterGeneratePayload, context: JobContext): Promise<Record<string, unknown>> {
    const roster = await this.rosters.find(payload.shopId, payload.rosterId);
    if (!roster) throw new UnrecoverableJobError(recordGone('rosters'));
    if (!roster.problem)
      throw new UnrecoverableJobError(
        text(
          'The roster was stored without what to solve; create it again',
          '该排班表未保存求解所需的内容，请重新创建',
        ),
      );
    return workOnRecord(
      context,
      (status, error) => this.rosters.update(roster.id, { status, error }),
      () => this.generate(roster, context),
    );
  }

  /** However the run ended for good (its last attempt, its workers stopping), the roster says so. */
  @OnRunFailed(rosterGenerateJob)
  async runFailed(payload: RosterGeneratePayload, failure: { error: string }): Promise<void> {
    const roster = await this.rosters.find(payload.shopId, payload.rosterId);
    if (roster && (roster.status === 'queued' || roster.status === 'running'))
      await this.rosters.update(roster.id, { status: 'failed', error: failure.error });
  }

  private async generate(roster: Roster, context: JobContext): Promise<Record<string, unknown>> {
    const startedAt = Date.now();
    const stored = (roster.solve ?? {}) as StoredSolve;
    const shop = await this.shops.context(roster.shopId);
    // Notes in the language the roster was asked in (else the shop's): the job's reader is its requester.
    const locale = stored.locale ?? (isLocale(shop.language) ? shop.language : DEFAULT_LOCALE);
    return withLocale(locale, () => this.solveAndStore(roster, shop, stored, startedAt, context));
  }

  private async solveAndStore(
    roster: Roster,
    shop: Shop,
    stored: StoredSolve,
    startedAt: number,
    context: JobContext,
  ): Promise<Record<string, unknown>> {
    const problem = roster.problem as unknown as RosterProblem;
    const seed = Number(stored.seed ?? 1);
    const limitMs = roster.timeLimitSeconds * 1000;
    const budget = solveBudget(
      stored.requestedAt ?? startedAt,
      limitMs,
      Date.now(),
      problem.agents.length * problem.horizon.days,
    );
    await this.rosters.update(roster.id, { status: 'running', error: null });
    const progress = this.progressWriter(roster.id, context, startedAt, budget.solveBy);
    await progress.note(
      2,
      fillText(RosterTexts.solving, { agents: problem.agents.length, days: problem.horizon.days }),
    );
    const stop = this.watchStop(roster.id);
    let solution: RosterSolution;
    try {
      solution = await solveOnThread(
        {
          problem,
          timeLimitMs: limitMs,
          solveBy: budget.solveBy,
          seed,
          stop: stop.flag,
          ...(stored.maxIterations !== undefined ? { maxIterations: stored.maxIterations } : {}),
        },
        (p) => progress.solverSaid(p),
      );
    } finally {
      stop.dispose();
      await progress.stop();
    }
    await progress.note(
      92,
      fillText(RosterTexts.solved, {
        seconds: solution.seconds.toFixed(1),
        stoppedBy: labelOf(RosterStops, solution.stoppedBy),
      }),
    );
    // Stored only while this attempt still holds the run: a duplicate delivery cannot store twice.
    await context.fenced(() => this.store(roster, problem, solution, { ...stored, seed, solveBy: budget.solveBy }));
    await progress.note(100, fillText(RosterTexts.stored, { shifts: solution.assignments.length }));
    return {
      rosterId: roster.id,
      version: 1,
      shifts: solution.assignments.length,
      objective: solution.objective.total,
      lowerBound: solution.lowerBound,
      gap: solution.gap,
      stoppedBy: solution.stoppedBy,
      infeasibilities: solution.infeasibilities.length,
      // The promise and how it was kept: the solver's deadline leaves the reserve for what follows it.
      seconds: solution.seconds,
      requestedAt: new Date(budget.requestedAt).toISOString(),
      solveBy: new Date(budget.solveBy).toISOString(),
      endsAt: new Date(budget.endsAt).toISOString(),
    };
  }

  /**
   * Progress by the wall clock through the solve's budget, every second, with the solver's latest
   * figures: it moves to the end even while the search finds nothing better. Writes go one at a time.
   */
  private progressWriter(rosterId: string, context: JobContext, startedAt: number, solveBy: number) {
    let latest: SolveProgress | null = null;
    let pending: Promise<void> = Promise.resolve();
    const write = (percent: number, note: Text) => {
      pending = pending
        .then(() => context.progress(percent, say(note)))
        .catch((e: unknown) => this.logger.warn({ rosterId, err: (e as Error).message }, 'progress not recorded'));
      return pending;
    };
    const tick = setInterval(() => {
      const percent = 5 + 85 * budgetShare(startedAt, solveBy, Date.now());
      void write(percent, latest ? solverNote(latest) : RosterTexts.searching);
    }, PROGRESS_EVERY_MS);
    return {
      note: write,
      solverSaid: (p: SolveProgress) => {
        latest = p;
      },
      stop: async () => {
        clearInterval(tick);
        await pending;
      },
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
  private async store(
    roster: Roster,
    problem: RosterProblem,
    solution: RosterSolution,
    asked: StoredSolve,
  ): Promise<void> {
    // The roster's zone has one source: the problem it was planned as.
    const week = new RosterWeek(problem.horizon.startDate, problem.horizon.timeZone, problem.horizon.days);
    await this.rosters.deleteVersions(roster.id);
    const { objective, violations, coverage, dayCoverage } = solution;
    const version = await this.rosters.insertVersion({
      shopId: roster.shopId,
      rosterId: roster.id,
      version: 1,
      status: 'draft',
      evaluation: { objective, violations, coverage, dayCoverage },
      createdBy: roster.createdBy,
    });
    await this.rosters.replaceShifts(
      roster.shopId,
      version.id,
      solution.assignments.map((a) => shiftOf(week, a)),
    );
    const solve: StoredSolve = {
      ...asked,
      lowerBound: solution.lowerBound,
      gap: solution.gap,
      stoppedBy: solution.stoppedBy,
      seconds: solution.seconds,
      infeasibilities: solution.infeasibilities,
      violations,
    };
    await this.rosters.update(roster.id, { status: 'completed', error: null, solve, revision: roster.revision + 1 });
  }
}
