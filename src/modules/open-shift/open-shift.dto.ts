import { z } from 'zod';
import { clockTime, localDate } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';

const policy = z.enum(['first', 'manager']).default('first').meta({
  description:
    '`first`: the first volunteer who may legally work it gets it; `manager`: volunteers wait for the manager’s pick',
});

export const PostOpenShiftsBody = z.strictObject({
  rosterId: z.uuid(),
  date: localDate.meta({ example: '2027-03-04' }),
  shiftTemplate: z.string().trim().min(1).max(40).meta({ description: 'Template code', example: 'L' }),
  start: clockTime.optional().meta({
    description: 'Start inside the template’s window (windowed templates); default its fixed or earliest start',
    example: '14:00',
  }),
  skill: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .meta({ description: 'The skill it is worked with; volunteers must hold it', example: 'pre_sales' }),
  count: z.number().int().min(1).max(20).default(1).meta({ example: 2 }),
  policy,
});
export type PostOpenShiftsBody = z.infer<typeof PostOpenShiftsBody>;

export const PostGapsBody = z.strictObject({ rosterId: z.uuid(), policy });
export type PostGapsBody = z.infer<typeof PostGapsBody>;

export const VolunteerBody = z.strictObject({
  agentId: z
    .uuid()
    .optional()
    .meta({ description: 'Omit to volunteer yourself; supervisors and managers may for an agent they lead' }),
});
export type VolunteerBody = z.infer<typeof VolunteerBody>;

export const AssignBody = z.strictObject({ agentId: z.uuid().meta({ description: 'One of the volunteers' }) });
export type AssignBody = z.infer<typeof AssignBody>;

export const ListOpenShiftsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['open', 'filled', 'cancelled']).optional(),
  rosterId: z.uuid().optional(),
});
export type ListOpenShiftsQuery = z.infer<typeof ListOpenShiftsQuery>;

export const openShiftExample = {
  id: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
  rosterId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
  date: '2027-03-04',
  shiftTemplate: 'L',
  shiftName: '晚班',
  start: '14:00',
  skill: 'pre_sales',
  policy: 'first',
  status: 'filled',
  statusLabel: '已安排',
  assignedAgentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  volunteers: ['8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6'],
  published: [{ rosterId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', from: 3, to: 4 }],
  createdAt: '2027-02-26T02:00:00.000Z',
};
