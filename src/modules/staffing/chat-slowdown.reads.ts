import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import type { ConcurrencyLevel } from './engine';

/**
 * Handle time of a queue's sessions by the number of chats their agent had open meanwhile, in one
 * set-based statement. Per agent, every session start (+1) and end (−1) is an event; the running
 * sum after an event is the chats open until the next one, and the running integral F of that
 * step function is a window sum. A session's own start and end are events, so the agent's
 * chat-seconds during it are F(end) − F(start), and over its length that is the time-weighted mean
 * number of chats open (itself included), rounded to a level. Every chat queue's sessions count
 * as open chats (an agent may serve two queues at once), starting up to a day before the range.
 */
@Injectable()
export class ChatSlowdownReads {
  constructor(private readonly db: Db) {}

  async levels(shopId: string, queueId: string, from: Date, to: Date): Promise<ConcurrencyLevel[]> {
    const rows = await this.db.q.execute<Record<string, unknown>>(sql`
      with open_chats as (
        select s.id, s.agent_id, s.queue_id, s.started_at, s.ended_at
        from chat_sessions s join queues q on q.id = s.queue_id and q.channel = 'chat'
        where s.shop_id = ${shopId} and q.shop_id = ${shopId}
          and s.started_at >= ${from.toISOString()}::timestamptz - interval '1 day' and s.started_at < ${to.toISOString()}::timestamptz
          and s.ended_at > s.started_at
      ), events as (
        select agent_id, id, started_at as at, 1 as delta from open_chats
        union all
        select agent_id, id, ended_at as at, -1 as delta from open_chats
      ), steps as (
        -- At one instant ends come before starts: a chat ending as another begins is not concurrent.
        select agent_id, id, at, delta,
          sum(delta) over w as open_after,
          extract(epoch from (lead(at) over w - at)) as step_seconds
        from events
        window w as (partition by agent_id order by at, delta, id rows between unbounded preceding and current row)
      ), integral as (
        select id, delta,
          coalesce(sum(open_after * step_seconds) over (partition by agent_id order by at, delta, id rows between unbounded preceding and 1 preceding), 0) as chat_seconds
        from steps
      ), measured as (
        select extract(epoch from (s.ended_at - s.started_at)) as seconds,
          round((e.chat_seconds - b.chat_seconds) / extract(epoch from (s.ended_at - s.started_at)))::int as level
        from open_chats s
        join integral b on b.id = s.id and b.delta = 1
        join integral e on e.id = s.id and e.delta = -1
        where s.queue_id = ${queueId} and s.started_at >= ${from.toISOString()}::timestamptz
      )
      select greatest(level, 1) as concurrency, count(*)::int as sessions, avg(seconds)::float8 as mean_seconds
      from measured group by 1 order by 1`);
    return rows.map((r) => ({
      concurrency: Number(r.concurrency),
      sessions: Number(r.sessions),
      meanSeconds: Number(r.mean_seconds),
    }));
  }
}
