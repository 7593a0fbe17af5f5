import { z } from 'zod';
import { pageQuery } from 'src/platform/http/pagination';
import { text } from 'src/platform/i18n/locale';
import { localized } from 'src/platform/i18n/zod-messages';

export const AuditQuery = z
  .strictObject({
    ...pageQuery,
    rosterId: z.uuid().optional().meta({ description: 'Everything that changed this roster' }),
    agentId: z.uuid().optional().meta({ description: 'Everything about this agent (agents: themselves, the default)' }),
  })
  .refine((q) => !(q.rosterId && q.agentId), {
    ...localized(text('name a roster or an agent, not both', '只能指定排班表或客服之一')),
    path: ['agentId'],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const auditExample = {
  total: 2,
  limit: 20,
  offset: 0,
  items: [
    {
      at: '2027-02-26T02:00:00.000Z',
      subject: 'time-off',
      subjectId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      action: 'requested',
      actionLabel: '提交申请',
      actor: { userId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', name: '王娜' },
      agentIds: ['8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6'],
      rosterIds: [],
      detail: { kind: 'comp', startDate: '2027-03-01', endDate: '2027-03-01' },
    },
    {
      at: '2027-02-26T03:00:00.000Z',
      subject: 'time-off',
      subjectId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      action: 'approved',
      actionLabel: '批准',
      actor: { userId: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f', name: '林娟' },
      agentIds: ['8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6'],
      rosterIds: ['5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e'],
      detail: { published: [{ rosterId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', from: 2, to: 3 }] },
    },
  ],
};
