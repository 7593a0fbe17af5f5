import { z } from 'zod';
import { utcInstant } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

const range = {
  from: utcInstant.meta({ description: 'Inclusive, UTC instant' }),
  to: utcInstant.meta({ description: 'Exclusive, UTC instant' }),
};

export const ListSessionsQuery = z
  .strictObject({ ...pageQuery, ...range, agentId: z.uuid().optional(), queueId: z.uuid().optional() })
  .refine((q) => new Date(q.from) < new Date(q.to), { ...localized(SchemaTexts.afterFrom), path: ['to'] });
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

export const ListOrdersQuery = z
  .strictObject({ ...pageQuery, ...range, agentId: z.uuid().optional().meta({ description: 'Attributed agent' }) })
  .refine((q) => new Date(q.from) < new Date(q.to), { ...localized(SchemaTexts.afterFrom), path: ['to'] });
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;

export const sessionExample = {
  id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  externalId: 'S-20261122-0001',
  queueId: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d',
  agentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  startedAt: '2026-11-22T02:15:00.000Z',
  endedAt: '2026-11-22T02:24:30.000Z',
  firstResponseSeconds: '12.00',
  meanResponseSeconds: '25.50',
  customerMessages: 9,
  agentMessages: 11,
  preSale: true,
  resolved: true,
  rating: 5,
};

export const orderExample = {
  id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  externalOrderId: 'TB2026112200017',
  createdAt: '2026-11-22T02:31:00.000Z',
  paidAt: '2026-11-22T02:33:12.000Z',
  refundedAt: null,
  amountCents: 29900,
  refundedCents: 0,
  outOfStock: false,
  attributedAgentId: sessionExample.agentId,
  attributedSessionId: sessionExample.id,
};
