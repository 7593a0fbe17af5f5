import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { agents, shops } from './org';

/** shop_id is null only for admins who span every shop. */
export const users = pgTable('users', {
  id: id(),
  shopId: uuid('shop_id').references(() => shops.id),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  agentId: uuid('agent_id').references(() => agents.id),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});
