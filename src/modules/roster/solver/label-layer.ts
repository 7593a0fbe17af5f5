/**
 * One day's labels in flat typed arrays; labels with the same key keep only their Pareto front of
 * counters. A key's labels are a chain (`next`) from a slot of an open-addressed table of keys:
 * a Map of arrays cost an array per key and day; with chains column generation ran 1.0–2× faster
 * (docs/benchmarks.md, "A faster label layer").
 */
export class Layer {
  size = 0;
  cost = new Float64Array(64);
  cls = new Int32Array(64);
  run = new Int32Array(64);
  touch = new Uint8Array(64);
  minutes = new Int32Array(64);
  parent = new Int32Array(64);
  choice = new Int32Array(64);
  alive = new Uint8Array(64);
  private next = new Int32Array(64);
  counters: Int32Array;
  /** Distinct keys pushed since the layer was taken. */
  keys = 0;
  /** Keys as doubles: a long horizon at one-minute granularity can pass 2^31 (`keyOf` multiplies its parts). */
  private slotKey = new Float64Array(128);
  private slotHead = new Int32Array(128);
  private slotCount = new Int32Array(128);
  /** A slot belongs to this layer's day when its stamp is the current one (no clearing between days). */
  private slotStamp = new Int32Array(128);
  private stamp = 1;
  /** Labels dropped because a bucket was full (a beam's narrowing). */
  dropped = false;

  constructor(
    public width: number,
    private bucketSize: number,
  ) {
    this.counters = new Int32Array(64 * width);
  }

  /** Empty again, for another day of another programme (see `takeLayer`). */
  reset(width: number, bucketSize: number): this {
    this.size = 0;
    this.keys = 0;
    this.stamp++;
    this.dropped = false;
    this.width = width;
    this.bucketSize = bucketSize;
    if (this.counters.length < this.cost.length * width) this.counters = new Int32Array(this.cost.length * width);
    return this;
  }

  private grow(): void {
    const bigger = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.cost = bigger(this.cost);
    this.cls = bigger(this.cls);
    this.run = bigger(this.run);
    this.touch = bigger(this.touch);
    this.minutes = bigger(this.minutes);
    this.parent = bigger(this.parent);
    this.choice = bigger(this.choice);
    this.alive = bigger(this.alive);
    this.next = bigger(this.next);
    const counters = new Int32Array(this.cost.length * this.width);
    counters.set(this.counters.subarray(0, this.size * this.width));
    this.counters = counters;
  }

  /** The key's slot, claimed for this day when new (keys are non-negative integers below 2^53: see `keyOf`). */
  private slotOf(key: number): number {
    if (2 * (this.keys + 1) > this.slotKey.length) this.growSlots();
    const slot = this.probe(key);
    if (this.slotStamp[slot] !== this.stamp) {
      this.claim(slot, key, -1, 0);
      this.keys++;
    }
    return slot;
  }

  /** Where the key sits this day, or the free slot it would take. */
  private probe(key: number): number {
    const mask = this.slotKey.length - 1;
    let slot = hashOf(key) & mask;
    while (this.slotStamp[slot] === this.stamp && this.slotKey[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private claim(slot: number, key: number, head: number, count: number): void {
    this.slotStamp[slot] = this.stamp;
    this.slotKey[slot] = key;
    this.slotHead[slot] = head;
    this.slotCount[slot] = count;
  }

  private growSlots(): void {
    const [keys, heads, counts, stamps] = [this.slotKey, this.slotHead, this.slotCount, this.slotStamp];
    const n = keys.length * 2;
    this.slotKey = new Float64Array(n);
    this.slotHead = new Int32Array(n);
    this.slotCount = new Int32Array(n);
    this.slotStamp = new Int32Array(n);
    for (let old = 0; old < keys.length; old++)
      if (stamps[old] === this.stamp) this.claim(this.probe(keys[old]), keys[old], heads[old], counts[old]);
  }

  /** Adds the label unless one of its key dominates it; drops the ones it dominates. */
  push(
    key: number,
    cost: number,
    cls: number,
    run: number,
    touch: number,
    minutes: number,
    counters: Int32Array,
    parent: number,
    choice: number,
  ): void {
    const w = this.width;
    const slot = this.slotOf(key);
    // The chain runs newest first.
    let before = -1;
    for (let j = this.slotHead[slot]; j >= 0;) {
      const after = this.next[j];
      let jBetter = this.cost[j] <= cost;
      let newBetter = cost <= this.cost[j];
      for (let x = 0; x < w && (jBetter || newBetter); x++) {
        const cj = this.counters[j * w + x];
        if (cj > counters[x]) jBetter = false;
        if (counters[x] > cj) newBetter = false;
      }
      if (jBetter) return;
      if (newBetter) {
        this.alive[j] = 0;
        this.unlink(slot, before, after);
      } else before = j;
      j = after;
    }
    // A beam keeps a few labels per key: the cheapest (of equal ones, the earliest pushed goes).
    if (this.slotCount[slot] >= this.bucketSize) {
      let dearest = -1;
      let dearestBefore = -1;
      for (let j = this.slotHead[slot], b = -1; j >= 0; b = j, j = this.next[j]) {
        if (dearest < 0 || this.cost[j] >= this.cost[dearest]) [dearest, dearestBefore] = [j, b];
      }
      this.dropped = true;
      if (this.cost[dearest] <= cost) return;
      this.alive[dearest] = 0;
      this.unlink(slot, dearestBefore, this.next[dearest]);
    }
    if (this.size === this.cost.length) this.grow();
    const i = this.size++;
    this.cost[i] = cost;
    this.cls[i] = cls;
    this.run[i] = run;
    this.touch[i] = touch;
    this.minutes[i] = minutes;
    this.parent[i] = parent;
    this.choice[i] = choice;
    this.alive[i] = 1;
    for (let x = 0; x < w; x++) this.counters[i * w + x] = counters[x];
    this.next[i] = this.slotHead[slot];
    this.slotHead[slot] = i;
    this.slotCount[slot]++;
  }

  private unlink(slot: number, before: number, after: number): void {
    if (before < 0) this.slotHead[slot] = after;
    else this.next[before] = after;
    this.slotCount[slot]--;
  }

  /**
   * Live labels to expand: all of them, or `limit` of them: first the cheapest of each minutes
   * count (so the busiest lines survive a beam that cheap idle days would otherwise fill with
   * lines that fall short of the contract later), then the cheapest of the rest.
   */
  expandable(limit: number): { order: number[]; truncated: boolean } {
    const order: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.alive[i]) order.push(i);
    if (order.length <= limit) return { order, truncated: this.dropped };
    order.sort((x, y) => this.cost[x] - this.cost[y] || x - y);
    const chosen = new Uint8Array(this.size);
    const seen = new Set<number>();
    const picked: number[] = [];
    for (const i of order) {
      if (picked.length >= limit) break;
      if (seen.has(this.minutes[i])) continue;
      seen.add(this.minutes[i]);
      chosen[i] = 1;
      picked.push(i);
    }
    for (const i of order) {
      if (picked.length >= limit) break;
      if (chosen[i]) continue;
      picked.push(i);
    }
    return { order: picked.sort((x, y) => x - y), truncated: true };
  }
}

/** Both 32-bit halves of an integer key, mixed. */
function hashOf(key: number): number {
  return Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 0x1_0000_0000) | 0, 0x85ebca6b);
}

/**
 * Layers of finished programmes, kept for the next: a year's construction prices ~1,000 agents with
 * a narrow beam, and fresh layers for each of their days (~a gigabyte) were half its time in the
 * garbage collector. Only small layers are kept (a beam's, not an exact programme's), and so many.
 */
const spareLayers: Layer[] = [];
const SPARE_LABELS = 2_048;
const SPARE_LAYERS = 128;

export function takeLayer(width: number, bucketSize: number): Layer {
  return spareLayers.pop()?.reset(width, bucketSize) ?? new Layer(width, bucketSize);
}

export function giveBack(layers: readonly Layer[]): void {
  for (const layer of layers) {
    if (spareLayers.length >= SPARE_LAYERS) return;
    if (layer.cost.length <= SPARE_LABELS) spareLayers.push(layer);
  }
}
