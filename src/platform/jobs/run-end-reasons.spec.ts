import { JobsProblems } from './jobs.problems';
import { notQueuedReason } from './run-end-reasons';

describe('why a record’s job was never queued', () => {
  it('stores a refusal of ours in English and Chinese, each with its own detail', () => {
    expect(notQueuedReason(JobsProblems.queueUnavailable())).toBe(
      'could not be queued: The job queue is unavailable; try again shortly / 未能加入任务队列：任务队列暂不可用，请稍后重试',
    );
  });

  it('keeps a driver’s own error text as the detail in both languages', () => {
    expect(notQueuedReason(new Error('Connection is closed.'))).toBe(
      'could not be queued: Connection is closed. / 未能加入任务队列：Connection is closed.',
    );
  });
});
