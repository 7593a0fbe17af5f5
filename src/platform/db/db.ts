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

export function connect(url: string, max = 10): Db {
  return new Db(postgres(url, { max, onnotice: () => undefined, connection: { TimeZone: 'UTC' } }));
}
