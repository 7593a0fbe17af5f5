import { z } from 'zod';
import { code, localDate, queryBoolean } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

export const ROLE_GROUPS = ['pre_sales', 'after_sales', 'mixed'] as const;
export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'temporary', 'outsourced'] as const;

export const Contract = z
  .strictObject({
    minWeekMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .meta({ example: 2400 }),
    maxWeekMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .meta({ example: 2880 }),
    maxDaysPerWeek: z.number().int().min(1).max(7).meta({ example: 5 }),
    minRestHours: z.number().int().min(0).max(24).meta({ example: 11 }),
  })
  .refine((c) => c.minWeekMinutes <= c.maxWeekMinutes, {
    ...localized(text('minWeekMinutes must not exceed maxWeekMinutes', '每周最少分钟数不得超过每周最多分钟数')),
    path: ['minWeekMinutes'],
  });
export type Contract = z.infer<typeof Contract>;

export const AgentSkillInput = z.strictObject({
  skill: code.meta({ description: 'Skill code', example: 'pre_sales' }),
  proficiency: z.number().int().min(1).max(5).default(3).meta({ example: 4 }),
});

const skillList = z
  .array(AgentSkillInput)
  .max(50)
  .refine(
    (list) => new Set(list.map((s) => s.skill)).size === list.length,
    localized(text('a skill is listed twice', '同一技能列出了两次')),
  );

/** Without defaults: an update names only what changes (zod 4 would fill defaults into a partial). */
const agentFields = {
  employeeNo: z.string().trim().min(1).max(40).meta({ example: 'CS0042' }),
  name: z.string().trim().min(1).max(100).meta({ example: '李娜' }),
  teamId: z.uuid().nullable(),
  roleGroup: z.enum(ROLE_GROUPS).meta({ example: 'pre_sales' }),
  isSupervisor: z.boolean(),
  active: z.boolean(),
  hireDate: localDate,
  employmentType: z.enum(EMPLOYMENT_TYPES),
  contract: Contract,
  skills: skillList,
};

export const CreateAgentBody = z.strictObject({
  ...agentFields,
  teamId: agentFields.teamId.default(null),
  isSupervisor: agentFields.isSupervisor.default(false),
  active: agentFields.active.default(true),
  employmentType: agentFields.employmentType.default('full_time'),
  skills: skillList.default([]),
});
export type CreateAgentBody = z.infer<typeof CreateAgentBody>;

export const UpdateAgentBody = z
  .strictObject(agentFields)
  .partial()
  .extend({ version: z.string().optional().meta({ description: 'updatedAt you read; a newer one answers 409' }) })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), localized(SchemaTexts.nothingToChange));
export type UpdateAgentBody = z.infer<typeof UpdateAgentBody>;

export const ListAgentsQuery = z.strictObject({
  ...pageQuery,
  teamId: z.uuid().optional(),
  skill: code.optional().meta({ description: 'Only agents with this skill code' }),
  roleGroup: z.enum(ROLE_GROUPS).optional(),
  active: queryBoolean.optional(),
  q: z.string().trim().min(1).max(100).optional().meta({ description: 'Name or employee number contains' }),
});
export type ListAgentsQuery = z.infer<typeof ListAgentsQuery>;

export type AgentView = {
  id: string;
  shopId: string;
  employeeNo: string;
  name: string;
  teamId: string | null;
  roleGroup: string;
  isSupervisor: boolean;
  active: boolean;
  hireDate: string;
  employmentType: string;
  contract: Contract;
  skills: { skill: string; proficiency: number }[];
  createdAt: Date;
  updatedAt: Date;
};

export const agentExample = {
  id: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  employeeNo: 'CS0042',
  name: '李娜',
  teamId: '2b7d3c1e-5f6a-4e8b-9c0d-1e2f3a4b5c6d',
  roleGroup: 'pre_sales',
  isSupervisor: false,
  active: true,
  hireDate: '2025-03-01',
  employmentType: 'full_time',
  contract: { minWeekMinutes: 2400, maxWeekMinutes: 2880, maxDaysPerWeek: 5, minRestHours: 11 },
  skills: [
    { skill: 'pre_sales', proficiency: 4 },
    { skill: 'phone', proficiency: 2 },
  ],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
