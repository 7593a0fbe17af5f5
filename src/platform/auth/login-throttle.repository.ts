import { Injectable } from '@nestjs/common';
import { inArray, sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { loginThrottles } from 'src/platform/db/schema';

export type ThrottlePolicy = { maxFailures: number; windowSeconds: number; lockSeconds: number };

/** Failed sign-ins per key in PostgreSQL, so every replica (and the embedded mode) counts the same. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: Db) {}

  /** The latest lock still running among these keys. */
  async lockedUntil(keys: string[]): Promise<Date | null> {
    const [row] = await this.db.q
      .select({ until: sql<string | null>`max(${loginThrottles.lockedUntil})::text` })
      .from(loginThrottles)
      .where(sql`${inArray(loginThrottles.key, keys)} AND ${loginThrottles.lockedUntil} > now()`);
    return row?.until ? new Date(row.until) : null;
  }

  /**
   * Counts one failure in the key's window (a window older than the policy's starts again at one);
   * reaching the limit locks the key and starts counting afresh. Returns the lock, if any.
   */
  async fail(key: string, policy: ThrottlePolicy): Promise<Date | null> {
    const expired = sql`login_throttles.window_started_at <= now() - make_interval(secs => ${policy.windowSeconds})`;
    const counted = sql`CASE WHEN ${expired} THEN 1 ELSE login_throttles.failures + 1 END`;
    const [row] = (await this.db.q.execute(sql`
      INSERT INTO login_throttles (key, failures, window_started_at, locked_until)
      VALUES (${key}, ${policy.maxFailures <= 1 ? 0 : 1}, now(), ${policy.maxFailures <= 1 ? sql`now() + make_interval(secs => ${policy.lockSeconds})` : null})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN ${counted} >= ${policy.maxFailures} THEN 0 ELSE ${counted} END,
        window_started_at = CASE WHEN ${counted} >= ${policy.maxFailures} OR ${expired} THEN now() ELSE login_throttles.window_started_at END,
        locked_until = CASE WHEN ${counted} >= ${policy.maxFailures} THEN now() + make_interval(secs => ${policy.lockSeconds}) ELSE login_throttles.locked_until END
      RETURNING locked_until::text AS locked_until, locked_until > now() AS locked`)) as unknown as {
      locked_until: string | null;
      locked: boolean | null;
    }[];
    return row.locked && row.locked_until ? new Date(row.locked_until) : null;
  }

  async clear(key: string): Promise<void> {
    await this.db.q.delete(loginThrottles).where(inArray(loginThrottles.key, [key]));
  }
}
