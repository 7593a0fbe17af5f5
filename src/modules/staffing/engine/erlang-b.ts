/**
 * Erlang B by the stable recursion B(n) = A·B(n−1) / (n + A·B(n−1)), B(0) = 1, carried as its
 * inverse 1/B(n) = 1 + (n/A)·1/B(n−1) (a multiply–add per server, no division): no factorials, no
 * powers, all terms positive, so it is exact to rounding for fractional loads and thousands of
 * servers (1/B overflowing to Infinity only means B is below 1e−308).
 */

/**
 * Number of servers from which the recursion may start with B = 1 instead of at 0. Starting at k
 * drops Σ_{j<k} A^j/j! from the normalising sum; with k = A − 9√A that is at most the Poisson lower
 * tail P(X < A − 9√A) ≤ exp(−81/2) ≈ 3e−18 of it (Chernoff), below double precision. Valid only
 * for results at n ≥ A, where the kept sum is at least about half the total.
 */
export function recursionStart(load: number): number {
  return Math.max(0, Math.floor(load - 9 * Math.sqrt(load)));
}

/** One step of the recursion: 1/B(n) from 1/B(n − 1), with inverseLoad = 1/A. */
export function nextInverseBlocking(servers: number, inverseLoad: number, previous: number): number {
  return 1 + servers * inverseLoad * previous;
}

/** 1/B(servers) for load > 0. */
export function inverseBlocking(load: number, servers: number): number {
  const inverseLoad = 1 / load;
  let n = servers >= load ? recursionStart(load) : 0;
  let inverse = 1;
  while (n < servers) {
    n++;
    inverse = nextInverseBlocking(n, inverseLoad, inverse);
  }
  return inverse;
}

/** P(all servers busy) for an M/M/n/n loss system with offered load `load` Erlangs. */
export function erlangB(load: number, servers: number): number {
  assertLoadAndServers(load, servers);
  if (load === 0) return servers === 0 ? 1 : 0;
  return 1 / inverseBlocking(load, servers);
}

/** Fewest servers with blocking ≤ `maxBlocking` (a loss system: trunks, callbacks lines). */
export function requiredServersForBlocking(load: number, maxBlocking: number): number {
  assertLoadAndServers(load, 0);
  if (!(maxBlocking > 0 && maxBlocking <= 1)) throw new RangeError(`maxBlocking must be in (0, 1], got ${maxBlocking}`);
  if (load === 0) return 0;
  const inverseLoad = 1 / load;
  const inverseBound = 1 / maxBlocking;
  let n = 0;
  let inverse = 1;
  while (inverse < inverseBound) {
    n++;
    inverse = nextInverseBlocking(n, inverseLoad, inverse);
  }
  return n;
}

export function assertLoadAndServers(load: number, servers: number): void {
  if (!(load >= 0 && Number.isFinite(load)))
    throw new RangeError(`offered load must be a finite number ≥ 0, got ${load}`);
  if (!(Number.isInteger(servers) && servers >= 0))
    throw new RangeError(`agents must be a whole number ≥ 0, got ${servers}`);
}
