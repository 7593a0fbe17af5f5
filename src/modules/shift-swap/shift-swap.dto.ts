import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';

export const SHIFT_SWAP_STATUSES = ['open', 'pending', 'approved', 'rejected', 'declined', 'cancelled'] as const;

export const OfferSwapBody = z.strictObject({
  agentId: z
    .uuid()
    .optional()
    .meta({ description: 'Omit to offer your own shift; supervisors and managers may offer for an agent they lead' }),
  date: localDate.meta({ description: 'The day of the published shift offered', example: '2027-03-03' }),
  toAgentId: z.uuid().optional().meta({ description: 'A named team mate; omit to offer it to the whole team' }),
  reason: z.string().trim().max(500).optional().meta({ example: '周三要去医院复查' }),
});
export type OfferSwapBody = z.infer<typeof OfferSwapBody>;

export const AcceptSwapBody = z.strictObject({
  agentId: z
    .uuid()
    .optional()
    .meta({ description: 'Omit to take it yourself; supervisors and managers may accept for an agent they lead' }),
  returnDate: localDate.optional().meta({
    description: 'Offer one of your published shifts back (its day); omit to just take the shift',
    example: '2027-03-05',
  }),
});
export type AcceptSwapBody = z.infer<typeof AcceptSwapBody>;

export const DecideSwapBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']).meta({ example: 'approved' }),
  note: z.string().trim().max(500).optional().meta({ example: '同意，注意交接' }),
});
export type DecideSwapBody = z.infer<typeof DecideSwapBody>;

export const ListSwapsQuery = z.strictObject({
  ...pageQuery,
  status: z
    .enum(SHIFT_SWAP_STATUSES)
    .optional()
    .meta({ description: '`open`: offers to take; `pending`: the approval inbox' }),
});
export type ListSwapsQuery = z.infer<typeof ListSwapsQuery>;

export const shiftSwapExample = {
  id: '4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  offererId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  offererName: '王娜',
  offerDate: '2027-03-03',
  toAgentId: null,
  takerId: '9e0f1a2b-3c4d-4e5f-8a7b-9c0d1e2f3a4b',
  takerName: '李伟',
  returnDate: '2027-03-05',
  status: 'pending',
  statusLabel: '待主管审批',
  reason: '周三要去医院复查',
  autoApproved: false,
  acceptedAt: '2027-02-26T03:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  note: null,
  published: [],
  createdAt: '2027-02-26T02:00:00.000Z',
};
