import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { localized } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

export const LEAVE_KINDS = ['annual', 'comp', 'sick', 'personal', 'training', 'other'] as const;
export const LEAVE_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;

export const CreateLeaveBody = z
  .strictObject({
    agentId: z.uuid().optional().meta({ description: 'Omit to request leave for yourself' }),
    kind: z.enum(LEAVE_KINDS).meta({ example: 'annual' }),
    startDate: localDate.meta({ example: '2026-12-01' }),
    endDate: localDate.meta({ example: '2026-12-03' }),
    reason: z.string().trim().max(500).optional().meta({ example: '家中有事' }),
  })
  .refine((b) => b.startDate <= b.endDate, {
    ...localized(text('endDate must not be before startDate', '结束日期不得早于开始日期')),
    path: ['endDate'],
  });
export type CreateLeaveBody = z.infer<typeof CreateLeaveBody>;

export const DecideLeaveBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']).meta({ example: 'approved' }),
  note: z.string().trim().max(500).optional(),
});
export type DecideLeaveBody = z.infer<typeof DecideLeaveBody>;

export const ListLeaveQuery = z.strictObject({
  ...pageQuery,
  agentId: z.uuid().optional(),
  status: z.enum(LEAVE_STATUSES).optional(),
  from: localDate.optional().meta({ description: 'Leave ending on or after this date' }),
  to: localDate.optional().meta({ description: 'Leave starting on or before this date' }),
});
export type ListLeaveQuery = z.infer<typeof ListLeaveQuery>;

export const leaveExample = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  agentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  kind: 'annual',
  startDate: '2026-12-01',
  endDate: '2026-12-03',
  startsAt: '2026-11-30T16:00:00.000Z',
  endsAt: '2026-12-03T16:00:00.000Z',
  credit: null,
  published: [],
  status: 'requested',
  reason: '家中有事',
  decidedBy: null,
  decidedAt: null,
  createdAt: '2026-11-20T02:00:00.000Z',
};
