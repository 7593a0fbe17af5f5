import type { Message } from 'src/platform/errors/problem';
import { storedMessage } from './run-end-reasons';

/**
 * Typed job names (`<domain>.<action>`). A module declares its jobs with `defineJob` in its
 * `<domain>.jobs.ts` and handles each with exactly one `@JobHandler` method; boot fails otherwise.
 * Payloads carry ids and plain values only: whatever a handler needs it reads fresh.
 */
export type JobPayload = { shopId: string } & Record<string, string | number | boolean | null>;

export type JobDefinition<P extends JobPayload = JobPayload> = {
  name: string;
  description: string;
  /** Tries in all, the first included. */
  attempts: number;
  /** First retry delay; doubles each time. */
  backoffMs: number;
  /** May be started by hand through POST /jobs/:name/run with `{ date }`. */
  manual?: boolean;
  /** Phantom: ties the definition to its payload type. */
  readonly payload?: P;
};

export type JobResult = Record<string, unknown> | void;

export type JobContext = {
  runId: string;
  /** This start of the run, counted in job_runs (starts whose process stopped included). */
  attempt: number;
  maxAttempts: number;
  /** 0–100, with an optional note users read on the run (stored in both languages like a failure's reason). */
  progress: (percent: number, note?: Message) => Promise<void>;
  /**
   * Runs `work` in a transaction that first checks this attempt still holds the run (and locks
   * it): the result is stored only by the attempt that holds the claim. Throws ClaimLostError otherwise.
   */
  fenced: <T>(work: () => Promise<T>) => Promise<T>;
};

export type JobHandlerFn<P extends JobPayload = JobPayload> = (payload: P, context: JobContext) => Promise<JobResult>;

export type RunFailedFn<P extends JobPayload = JobPayload> = (
  payload: P,
  failure: { runId: string; error: string },
) => Promise<void>;

/** This attempt no longer holds its run (another start took it over): it must store nothing. */
export class ClaimLostError extends Error {
  constructor(runId: string) {
    super(`run ${runId} was taken over by another start; this attempt stores nothing`);
  }
}

/**
 * Bad input: retrying cannot help, so the run fails at once. Users read the reason on the run and
 * on the record it works on, so it is stored in both languages (`en / zh`, `storedMessage`).
 */
export class UnrecoverableJobError extends Error {
  readonly unrecoverable = true;
  constructor(reason: Message) {
    super(storedMessage(reason));
  }
}

const NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
const catalogue = new Map<string, JobDefinition>();

export function defineJob<P extends JobPayload>(definition: JobDefinition<P>): JobDefinition<P> {
  if (!NAME.test(definition.name)) throw new Error(`Job name ${definition.name} must look like <domain>.<action>`);
  if (catalogue.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
  if (definition.attempts < 1) throw new Error(`Job ${definition.name} needs at least one attempt`);
  catalogue.set(definition.name, definition as unknown as JobDefinition);
  return definition;
}

export function definedJobs(): JobDefinition[] {
  return [...catalogue.values()];
}

export function jobDefinition(name: string): JobDefinition | undefined {
  return catalogue.get(name);
}

/** The BullMQ queue a job lives on: one per domain, so one busy domain cannot starve the rest. */
export const queueNameOf = (jobName: string) => `wfm-${jobName.split('.')[0]}`;
