import { breakClockMinutes } from './break-clock';
import { OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { linesToAssignments } from './roster-assignments';
import type { RosterProblem, ShiftType } from './roster-model';
import { MEAL, agent } from './small-rosters.fixture';

const NIGHT: ShiftType = { id: 'N', startMinutes: 23 * 60, lengthMinutes: 540, breaks: [MEAL] };
const EARLY: ShiftType = { id: 'E', startMinutes: 6 * 60, lengthMinutes: 540, breaks: [MEAL] };

/** Every day of the week worked by each of two agents, one on nights, one on earlies. */
function everyDay(startDate: string, timeZone: string): RosterProblem {
  return {
    horizon: { startDate, days: 7, timeZone },
    shiftTypes: [NIGHT, EARLY],
    agents: [agent('night'), agent('early')],
  };
}

describe('linesToAssignments', () => {
  it.each([
    ['Berlin, spring change', '2027-03-22', 'Europe/Berlin'],
    ['Berlin, autumn change', '2027-10-25', 'Europe/Berlin'],
    ['Berlin, no change', '2027-06-07', 'Europe/Berlin'],
    ['Shanghai', '2026-12-07', 'Asia/Shanghai'],
  ])('writes each break at the clock time of its real instant (%s)', (_, startDate, timeZone) => {
    const problem = everyDay(startDate, timeZone);
    const model = compileRoster(problem);
    const of = (type: string) => model.duties.findIndex((d) => model.typeIds[d.type] === type);
    const lines = [new Int32Array(7).fill(of('N')), new Int32Array(7).fill(of('E'))];
    expect(lines.every((line) => !line.includes(OFF))).toBe(true);
    const assignments = linesToAssignments(model, lines, problem.horizon);
    expect(assignments).toHaveLength(14);
    for (const a of assignments)
      for (const b of a.breaks)
        expect(b.startMinutes).toBe(breakClockMinutes(problem.horizon, a.day, a.startMinutes, b.offsetMinutes!));
    // On a week without a change, the clock is the offset after the start.
    if (startDate === '2027-06-07')
      for (const a of assignments)
        for (const b of a.breaks) expect(b.startMinutes).toBe(a.startMinutes + b.offsetMinutes!);
  });
});
