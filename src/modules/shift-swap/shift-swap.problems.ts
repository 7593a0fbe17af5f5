import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of shift swaps (the rules every self-service request shares are in self-service.problems). */
export const ShiftSwapProblems = defineProblems('shift-swap', {
  notFound: { status: 404, en: 'Shift swap not found', zh: '未找到该换班申请' },
  ownShift: { status: 409, en: '{agent} cannot take their own shift', zh: '{agent}不能接自己的班' },
  notForYou: { status: 409, en: 'This shift is offered to {to} only', zh: '该班次只提供给{to}' },
  alreadyOffered: {
    status: 409,
    en: '{agent}’s shift on {date} is already offered',
    zh: '{agent}在 {date} 的班次已在换班中',
  },
  notYours: {
    status: 409,
    en: 'Only {agent} may cancel this swap, before it is decided',
    zh: '只有{agent}本人可以在审批前取消该换班',
  },
});
