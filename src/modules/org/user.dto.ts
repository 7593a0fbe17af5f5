import { z } from 'zod';
import { ROLES } from 'src/platform/auth/roles';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { text } from 'src/platform/i18n/locale';

const password = z
  .string()
  .min(8, localized(text('must be at least 8 characters', '至少 8 个字符')))
  .max(200)
  .meta({ example: 'change-me-2026' });

export const CreateUserBody = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(/^[A-Za-z0-9_.@-]+$/, localized(text('letters, digits, _ . @ - only', '只能包含字母、数字和 _ . @ -')))
      .meta({ example: 'lina' }),
    displayName: z.string().trim().min(1).max(100).meta({ example: '李娜' }),
    password,
    role: z.enum(ROLES).meta({ example: 'agent' }),
    agentId: z
      .uuid()
      .nullable()
      .default(null)
      .meta({ description: 'The employee record (required for agents and supervisors)' }),
  })
  .refine((b) => !['agent', 'supervisor'].includes(b.role) || b.agentId, {
    ...localized(text('agents and supervisors need an agentId', '客服和主管必须关联客服档案')),
    path: ['agentId'],
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(100).optional(),
    password: password.optional(),
    role: z.enum(ROLES).optional(),
    agentId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, localized(SchemaTexts.nothingToChange));
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export type UserView = {
  id: string;
  shopId: string | null;
  username: string;
  displayName: string;
  role: string;
  agentId: string | null;
  active: boolean;
  createdAt: Date;
};

export const userExample = {
  id: '6f1c0d9e-1b7a-4c55-9c1e-0a4f3e2b7d10',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  username: 'lina',
  displayName: '李娜',
  role: 'agent',
  agentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
};
