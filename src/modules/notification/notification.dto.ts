import { z } from 'zod';
import { pageQuery } from 'src/platform/http/pagination';

export const FeedQuery = z.strictObject({
  ...pageQuery,
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'Only what you have not read' }),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

export const MarkReadBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500).optional().meta({ description: 'Omit to mark everything read' }),
});
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const feedExample = {
  unread: 2,
  total: 3,
  limit: 20,
  offset: 0,
  items: [
    {
      id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      kind: 'request-decided',
      text: '您 2027-03-01 的休假申请已批准',
      subject: 'time-off',
      subjectId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      read: false,
      createdAt: '2027-02-26T02:00:00.000Z',
    },
    {
      id: '8d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
      kind: 'roster-published',
      text: '2027-03-01 这一周的排班已发布（第 1 版）',
      subject: 'roster',
      subjectId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
      read: true,
      createdAt: '2027-02-25T09:00:00.000Z',
    },
  ],
};
