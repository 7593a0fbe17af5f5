import { text } from 'src/platform/i18n/locale';
import { UnrecoverableJobError } from './job-definition';
import { JobsProblems } from './jobs.problems';
import { notQueuedReason, recordGone, storedMessage } from './run-end-reasons';

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

describe('why a handler gave up at once', () => {
  it('stores its reason in English and Chinese, filled, and a driver’s own text as it is', () => {
    expect(new UnrecoverableJobError(recordGone('rosters')).message).toBe(
      'The roster this job works on no longer exists / 该任务处理的排班表已不存在',
    );
    expect(new UnrecoverableJobError(text('Nothing to do', '无事可做')).message).toBe('Nothing to do / 无事可做');
    expect(new UnrecoverableJobError(JobsProblems.queueUnavailable().detailMessage).message).toBe(
      'The job queue is unavailable; try again shortly / 任务队列暂不可用，请稍后重试',
    );
    expect(storedMessage('Connection is closed.')).toBe('Connection is closed.');
  });
});
