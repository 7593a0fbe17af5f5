import type { CompiledShift, PlacedBreak } from './compiled-roster';
import type { BreakRule, ShiftType } from './roster-model';

/** Break placements kept per (start, length); evenly spread so the search can follow demand. */
const MAX_BREAK_PLACEMENTS = 6;
const MAX_VARIANTS_PER_TYPE = 64;

function steps(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

function evenlySpread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const picked: T[] = [];
  for (let k = 0; k < count; k++) picked.push(items[Math.round((k * (items.length - 1)) / (count - 1))]);
  return picked;
}

/** Every non-overlapping placement of the breaks that apply to a shift of this length. */
function breakPlacements(rules: BreakRule[], length: number, slotMinutes: number): PlacedBreak[][] {
  const applicable = rules.filter((r) => length >= r.minShiftMinutes);
  let placements: PlacedBreak[][] = [[]];
  for (const rule of applicable) {
    const next: PlacedBreak[][] = [];
    const latest = Math.min(rule.latestStartAfterMinutes, length - rule.minutes);
    for (const partial of placements) {
      for (const offset of steps(rule.earliestStartAfterMinutes, latest, slotMinutes)) {
        const clash = partial.some(
          (b) => offset < b.offsetMinutes + b.minutes && b.offsetMinutes < offset + rule.minutes,
        );
        if (!clash) next.push([...partial, { name: rule.name, offsetMinutes: offset, minutes: rule.minutes }]);
      }
    }
    placements = next.length > 0 ? next : placements;
  }
  return evenlySpread(placements, MAX_BREAK_PLACEMENTS);
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Expands each shift type's start and length windows (on the slot grid) and break placements. */
export function expandShiftTypes(types: ShiftType[], slotMinutes: number): CompiledShift[] {
  const shifts: CompiledShift[] = [];
  types.forEach((type, typeIndex) => {
    const starts = type.startWindow
      ? steps(type.startWindow.earliest, type.startWindow.latest, slotMinutes)
      : [type.startMinutes ?? 0];
    const lengths = type.lengthWindow
      ? steps(type.lengthWindow.min, type.lengthWindow.max, slotMinutes)
      : [type.lengthMinutes ?? 0];
    const exact = starts.length === 1 && lengths.length === 1;
    const variants: CompiledShift[] = [];
    for (const start of starts) {
      for (const length of lengths) {
        const placements = breakPlacements(type.breaks ?? [], length, slotMinutes);
        for (const breaks of placements) {
          const unpaid = breaks.reduce((sum, b) => {
            const rule = type.breaks?.find((r) => r.name === b.name);
            return sum + (rule?.paid ? 0 : b.minutes);
          }, 0);
          const breakLabel = breaks.map((b) => `${b.name}@${clock(start + b.offsetMinutes)}`).join(',');
          const base = exact ? type.id : `${type.id}@${clock(start)}+${length}`;
          variants.push({
            type: typeIndex,
            startMinutes: start,
            lengthMinutes: length,
            countedMinutes: length - unpaid,
            breaks,
            label: breakLabel ? `${base}[${breakLabel}]` : base,
          });
        }
      }
    }
    shifts.push(...evenlySpread(variants, MAX_VARIANTS_PER_TYPE));
  });
  return shifts;
}
