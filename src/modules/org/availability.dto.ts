import { z } from 'zod';
import { clockTime, localDate } from 'src/platform/http/field-schemas';
import { localized } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

export const AVAILABILITY_KINDS = ['unavailable', 'prefers_off', 'prefers_on'] as const;

export const CreateAvailabilityBody = z
  .strictObject({
    agentId: z.uuid().optional().meta({ description: 'Omit for yourself' }),
    kind: z.enum(AVAILABILITY_KINDS).meta({ example: 'unavailable' }),
    weekday: z
      .number()
      .int()
      .min(1)
      .max(7)
      .optional()
      .meta({ description: 'ISO weekday, 1 = Monday (repeats weekly)', example: 3 }),
    onDate: localDate.optional().meta({ description: 'One date instead of a weekday' }),
    startTime: clockTime.meta({ example: '18:00' }),
    endTime: clockTime.meta({ example: '24:00' }),
    weight: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(1)
      .meta({ description: 'How much a preference matters to the roster' }),
    note: z.string().trim().max(300).optional().meta({ example: '夜校上课' }),
  })
  .refine((b) => (b.weekday === undefined) !== (b.onDate === undefined), {
    ...localized(text('give exactly one of weekday or onDate', '请在星期和日期中只填写一项')),
    path: ['weekday'],
  })
  .refine((b) => b.startTime < b.endTime, {
    ...localized(text('endTime must be after startTime', '结束时间必须晚于开始时间')),
    path: ['endTime'],
  });
export type CreateAvailabilityBody = z.infer<typeof CreateAvailabilityBody>;

export const ListAvailabilityQuery = z.strictObject({ agentId: z.uuid().optional() });
export type ListAvailabilityQuery = z.infer<typeof ListAvailabilityQuery>;

export const availabilityExample = {
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  agentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  kind: 'unavailable',
  weekday: 3,
  onDate: null,
  startTime: '18:00',
  endTime: '24:00',
  weight: 1,
  note: '夜校上课',
  createdAt: '2026-11-20T02:00:00.000Z',
};
