import { defineTexts } from 'src/platform/i18n/texts';

/** Names of training's stable codes as a user reads them. */
export const SessionStatusLabels = defineTexts('training.session-status', {
  draft: { en: 'draft', zh: '草稿' },
  booked: { en: 'booked', zh: '已预订' },
});

export const MakeupReasonLabels = defineTexts('training.makeup-reason', {
  off_shift: { en: 'off shift at every session', zh: '所有场次时均不在班' },
  not_placed: { en: 'not placed (service minimum or capacity)', zh: '未能安排（服务水平下限或名额所限）' },
});

/** What the weekly draft job reports when done. */
export const TrainingJobTexts = defineTexts('training.job', {
  drafted: { en: '{drafts} draft sessions for the week of {week}', zh: '{week} 这一周的 {drafts} 个草稿培训场次' },
});
