import { defineTexts } from 'src/platform/i18n/texts';

export const OpenShiftStatusLabels = defineTexts('open-shift.status', {
  open: { en: 'open', zh: '待认领' },
  filled: { en: 'filled', zh: '已安排' },
  cancelled: { en: 'cancelled', zh: '已取消' },
});
