import { defineTexts } from 'src/platform/i18n/texts';

/** Names of the organisation's stable codes, as a user reads them. */
export const LeaveStatusLabels = defineTexts('org.leave-status', {
  requested: { en: 'requested', zh: '待审批' },
  approved: { en: 'approved', zh: '已批准' },
  rejected: { en: 'rejected', zh: '已驳回' },
  cancelled: { en: 'cancelled', zh: '已取消' },
});

export const LeaveKindLabels = defineTexts('org.leave-kind', {
  annual: { en: 'annual leave', zh: '年假' },
  comp: { en: 'time off in lieu', zh: '调休' },
  sick: { en: 'sick leave', zh: '病假' },
  personal: { en: 'personal leave', zh: '事假' },
  training: { en: 'training', zh: '培训' },
  other: { en: 'other leave', zh: '其他假' },
});

/** How a person is named in a message: name and employee number, never an id. */
export const agentName = (agent: { name: string; employeeNo: string }) => ({
  en: `${agent.name} (${agent.employeeNo})`,
  zh: `${agent.name}（${agent.employeeNo}）`,
});
