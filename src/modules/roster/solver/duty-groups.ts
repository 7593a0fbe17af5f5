import type { CompiledRoster } from './compiled-roster';

/**
 * Duties an agent's rules cannot tell apart: the same shift type and counted minutes, and shifts
 * that nothing may follow or precede differently (the same rows and columns of every night's
 * banned successions). The demo shop's 240 duties a day are 10 such groups: a start's six break
 * placements for each of four skills differ only in which slots and skill they cover, i.e. in cost.
 * A line's cheapest choice on a day is then the cheapest duty of some group, so the pricing
 * programme tries only those (the same line, ties to the lowest duty index as before, in a
 * twentieth of the time).
 */
const groupsOf = new WeakMap<CompiledRoster, Int32Array>();

export function dutyGroups(model: CompiledRoster): Int32Array {
  const known = groupsOf.get(model);
  if (known) return known;
  const n = model.shifts.length;
  const matrices = [model.forbiddenNext, ...model.forbiddenNextAfter.filter((m): m is Uint8Array => m !== null)];
  const shiftSignature = model.shifts.map((_, s) =>
    matrices
      .map((m) => {
        let row = '';
        let column = '';
        for (let x = 0; x < n; x++) {
          row += m[s * n + x];
          column += m[x * n + s];
        }
        return `${row}/${column}`;
      })
      .join('|'),
  );
  const ids = new Map<string, number>();
  const groups = new Int32Array(model.duties.length);
  model.duties.forEach((duty, u) => {
    const key = `${duty.type}:${duty.minutes}:${shiftSignature[duty.shift]}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    groups[u] = ids.get(key)!;
  });
  groupsOf.set(model, groups);
  return groups;
}

/** The duties open on `day` (finite cost), ascending; `grouped`: only the cheapest of each group (the first of equals). */
export function dutiesOfDay(model: CompiledRoster, cell: Float64Array, day: number, grouped: boolean): number[] {
  const offset = day * model.duties.length;
  const open: number[] = [];
  for (let u = 0; u < model.duties.length; u++) if (Number.isFinite(cell[offset + u])) open.push(u);
  if (!grouped) return open;
  const groups = dutyGroups(model);
  const best = new Map<number, number>();
  for (const u of open) {
    const held = best.get(groups[u]);
    if (held === undefined || cell[offset + u] < cell[offset + held]) best.set(groups[u], u);
  }
  return [...best.values()].sort((x, y) => x - y);
}
