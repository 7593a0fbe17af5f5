/** A planner's change over [startsAt, endsAt): percent scales the model value, absolute adds to each slot. */
export type AdjustmentRule = {
  id: string;
  kind: 'percent' | 'absolute';
  value: number;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string;
};

export type AppliedAdjustment = {
  id: string;
  kind: 'percent' | 'absolute';
  value: number;
  reason: string;
  createdBy: string;
};

/**
 * The value a planner works with: the model value with every adjustment whose range holds the slot
 * start applied in the order given (oldest first), never below zero (no negative arrivals).
 */
export function adjustedValue(
  slotStart: Date,
  model: number,
  rules: AdjustmentRule[],
): { adjusted: number; applied: AppliedAdjustment[] } {
  const ms = slotStart.getTime();
  let adjusted = model;
  const applied: AppliedAdjustment[] = [];
  for (const rule of rules) {
    if (ms < rule.startsAt.getTime() || ms >= rule.endsAt.getTime()) continue;
    adjusted = rule.kind === 'percent' ? adjusted * (1 + rule.value / 100) : adjusted + rule.value;
    applied.push({ id: rule.id, kind: rule.kind, value: rule.value, reason: rule.reason, createdBy: rule.createdBy });
  }
  return { adjusted: Math.max(0, adjusted), applied };
}
