import { AppError, messageValue, type Message } from 'src/platform/errors/problem';
import { fillText, text, type Text, type TemplateParams, type TemplateValue } from 'src/platform/i18n/locale';
import { defineTexts, labelOf } from 'src/platform/i18n/texts';
import { tableNoun } from 'src/platform/db/record-words';

/**
 * Why a run ended or was put back without its handler deciding (its process stopped, the queue
 * gave up or lost its job). Users read them on the run and on the record it works on; stored in
 * both languages, `en / zh`, as the run's error is one column.
 */
export const runEndTexts = defineTexts('jobs', {
  attemptsUsedUp: {
    en: 'the process running it ({process}) stopped, and all {attempts} attempts have been used',
    zh: '运行它的进程（{process}）已停止，{attempts} 次尝试均已用完',
  },
  stoppedResumed: {
    en: 'the process running it ({process}) stopped during attempt {attempt}; resumed',
    zh: '运行它的进程（{process}）在第 {attempt} 次尝试中停止；已重新排队',
  },
  stoppedLastAttempt: {
    en: 'the process running it ({process}) stopped during attempt {attempt}, its last',
    zh: '运行它的进程（{process}）在第 {attempt} 次（最后一次）尝试中停止',
  },
  queueGaveUp: {
    en: 'the queue gave up on it: {detail}',
    zh: '队列已放弃该任务：{detail}',
  },
  removedFromQueue: {
    en: 'removed from the queue while {state}',
    zh: '在{state}时被移出队列',
  },
  notQueued: {
    en: 'could not be queued: {detail}',
    zh: '未能加入任务队列：{detail}',
  },
});

/** Why a handler gave up at once, for reasons every kind of job shares. */
export const jobFailureTexts = defineTexts('jobs.failure', {
  recordGone: {
    en: 'The {what} this job works on no longer exists',
    zh: '该任务处理的{what}已不存在',
  },
  stepsFailed: { en: 'Nightly steps failed: {steps}', zh: '夜间步骤失败：{steps}' },
});

/** The states (BullMQ's list names) a waiting job can be removed in, as `removedFromQueue` names them. */
const queueStateLabels = defineTexts('jobs.queue-state', {
  wait: { en: 'waiting', zh: '等待中' },
  delayed: { en: 'delayed', zh: '延迟中' },
  prioritized: { en: 'prioritized', zh: '按优先级等待中' },
  paused: { en: 'paused', zh: '暂停中' },
  'waiting-children': { en: 'waiting for its steps', zh: '等待其子步骤' },
});

/** A reason as a run stores it: both languages in one text. */
export function storedReason(template: Text, params?: TemplateParams): string {
  const filled = fillText(template, params);
  return `${filled.en} / ${filled.zh}`;
}

/** A refusal's or a handler's message as a run stores it; a plain string (a driver's own text) as it is. */
export function storedMessage(message: Message): string {
  if (typeof message === 'string') return message;
  return 'template' in message ? storedReason(message.template, message.params) : storedReason(message);
}

/** The process a run was claimed by as an operator knows it (host:pid), without its boot id. */
export function processNameOf(claimedBy: string | null): string | Text {
  if (!claimedBy) return text('unknown', '未知');
  const parts = claimedBy.split(':');
  return parts.length > 2 && /^[0-9a-f]{8}$/.test(parts.at(-1)!) ? parts.slice(0, -1).join(':') : claimedBy;
}

export const attemptsUsedUpReason = (claimedBy: string | null, attempts: number): string =>
  storedReason(runEndTexts.attemptsUsedUp, { process: processNameOf(claimedBy), attempts });

export const queueGaveUpReason = (detail: string): string => storedReason(runEndTexts.queueGaveUp, { detail });

export const removedFromQueueReason = (state: string): string =>
  storedReason(runEndTexts.removedFromQueue, { state: labelOf(queueStateLabels, state || 'wait') });

/**
 * Why a record's job was never queued. A refusal of ours carries its detail in both languages; a
 * driver's error (Redis, PostgreSQL) has only its own text, kept as it is for the operator.
 */
export function notQueuedReason(error: unknown): string {
  const detail: TemplateValue =
    error instanceof AppError
      ? messageValue(error.detailMessage)
      : error instanceof Error
        ? error.message
        : String(error);
  return storedReason(runEndTexts.notQueued, { detail });
}

/** The record a job works on was deleted before it ran, named by its table's noun (`record-words.ts`). */
export const recordGone = (table: string): Message => ({
  template: jobFailureTexts.recordGone,
  params: { what: tableNoun(table) },
});
