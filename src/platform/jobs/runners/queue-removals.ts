import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

type Options = {
  prefix: string;
  /** The connection that waits out a reconnect (reads queue up while Redis is away). */
  connection: () => Redis;
  /** Told the run id of every job removed from a queue; decides itself whether that ends a run. */
  removed: (runId: string, queue: string, previousState: string) => Promise<void>;
};

const BATCH = 1000;

/**
 * A job removed from its queue (by an operator, a queue dashboard) never runs and BullMQ calls no
 * worker about it: it only writes a `removed` event to the queue's event stream. Worker processes
 * follow that stream, each from the start of what Redis still keeps when it boots (so removals
 * while no worker ran count too), then every few seconds from where it stopped, on the shared
 * connection (no extra Redis connection per queue).
 */
export class QueueRemovals {
  private readonly logger = new Logger('BullMqJobRunner');
  private readonly lastIds = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;

  constructor(private readonly options: Options) {}

  /** Reads every queue's stream up to now (at start, before lost runs are put back). */
  async catchUp(queues: string[]): Promise<void> {
    for (const queue of queues) await this.readQueue(queue);
  }

  follow(queues: string[], everyMs: number): void {
    this.timer = setInterval(() => {
      // A read still waiting (Redis away) is not stacked with another.
      if (this.reading) return;
      this.reading = this.catchUp(queues)
        .catch((e: unknown) => this.logger.warn({ err: (e as Error).message }, 'reading removed jobs failed'))
        .finally(() => (this.reading = undefined));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
  }

  private async readQueue(queue: string): Promise<void> {
    const key = `${this.options.prefix}:${queue}:events`;
    for (;;) {
      const from = this.lastIds.get(queue) ?? '0';
      const answer = (await this.options.connection().xread('COUNT', BATCH, 'STREAMS', key, from)) as
        [string, [string, string[]][]][] | null;
      const entries = answer?.[0]?.[1] ?? [];
      for (const [id, fields] of entries) {
        this.lastIds.set(queue, id);
        const event = fieldsOf(fields);
        if (event.event === 'removed' && event.jobId) await this.options.removed(event.jobId, queue, event.prev ?? '');
      }
      if (entries.length < BATCH) return;
    }
  }
}

function fieldsOf(flat: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  return fields;
}
