import { defineTexts } from 'src/platform/i18n/texts';

/** The hard rules of the roster checker as a person names them (codes from the solver's evaluator). */
export const RuleLabels = defineTexts('self-service.rule', {
  'assignment-not-allowed': { en: 'shift not allowed that day', zh: '当天不允许排此班' },
  'locked-assignment': { en: 'day fixed by the manager', zh: '经理锁定的排班' },
  'forbidden-succession': { en: 'forbidden shift sequence', zh: '禁止的班次衔接' },
  'max-shifts-of-type': { en: 'most shifts of a kind', zh: '同类班次上限' },
  'min-minutes': { en: 'contract minimum hours', zh: '合同最少工时' },
  'max-minutes': { en: 'contract maximum hours', zh: '合同最多工时' },
  'max-consecutive-work': { en: 'most days in a row', zh: '最多连续上班天数' },
  'min-consecutive-work': { en: 'fewest days in a row', zh: '最少连续上班天数' },
  'min-consecutive-off': { en: 'fewest days off in a row', zh: '最少连续休息天数' },
  'max-weekends': { en: 'most weekends worked', zh: '最多周末上班次数' },
  'max-work-days': { en: 'most days a week', zh: '每周最多上班天数' },
  'max-days-per-week': { en: 'most days a week', zh: '每周最多上班天数' },
  'supervisor-on-shift': { en: 'a supervisor on every shift', zh: '每个班次须有主管' },
  skill: { en: 'skill of the shift', zh: '班次所需技能' },
  leave: { en: 'approved leave', zh: '已批准的请假' },
  'fixed-day-off': { en: 'fixed day off', zh: '固定休息日' },
  unavailability: { en: 'unavailable time', zh: '不可上班时间' },
  'min-rest': { en: 'rest between shifts', zh: '班次间最少休息时间' },
  training: { en: 'booked training', zh: '已安排的培训' },
});

/** What happened to a request, as the audit trail and the feed name it. */
export const ActionLabels = defineTexts('self-service.action', {
  requested: { en: 'requested', zh: '提交申请' },
  'auto-approved': { en: 'approved at once', zh: '自动批准' },
  approved: { en: 'approved', zh: '批准' },
  rejected: { en: 'rejected', zh: '驳回' },
  cancelled: { en: 'cancelled', zh: '取消' },
  offered: { en: 'offered', zh: '发起换班' },
  accepted: { en: 'accepted', zh: '接受换班' },
  countered: { en: 'offered a shift back', zh: '提出换回班次' },
  declined: { en: 'declined', zh: '拒绝换班' },
  posted: { en: 'posted', zh: '发布空缺班次' },
  volunteered: { en: 'volunteered', zh: '报名' },
  assigned: { en: 'assigned', zh: '指派' },
});
