/**
 * A hand-over of batches from the file reader to the database writer with room for a few, so
 * parsing (this process) and storing (PostgreSQL) run at the same time without unbounded memory.
 */
export class BatchChannel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private closed = false;
  private failure: unknown;
  private wakeReader?: () => void;
  private wakeWriter?: () => void;

  constructor(private readonly capacity: number) {}

  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.closed) await new Promise<void>((r) => (this.wakeWriter = r));
    this.items.push(item);
    this.wakeReader?.();
  }

  close(): void {
    this.closed = true;
    this.wakeReader?.();
  }

  fail(error: unknown): void {
    this.failure = error;
    this.close();
  }

  /** The reader gave up: let a waiting writer go on (its pushes are then dropped). */
  abandon(): void {
    this.closed = true;
    this.items.length = 0;
    this.wakeWriter?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.items.length) {
        const item = this.items.shift()!;
        this.wakeWriter?.();
        yield item;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.closed) return;
      await new Promise<void>((r) => (this.wakeReader = r));
    }
  }
}
