/**
 * One shrinkage account, applied once: positions = ceil(raw / (1 − shrinkage)).
 * Breaks and meals are not in it: the roster places them inside shifts, so counting them here
 * too would staff for them twice.
 */

/** Shares of paid time lost away from the queues, each in [0, 1). */
export interface ShrinkageAccount {
  /** Sickness, unplanned absence (planned leave is handled by the roster). */
  absence: number;
  /** Briefings, team meetings, one-to-ones. */
  meetings: number;
  /** Central training and coaching. */
  training: number;
  /** Anything else off the queues that the roster does not place (system downtime, admin). */
  other?: number;
}

export function totalShrinkage(account: ShrinkageAccount): number {
  const parts = [account.absence, account.meetings, account.training, account.other ?? 0];
  for (const part of parts)
    if (!(part >= 0 && part < 1)) throw new RangeError(`each shrinkage share must be in [0, 1), got ${part}`);
  const total = parts.reduce((sum, part) => sum + part, 0);
  if (!(total < 1)) throw new RangeError(`total shrinkage must be below 1, got ${total}`);
  return total;
}

/** Agents to schedule so that `rawAgents` are on the queues after shrinkage. */
export function positionsAfterShrinkage(rawAgents: number, shrinkage: ShrinkageAccount | number): number {
  const share = typeof shrinkage === 'number' ? shrinkage : totalShrinkage(shrinkage);
  if (!(share >= 0 && share < 1)) throw new RangeError(`shrinkage must be in [0, 1), got ${share}`);
  if (!(rawAgents >= 0 && Number.isFinite(rawAgents)))
    throw new RangeError(`raw agents must be a finite number ≥ 0, got ${rawAgents}`);
  // The slack keeps 14 / 0.7 = 20.000000000000004 at 20.
  return Math.max(0, Math.ceil(rawAgents / (1 - share) - 1e-9));
}
