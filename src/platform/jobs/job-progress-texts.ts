import { defineTexts } from 'src/platform/i18n/texts';

/** Progress notes every kind of job shares (a module's own notes live beside its jobs). */
export const jobProgressTexts = defineTexts('jobs.progress', {
  daysDone: { en: '{done} of {total} days', zh: '已完成 {done}/{total} 天' },
  queuesDone: { en: '{done} of {total} queues', zh: '已完成 {done}/{total} 个队列' },
  rowsRead: { en: '{rows} rows read', zh: '已读取 {rows} 行' },
});
