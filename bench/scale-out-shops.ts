import type postgres from 'postgres';

/** Copied with new ids, remembered so the rows that point at them point at the copy. */
const KEYED = ['skills', 'teams', 'agents', 'queues', 'chat_sessions'];
/** In this order: what a row points at is copied before it. */
const TABLES = ['skills', 'teams', 'agents', 'agent_skills', 'queues', 'volume_slots', 'chat_sessions', 'orders'];
const POINTERS: Record<string, string> = {
  skill_id: 'skills',
  required_skill_id: 'skills',
  team_id: 'teams',
  supervisor_agent_id: 'agents',
  agent_id: 'agents',
  attributed_agent_id: 'agents',
  queue_id: 'queues',
  attributed_session_id: 'chat_sessions',
};
/** Sessions and orders of the last days only: the night aggregates and samples yesterday; forecasts read all volume. */
const RECENT: Record<string, string> = { chat_sessions: 'started_at', orders: 'created_at' };

/**
 * `copies` more shops like `source` (organisation, volume, and the last `factDays` days of sessions
 * and orders), each with its own ids, in one set-based statement per table for all copies.
 */
export async function cloneShop(
  sql: postgres.Sql,
  source: string,
  copies: number,
  factDays: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await sql.begin(async (tx) => {
    await tx`
      INSERT INTO shops (code, name, time_zone, slot_minutes, currency, language, settings)
      SELECT 'bench-' || g, name || ' ' || g, time_zone, slot_minutes, currency, language, settings
      FROM shops, generate_series(2, ${copies + 1}) g WHERE id = ${source}`;
    await tx`CREATE TEMP TABLE copy_ids (shop_id uuid, old_id uuid, new_id uuid, PRIMARY KEY (shop_id, old_id)) ON COMMIT DROP`;
    await tx`CREATE TEMP TABLE copies ON COMMIT DROP AS SELECT id FROM shops WHERE code LIKE 'bench-%'`;
    for (const table of TABLES) {
      const columns = (
        await tx<
          { name: string }[]
        >`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`
      ).map((c) => c.name);
      const recent = RECENT[table] ? `AND x.${RECENT[table]} >= now() - interval '${factDays} days'` : '';
      const newId = (column: string) =>
        `(SELECT new_id FROM copy_ids m WHERE m.shop_id = t.id AND m.old_id = x.${column})`;
      if (KEYED.includes(table))
        await tx.unsafe(
          `INSERT INTO copy_ids SELECT t.id, x.id, gen_random_uuid() FROM ${table} x CROSS JOIN copies t WHERE x.shop_id = $1 ${recent}`,
          [source],
        );
      const values = columns.map((c) => {
        if (c === 'shop_id') return 't.id';
        if (c === 'id') return KEYED.includes(table) ? newId('id') : 'gen_random_uuid()';
        if (c === 'import_id') return 'NULL';
        return POINTERS[c] ? newId(c) : `x.${c}`;
      });
      const inserted = await tx.unsafe(
        `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${table} x CROSS JOIN copies t WHERE x.shop_id = $1 ${recent}`,
        [source],
      );
      counts[table] = inserted.count;
    }
  });
  await sql`ANALYZE`;
  return counts;
}
