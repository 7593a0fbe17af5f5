import { defineProblems } from 'src/platform/errors/problem-catalogue';
import { defineTexts } from 'src/platform/i18n/texts';

/** Refusals of quality control: rubrics, reviews, calibration, coaching and summaries. */
export const QcProblems = defineProblems('qc', {
  sessionNotFound: { status: 404, en: 'Session not found', zh: '未找到该会话' },
  reviewNotFound: { status: 404, en: 'Review not found', zh: '未找到该质检评审' },
  noReviewsOfSession: { status: 404, en: 'The session has no reviews', zh: '该会话还没有质检评审' },
  rubricNotFound: { status: 404, en: 'Rubric not found', zh: '未找到评分表' },
  teamNotFound: { status: 404, en: 'Team not found', zh: '未找到团队' },
  agentNotFound: { status: 404, en: 'Agent not found', zh: '未找到客服' },
  coachingNotFound: { status: 404, en: 'Coaching task not found', zh: '未找到辅导任务' },
  coachingNotYours: {
    status: 403,
    en: "Only the agent's team supervisor may close this coaching task",
    zh: '只有该客服所在团队的主管才能关闭此辅导任务',
  },
  coachingClosed: { status: 409, en: 'The coaching task is already closed', zh: '该辅导任务已关闭' },
  alreadyReviewed: { status: 409, en: 'You have already reviewed this session', zh: '你已评审过该会话' },
  reviewRefused: { status: 422, en: 'The review cannot be stored: {problems}', zh: '无法保存该质检评审：{problems}' },
});

/** Why one score or finding of a review is refused (field messages of `qc.review-refused`). */
export const ReviewChecks = defineTexts('qc.review-check', {
  notAnItem: { en: 'not an item of this rubric version', zh: '不是该评分表版本中的评分项' },
  scoredTwice: { en: '{item} is scored twice', zh: '“{item}”被重复评分' },
  outOfRange: { en: '{item} must be between 0 and {max} points', zh: '“{item}”的分数必须在 0 到 {max} 分之间' },
  notQuoted: { en: 'the quote must be word for word from the transcript', zh: '引用必须与会话记录逐字一致' },
});
