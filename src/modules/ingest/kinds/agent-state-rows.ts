import { z } from 'zod';
import { instant, optionalInstant, text } from './cell-values';
import { ImportKind, unknownCode } from './import-kind';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { CellTexts, CodeKinds, cellError } from './cell-texts';

/** The workbench's states; Chinese labels as the workbench shows them are read too. */
export const AGENT_STATE_NAMES = ['online', 'busy', 'away', 'offline'] as const;
const CHINESE: Record<string, (typeof AGENT_STATE_NAMES)[number]> = {
  在线: 'online',
  忙碌: 'busy',
  离开: 'away',
  小休: 'away',
  离线: 'offline',
};

const state = z.preprocess(
  (v) => (typeof v === 'string' ? (CHINESE[v.trim()] ?? v.trim().toLowerCase()) : v),
  z.enum(AGENT_STATE_NAMES, cellError(CellTexts.oneOf, { values: AGENT_STATE_NAMES.join(', ') })),
);

export const agentStateRowSchema = (ctx: Parameters<ImportKind<unknown>['rowSchema']>[0]) =>
  z
    .strictObject({ agent: text(40), state, from: instant(ctx), to: optionalInstant(ctx) })
    .refine((r) => !r.to || r.to > r.from, { ...localized(SchemaTexts.afterFrom), path: ['to'] });
export type AgentStateRow = z.infer<ReturnType<typeof agentStateRowSchema>>;

/** An agent's state from `from` until `to` (blank: still in it); the same agent and start again replaces it. */
export const agentStateKind: ImportKind<AgentStateRow> = {
  kind: 'agent-states',
  columns: [
    { key: 'agent', zh: '客服工号', en: 'Agent employee no.', example: 'CS0002', required: true },
    { key: 'state', zh: '状态', en: 'State (online, busy, away, offline)', example: 'online', required: true },
    { key: 'from', zh: '开始时间', en: 'From', example: '2026-11-22 09:00:00', required: true },
    {
      key: 'to',
      zh: '结束时间',
      en: 'To (blank: still in this state)',
      example: '2026-11-22 11:58:30',
      required: false,
    },
  ],
  rowSchema: agentStateRowSchema,
  key: (r) => `${r.agent}@${r.from.toISOString()}`,
  stage: (r, l) => {
    const agentId = l.agentIdByEmployeeNo.get(r.agent);
    if (!agentId) return unknownCode('agent', r.agent, CodeKinds.agentEmployeeNo);
    return { values: [agentId, r.state, r.from, r.to ?? null] };
  },
};
