import { ClaimLostError, JobContext, UnrecoverableJobError } from './job-definition';
import { RecordSetBack, workOnRecord } from './record-status';

const context = (attempt: number, maxAttempts = 3): JobContext => ({
  runId: 'r',
  attempt,
  maxAttempts,
  progress: async () => undefined,
  fenced: (work) => work(),
});

describe('a job’s record when its work throws', () => {
  const attemptWith = async (ctx: JobContext, error: Error) => {
    const marks: [RecordSetBack, string][] = [];
    await expect(
      workOnRecord(
        ctx,
        async (status, message) => marks.push([status, message]),
        async () => Promise.reject(error),
      ),
    ).rejects.toBe(error);
    return marks;
  };

  it('goes back in line while attempts are left, and fails on the last', async () => {
    expect(await attemptWith(context(1), new Error('database gone'))).toEqual([['queued', 'database gone']]);
    expect(await attemptWith(context(3), new Error('database gone'))).toEqual([['failed', 'database gone']]);
  });

  it('fails at once when retrying cannot help', async () => {
    expect(await attemptWith(context(1), new UnrecoverableJobError('no such roster'))).toEqual([
      ['failed', 'no such roster'],
    ]);
  });

  it('is left to the start that took the run over', async () => {
    expect(await attemptWith(context(1), new ClaimLostError('r'))).toEqual([]);
  });

  it('passes the work’s result through untouched', async () => {
    const marks: string[] = [];
    expect(
      await workOnRecord(
        context(1),
        async (s) => marks.push(s),
        async () => 42,
      ),
    ).toBe(42);
    expect(marks).toEqual([]);
  });
});
