import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { Page } from 'src/platform/http/pagination';
import { jobDefinition } from './job-definition';
import { JobQueue } from './job-queue';
import { JobRun, JobRunRepository } from './job-run.repository';
import type { ListJobsQuery, RunJobBody } from './jobs.dto';
import { JobsProblems } from './jobs.problems';

export type Accepted = { jobId: string; name: string; status: string; statusUrl: string };

export const accepted = (run: JobRun): Accepted => ({
  jobId: run.id,
  name: run.name,
  status: run.status,
  statusUrl: `/jobs/${run.id}`,
});

/** A run as the API shows it: which process ran it and when it last beat, not its fence token. */
export type JobRunView = Omit<JobRun, 'claimToken'>;
const viewOf = ({ claimToken: _token, ...run }: JobRun): JobRunView => run;

@Injectable()
export class JobsService {
  constructor(
    private readonly runs: JobRunRepository,
    private readonly queue: JobQueue,
  ) {}

  /** Runs abandoned in their last attempt read as failed, without waiting for a worker or a stop. */
  async list(actor: Actor, query: ListJobsQuery): Promise<Page<JobRunView>> {
    let { rows, total } = await this.runs.list(actor.shopId, query);
    let ended = false;
    for (const run of rows) if (await this.queue.endIfAbandoned(run)) ended = true;
    if (ended) ({ rows, total } = await this.runs.list(actor.shopId, query));
    return { items: rows.map(viewOf), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<JobRunView> {
    let run = await this.runs.find(id, actor.shopId);
    if (run && (await this.queue.endIfAbandoned(run))) run = await this.runs.find(id, actor.shopId);
    if (!run) throw JobsProblems.runNotFound();
    return viewOf(run);
  }

  /** A manual re-run for a local day: always a new run, never deduplicated against the night's. */
  async runNow(actor: Actor, name: string, body: RunJobBody): Promise<Accepted> {
    const definition = jobDefinition(name);
    if (!definition) throw JobsProblems.unknownJob({ name });
    if (!definition.manual) throw JobsProblems.notManual.at('name', { name }, 'path');
    const { run } = await this.queue.enqueue(
      definition,
      { shopId: actor.shopId, date: body.date },
      { requestedBy: actor.userId },
    );
    return accepted(run);
  }
}
