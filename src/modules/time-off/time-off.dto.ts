import { z } from 'zod';
import { clockTime, localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

export const TIME_OFF_KINDS = ['annual', 'comp', 'sick', 'personal'] as const;
export const TIME_OFF_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;

/** Whole dates from startDate to endDate (calendar dates: no zone, no clock change). */
const datesApart = (b: { startDate: string; endDate: string }) =>
  Math.round((Date.parse(b.endDate) - Date.parse(b.startDate)) / 86_400_000);

export const CreateTimeOffBody = z
  .strictObject({
    agentId: z
      .uuid()
      .optional()
      .meta({ description: 'Omit to ask for yourself; supervisors and managers may ask for an agent they lead' }),
    kind: z
      .enum(TIME_OFF_KINDS)
      .meta({ description: 'annual leave, comp (调休, time off in lieu), sick, personal', example: 'comp' }),
    startDate: localDate.meta({ example: '2027-03-03' }),
    endDate: localDate.meta({ example: '2027-03-03' }),
    startTime: clockTime
      .optional()
      .meta({ description: 'Part of a day: from (local clock, on startDate)', example: '14:00' }),
    endTime: clockTime.optional().meta({
      description: 'Part of a day: until (local clock, on endDate: startDate, or the next date past midnight)',
      example: '18:00',
    }),
    reason: z.string().trim().max(500).optional().meta({ example: '孩子家长会' }),
  })
  .refine((b) => b.startDate <= b.endDate, {
    ...localized(text('endDate must not be before startDate', '结束日期不得早于开始日期')),
    path: ['endDate'],
  })
  .refine((b) => (Date.parse(b.endDate) - Date.parse(b.startDate)) / 86_400_000 < 31, {
    ...localized(text('at most 31 days at once', '一次最多申请 31 天')),
    path: ['endDate'],
  })
  .refine((b) => (b.startTime === undefined) === (b.endTime === undefined), {
    ...localized(text('give both startTime and endTime, or neither', '开始时间与结束时间须同时填写或同时不填')),
    path: ['endTime'],
  })
  .refine((b) => b.startTime !== '24:00', {
    ...localized(text('must be before 24:00', '须早于 24:00')),
    path: ['startTime'],
  })
  // Part of a day may run past local midnight (a night worker's 22:00–02:00): it then ends on the next date.
  .refine((b) => b.startTime === undefined || datesApart(b) <= 1, {
    ...localized(
      text(
        'part of a day ends on startDate, or on the next date when it runs past midnight',
        '部分时段休假须在开始日期当天结束，跨午夜时结束日期为次日',
      ),
    ),
    path: ['endDate'],
  })
  .refine((b) => !b.startTime || !b.endTime || datesApart(b) !== 0 || b.startTime < b.endTime, {
    ...localized(
      text(
        'must be after startTime on the same date (to run past midnight, end on the next date)',
        '同一天内须晚于开始时间（跨午夜请将结束日期设为次日）',
      ),
    ),
    path: ['endTime'],
  })
  .refine((b) => !b.startTime || !b.endTime || datesApart(b) !== 1 || b.endTime <= b.startTime, {
    ...localized(text('part of a day lasts at most 24 hours', '部分时段休假最长 24 小时')),
    path: ['endTime'],
  });
export type CreateTimeOffBody = z.infer<typeof CreateTimeOffBody>;

export const DecideTimeOffBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']).meta({ example: 'approved' }),
  note: z.string().trim().max(500).optional().meta({ example: '已安排同事顶班' }),
});
export type DecideTimeOffBody = z.infer<typeof DecideTimeOffBody>;

export const ListTimeOffQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(TIME_OFF_STATUSES).optional(),
  agentId: z.uuid().optional(),
});
export type ListTimeOffQuery = z.infer<typeof ListTimeOffQuery>;

export const timeOffExample = {
  id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  agentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  agentName: '王娜',
  kind: 'comp',
  startDate: '2027-03-03',
  endDate: '2027-03-03',
  startTime: null,
  endTime: null,
  reason: '孩子家长会',
  status: 'approved',
  statusLabel: '已批准',
  autoApproved: true,
  decidedBy: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  decidedAt: '2027-02-26T02:00:00.000Z',
  note: null,
  leaveId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  published: [{ rosterId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', from: 2, to: 3 }],
  createdAt: '2027-02-26T02:00:00.000Z',
};
