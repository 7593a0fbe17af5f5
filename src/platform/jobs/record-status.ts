import { ClaimLostError, JobContext, UnrecoverableJobError } from './job-definition';

/** What a job's record (roster, forecast, ranking …) becomes when an attempt throws. */
export type RecordSetBack = 'queued' | 'failed';

/**
 * A job's work for one stored record: when it throws, the record goes back in line (`queued`) for
 * the next attempt, or is `failed` on the last one or when the error says retrying cannot help.
 * A lost claim leaves the record alone: another start holds the run now, and the record is its
 * business. The error is always thrown on, so the run's own outcome is recorded as well.
 */
export async function workOnRecord<T>(
  context: JobContext,
  setBack: (status: RecordSetBack, error: string) => Promise<unknown>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ClaimLostError) throw e;
    const final = e instanceof UnrecoverableJobError || context.attempt >= context.maxAttempts;
    await setBack(final ? 'failed' : 'queued', (e as Error).message);
    throw e;
  }
}
