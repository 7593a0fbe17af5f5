import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { utc } from './columns';

/**
 * Agent states as the chat workbench reports them (online, busy, away, offline), from `POST
 * /agent-states` or the `agent-states` import. A report is keyed by agent and start, so a report
 * sent again replaces itself; `ended_at` is null while the agent is still in the state. Readers
 * take a later report as the end of the one before it. A fact table: no foreign keys (see decisions).
 */
export const agentStates = pgTable(
  'agent_states',
  {
    shopId: uuid('shop_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    startedAt: utc('started_at').notNull(),
    endedAt: utc('ended_at'),
    state: text('state').notNull(),
    importId: uuid('import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.agentId, t.startedAt] }),
    index('agent_states_shop_start').on(t.shopId, t.startedAt),
    check('agent_states_state', sql`${t.state} in ('online', 'busy', 'away', 'offline')`),
    check('agent_states_range', sql`${t.endedAt} is null or ${t.endedAt} > ${t.startedAt}`),
  ],
);
