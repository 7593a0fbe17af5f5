import { defineTexts } from 'src/platform/i18n/texts';

export const ShiftSwapStatusLabels = defineTexts('shift-swap.status', {
  open: { en: 'offered, waiting for a colleague', zh: '待同事接班' },
  pending: { en: 'waiting for a supervisor', zh: '待主管审批' },
  approved: { en: 'approved', zh: '已批准' },
  rejected: { en: 'rejected', zh: '已驳回' },
  declined: { en: 'declined', zh: '已被拒绝' },
  cancelled: { en: 'cancelled', zh: '已取消' },
});
