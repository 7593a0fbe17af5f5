import { DateTime } from 'luxon';
import type { CompiledShift, CoverRow, Duty } from './compiled-roster';
import type { NeighbourShift, RosterHorizon, SlotDemand } from './roster-model';
import { breakOffsetMinutes } from './break-clock';
import { shiftStartMillis } from './shift-start';

const MINUTE = 60_000;

/** UTC milliseconds of local midnight of day `day` (and of the day after the horizon). */
export function localMidnights(horizon: RosterHorizon): number[] {
  const start = DateTime.fromISO(horizon.startDate, { zone: horizon.timeZone }).startOf('day');
  const result: number[] = [];
  for (let d = 0; d <= horizon.days + 1; d++) result.push(start.plus({ days: d }).toMillis());
  return result;
}

/** Working intervals [from, to) in UTC ms of a shift worked on `day`, breaks cut out. */
export function workingIntervals(horizon: RosterHorizon, shift: CompiledShift, day: number): [number, number][] {
  const start = shiftStartMillis(horizon, day, shift.startMinutes);
  const cuts = [...shift.breaks].sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  const intervals: [number, number][] = [];
  let from = start;
  for (const cut of cuts) {
    const breakStart = start + cut.offsetMinutes * MINUTE;
    if (breakStart > from) intervals.push([from, breakStart]);
    from = breakStart + cut.minutes * MINUTE;
  }
  const end = start + shift.lengthMinutes * MINUTE;
  if (end > from) intervals.push([from, end]);
  return intervals;
}

function asCompiledShift(horizon: RosterHorizon, n: NeighbourShift): CompiledShift {
  const breaks = (n.breaks ?? []).map((b) => ({
    name: '',
    offsetMinutes: breakOffsetMinutes(horizon, n.day, n.startMinutes, b),
    minutes: b.minutes,
  }));
  return {
    type: -1,
    startMinutes: n.startMinutes,
    lengthMinutes: n.lengthMinutes,
    countedMinutes: n.lengthMinutes,
    breaks,
    label: n.shiftTypeId,
  };
}

/**
 * One cover row per (demand, day, slot); a cell counts when its shift works the whole slot.
 * Shifts of the previous day count too, for night shifts that run past midnight, and so do the
 * neighbouring weeks' published shifts (`carried`): they are on duty, so only the rest is required.
 */
export function slotCoverRows(
  horizon: RosterHorizon,
  demands: SlotDemand[],
  shifts: CompiledShift[],
  duties: Duty[],
  skillIndex: (skill: string | undefined) => number,
  neighbours: NeighbourShift[] = [],
): CoverRow[] {
  const neighbourIntervals = neighbours.map((n) => ({
    skill: n.skill,
    intervals: workingIntervals(horizon, asCompiledShift(horizon, n), n.day),
  }));
  const slotMs = (horizon.slotMinutes ?? 30) * MINUTE;
  const midnights = localMidnights(horizon);
  const intervalsByDayShift = new Map<string, [number, number][]>();
  const intervals = (day: number, shift: number) => {
    const key = `${day}:${shift}`;
    let found = intervalsByDayShift.get(key);
    if (!found) {
      found = workingIntervals(horizon, shifts[shift], day);
      intervalsByDayShift.set(key, found);
    }
    return found;
  };
  const rows: CoverRow[] = [];
  for (const demand of demands) {
    const skill = demand.skill === undefined ? -1 : skillIndex(demand.skill);
    demand.requiredAgents.forEach((slots, day) => {
      if (day >= horizon.days) return;
      slots.forEach((required, k) => {
        const from = midnights[day] + k * slotMs;
        const to = from + slotMs;
        const cells: number[] = [];
        for (const shiftDay of [day - 1, day]) {
          if (shiftDay < 0) continue;
          duties.forEach((duty, u) => {
            if (skill >= 0 && duty.skill !== skill) return;
            if (intervals(shiftDay, duty.shift).some(([a, b]) => a <= from && to <= b)) {
              cells.push(shiftDay * duties.length + u);
            }
          });
        }
        const label = `${demand.skill ?? 'all'} day ${day} slot ${k}`;
        const carried = neighbourIntervals.filter(
          (n) =>
            (demand.skill === undefined || n.skill === demand.skill) &&
            n.intervals.some(([a, b]) => a <= from && to <= b),
        ).length;
        const row: CoverRow = {
          label,
          day,
          required: Math.max(0, required - carried),
          underWeight: demand.underWeight,
          overWeight: demand.overWeight,
          cells,
        };
        rows.push(carried > 0 ? { ...row, carried } : row);
      });
    });
  }
  return rows;
}
