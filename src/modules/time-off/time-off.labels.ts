import { defineTexts } from 'src/platform/i18n/texts';

export const TimeOffStatusLabels = defineTexts('time-off.status', {
  pending: { en: 'waiting for a supervisor', zh: '待主管审批' },
  approved: { en: 'approved', zh: '已批准' },
  rejected: { en: 'rejected', zh: '已驳回' },
  cancelled: { en: 'cancelled', zh: '已取消' },
});

/** Words for the groups an allowance counts and for what a request overlaps. */
export const TimeOffWords = defineTexts('time-off.words', {
  everyone: { en: 'everyone', zh: '全体客服' },
  leave: { en: 'approved leave', zh: '已批准的请假' },
  request: { en: 'a time-off request waiting', zh: '待审批的休假申请' },
});
