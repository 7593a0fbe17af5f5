/**
 * The mix of neighbourhood kinds in the large-neighbourhood search, adapted to what each kind has
 * gained on this roster (adaptive large-neighbourhood search). Measured on generated 6–12-week
 * instances, the kind that gains differs by shape: on a 42-day, 32-agent roster the agents re-planned
 * over the whole horizon gained 1 in 32 turns (15 s) while day blocks of everyone gained 2,349 in
 * 29 turns; on an 84-day, 40-agent one the re-planned agents gained the most per second. A fixed
 * mix spends half the time on a kind that gains nothing on one shape or the other.
 *
 * Each kind keeps a smoothed rate of gain (per second when timed, per turn in repeatable runs,
 * which never read the clock); it is drawn with probability proportional to its prior share times
 * (FLOOR + its share of the rates). With no gain anywhere the mix is the prior; a kind that stops
 * gaining fades back to the floor, so no kind is ever left out. A kind that cannot be drawn at a
 * turn (single agents' responses after a round without gain) is left out of that turn's rates as
 * well: on Instance8 its rate kept from one early gain outweighed the decaying rate of the day
 * blocks, and the priced re-plans, which gained nothing, got 18 of the last 32 turns.
 */
export class NeighbourhoodMix<Kind extends string> {
  private readonly kinds: Kind[];
  private readonly rates = new Map<Kind, number>();

  constructor(
    private readonly prior: ReadonlyMap<Kind, number>,
    private readonly random: () => number,
    private readonly timed: boolean,
  ) {
    this.kinds = [...prior.keys()].filter((k) => (prior.get(k) ?? 0) > 0);
    if (this.kinds.length === 0) throw new Error('NeighbourhoodMix needs at least one kind with a positive share');
    for (const k of this.kinds) this.rates.set(k, 0);
  }

  /**
   * The chance of each kind now (sums to 1), among the kinds `available` at this turn. A kind left
   * out is left out of the rates too: a rate it kept from an earlier gain would otherwise dilute the
   * others' and push them back to their prior while it cannot be drawn.
   */
  shares(available: (kind: Kind) => boolean = () => true): Map<Kind, number> {
    const kinds = this.kinds.filter(available);
    if (kinds.length === 0) throw new Error('NeighbourhoodMix has no kind available at this turn');
    const totalRate = kinds.reduce((sum, k) => sum + this.rates.get(k)!, 0);
    const weight = (k: Kind) => this.prior.get(k)! * (FLOOR + (totalRate > 0 ? this.rates.get(k)! / totalRate : 0));
    const total = kinds.reduce((sum, k) => sum + weight(k), 0);
    return new Map(kinds.map((k) => [k, weight(k) / total]));
  }

  pick(available: (kind: Kind) => boolean = () => true): Kind {
    const shares = [...this.shares(available)];
    let draw = this.random();
    for (const [k, share] of shares) {
      draw -= share;
      if (draw < 0) return k;
    }
    return shares[shares.length - 1][0];
  }

  /** What one turn of `kind` gained (cost before − after, ≥ 0) and how long it took. */
  record(kind: Kind, gain: number, seconds: number): void {
    if (!this.rates.has(kind)) return;
    const rate = Math.max(0, gain) / (this.timed ? Math.max(MIN_SECONDS, seconds) : 1);
    this.rates.set(kind, MEMORY * this.rates.get(kind)! + (1 - MEMORY) * rate);
  }
}

/** A kind's share never falls below this multiple of its prior (relative to the others' weights). */
const FLOOR = 0.25;
/** Weight of the past in a kind's rate: a gain counts for a few turns of that kind. */
const MEMORY = 0.7;
/** Turns shorter than this (a stop, a trivial model) are counted as this long. */
const MIN_SECONDS = 0.05;
