import { z } from 'zod';
import { code } from 'src/platform/http/field-schemas';
import { pageQuery } from 'src/platform/http/pagination';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';

const teamFields = {
  name: z.string().trim().min(1).max(100).meta({ example: '售前一组' }),
  supervisorAgentId: z.uuid().nullable().meta({ description: 'An agent with isSupervisor', example: null }),
};
export const CreateTeamBody = z.strictObject({
  ...teamFields,
  supervisorAgentId: teamFields.supervisorAgentId.default(null),
});
export type CreateTeamBody = z.infer<typeof CreateTeamBody>;
/** No defaults here: renaming a team must not remove its supervisor. */
export const UpdateTeamBody = z
  .strictObject(teamFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, localized(SchemaTexts.nothingToChange));
export type UpdateTeamBody = z.infer<typeof UpdateTeamBody>;
export const ListTeamsQuery = z.strictObject({ ...pageQuery });
export type ListTeamsQuery = z.infer<typeof ListTeamsQuery>;

export const CreateSkillBody = z.strictObject({
  code: code.meta({ example: 'english' }),
  name: z.string().trim().min(1).max(100).meta({ example: 'English (cross-border)' }),
});
export type CreateSkillBody = z.infer<typeof CreateSkillBody>;
export const UpdateSkillBody = CreateSkillBody.omit({ code: true });
export type UpdateSkillBody = z.infer<typeof UpdateSkillBody>;

export const teamExample = {
  id: '2b7d3c1e-5f6a-4e8b-9c0d-1e2f3a4b5c6d',
  shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  name: '售前一组',
  supervisorAgentId: '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6',
  agentCount: 16,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
export const skillExample = {
  id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  shopId: teamExample.shopId,
  code: 'english',
  name: 'English (cross-border)',
  createdAt: '2026-11-01T00:00:00.000Z',
};
