import type postgres from 'postgres';
import { isConnectionLoss } from 'src/platform/db/connection-loss';

export interface ProbeTally {
  answered: number;
  lost: number;
  /** Answers whose content was wrong (a lost connection is not wrong, a wrong row is). */
  wrong: string[];
  other: unknown[];
  /** When each client's question in flight was asked (undefined between questions): a hang shows as an old one. */
  askedAt: Array<number | undefined>;
}

/**
 * Clients that keep asking the probe table (ids 1–100, names 'row <id>') a count, a row by id and a
 * transaction's LIMIT n until `stopped()`, checking every answer's content: the driver test and
 * bench/db-driver-kill.ts kill their connections meanwhile.
 */
export function probeClients(
  sql: postgres.Sql,
  table: string,
  stopped: () => boolean,
  count = 6,
): { tally: ProbeTally; done: Promise<void> } {
  const tally: ProbeTally = { answered: 0, lost: 0, wrong: [], other: [], askedAt: Array(count).fill(undefined) };
  const client = async (i: number) => {
    for (let n = 0; !stopped(); n++) {
      const id = 1 + ((i * 7 + n) % 100);
      tally.askedAt[i] = Date.now();
      try {
        if (i % 3 === 0) {
          const [row] = await sql<{ total: number }[]>`SELECT count(*)::int AS total FROM ${sql(table)}`;
          if (row?.total !== 100) tally.wrong.push(`count gave ${JSON.stringify(row)}`);
        } else if (i % 3 === 1) {
          const [row] = await sql<{ name: string }[]>`SELECT id, name FROM ${sql(table)} WHERE id = ${id}`;
          if (row?.name !== `row ${id}`) tally.wrong.push(`row ${id} gave ${JSON.stringify(row)}`);
        } else {
          const rows = await sql.begin(
            (tx) => tx<{ id: number }[]>`SELECT id FROM ${sql(table)} ORDER BY id LIMIT ${id}`,
          );
          if (rows.length !== id || rows[0]?.id !== 1) tally.wrong.push(`limit ${id} gave ${rows.length} rows`);
        }
        tally.answered++;
      } catch (e) {
        if (isConnectionLoss(e)) tally.lost++;
        else tally.other.push(e);
        // A failed query may reject without touching the network: let the killer's timer run.
        await new Promise((r) => setImmediate(r));
      }
      tally.askedAt[i] = undefined;
    }
  };
  const done = Promise.all(Array.from({ length: count }, (_, i) => client(i))).then(() => undefined);
  return { tally, done };
}
