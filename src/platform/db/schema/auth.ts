import { boolean, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, utc } from './columns';
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
  /** Carried in every token; raised when the password, role or active state changes, which ends every session at once. */
  tokenVersion: integer('token_version').notNull().default(0),
  createdAt: createdAt(),
});

/**
 * Failed sign-ins per key (`account:<user name>` or `address:<client IP>`), shared by every
 * replica: failures counted in a window, and a lock once they reach the limit. A key for an
 * unknown user name is kept like any other, so a lock says nothing about which names exist.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: utc('window_started_at').notNull().defaultNow(),
  lockedUntil: utc('locked_until'),
});
