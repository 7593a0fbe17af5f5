import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle, PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Executor = PostgresJsDatabase<typeof schema>;

/**
 * The one database handle. Repositories read `db.q`, which is the open transaction when a service
 * wrapped its use case in `db.transaction`, so services never touch drizzle themselves.
 */
export class Db {
  private readonly scope = new AsyncLocalStorage<Executor>();
  readonly root: Executor;

  constructor(readonly client: postgres.Sql) {
    this.root = drizzle(client, { schema });
  }

  get q(): Executor {
    return this.scope.getStore() ?? this.root;
  }

  /** Nested calls join the outer transaction. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.scope.getStore()) return work();
    return this.root.transaction((tx) => this.scope.run(tx as unknown as Executor, work));
  }

  async ping(): Promise<void> {
    await this.client`select 1`;
  }

  async close(): Promise<void> {
    await this.client.end({ timeout: 5 });
  }
}

/**
 * Seconds before reconnecting after the n-th failed connection in a row. postgres.js' default
 * grows as 3^n / 100 up to 20 s and counts every killed connection of the pool, so after a burst
 * of killed backends (failover, pg_terminate_backend) requests waited up to 20 s for a database
 * that was already back. Doubling from 50 ms up to 1 s still spares a database that is really down.
 */
export const reconnectDelaySeconds = (failures: number): number => Math.min(0.05 * 2 ** failures, 1);

/**
 * `fetch_types: false`: postgres.js otherwise asks for array types on every new connection, and a
 * connection killed during that question rejects a promise nobody awaits, which ends the process.
 * Drizzle parses the array columns itself. See also patches/postgres+*.patch.
 */
export function connect(url: string, max = 10): Db {
  return new Db(
    postgres(url, {
      max,
      fetch_types: false,
      backoff: reconnectDelaySeconds,
      onnotice: () => undefined,
      connection: { TimeZone: 'UTC' },
    }),
  );
}
