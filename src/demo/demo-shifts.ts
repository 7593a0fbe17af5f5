import type { DemoAgent } from './demo-organisation';

/** A regular weekly pattern: the start hour, nine hours on, and two days off (ISO weekdays). */
export type DemoShift = { startHour: number; hours: number; daysOff: number[] };

const STARTS = [8, 8, 9, 10, 12, 13, 14, 15, 16, 23];

export function demoShifts(agents: DemoAgent[]): Map<string, DemoShift> {
  return new Map(
    agents.map((a, i) => {
      const first = 1 + (i % 7);
      return [a.employeeNo, { startHour: STARTS[i % STARTS.length], hours: 9, daysOff: [first, (first % 7) + 1] }];
    }),
  );
}

/** Whether the agent works at this local time (ISO weekday and hour) (a shift may run past midnight into the next day). */
export function onShift(shift: DemoShift, local: { weekday: number; hour: number }): boolean {
  const today = local.weekday;
  const yesterday = ((today + 5) % 7) + 1;
  const end = shift.startHour + shift.hours;
  const fromToday = !shift.daysOff.includes(today) && local.hour >= shift.startHour && local.hour < end;
  const fromYesterday = !shift.daysOff.includes(yesterday) && end > 24 && local.hour < end - 24;
  return fromToday || fromYesterday;
}
