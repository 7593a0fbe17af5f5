import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every domain table: a uuid key, its tenant, and when it was created (UTC). */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const utc = (name: string) => timestamp(name, { withTimezone: true });

/** Binary content (files kept in the database so every process can read them). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
