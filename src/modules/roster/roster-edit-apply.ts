import type { ShiftChange } from './roster.dto';
import type { RosterShift } from './roster.repository';
import { givenBreaks, placeBreaks } from './roster-breaks';
import { shiftOf } from './roster-view';
import { clockMinutes, clockText, type RosterWeek } from './roster-week';
import { RosterProblems } from './roster.problems';
import type { ShiftTemplate } from './shift-template.repository';
import { templateStart } from './template-start';
import type { RosterProblem, ShiftType } from './solver';

/** The version's shifts with the changes applied; a change that names nothing on this roster is a 400. */
export function applyChanges(
  byCode: Map<string, ShiftTemplate>,
  problem: RosterProblem,
  week: RosterWeek,
  current: RosterShift[],
  changes: ShiftChange[],
): RosterShift[] {
  const shifts = new Map(current.map((s) => [`${s.agentId}/${s.day}`, s]));
  changes.forEach((c, i) => {
    const agent = problem.agents.find((a) => a.id === c.agentId);
    if (!agent) throw RosterProblems.agentNotOnRoster.at(`changes.${i}.agentId`, { field: `changes.${i}.agentId` });
    const day = week.dayOf(c.date);
    if (day < 0)
      throw RosterProblems.dateOutsideWeek.at(`changes.${i}.date`, {
        date: c.date,
        from: week.dates[0],
        to: week.dates[week.dates.length - 1],
      });
    const key = `${c.agentId}/${day}`;
    const existing = shifts.get(key);
    if (c.shiftTemplate === null) {
      shifts.delete(key);
      return;
    }
    const template = byCode.get(c.shiftTemplate);
    const type = template && problem.shiftTypes.find((t) => t.id === template.id);
    if (!type) throw RosterProblems.templateNotOnRoster.at(`changes.${i}.shiftTemplate`, { template: c.shiftTemplate });
    const start = startOf(type, c, existing, i, template.name);
    const length =
      type.lengthMinutes ?? (existing?.shiftTemplateId === type.id ? existing.lengthMinutes : type.lengthWindow!.min);
    const keep =
      existing &&
      existing.shiftTemplateId === type.id &&
      existing.startMinutes === start &&
      existing.lengthMinutes === length;
    const skill = c.skill ?? existing?.skill ?? agent.skills[0];
    shifts.set(
      key,
      shiftOf(week, {
        agentId: c.agentId,
        day,
        shiftTypeId: type.id,
        startMinutes: start,
        lengthMinutes: length,
        ...(skill ? { skill } : {}),
        breaks: c.breaks
          ? givenBreaks(week, type, template.name, day, start, length, c.breaks, i)
          : keep
            ? existing.breaks
            : placeBreaks(week, type, start, length, day, agent.activities ?? []),
      }),
    );
  });
  return [...shifts.values()];
}

/**
 * Minutes after the midnight of the shift's date: the template's clock start, a day later for a shift
 * that starts after that midnight (said by the change, or kept from the same shift when no start is given).
 */
function startOf(type: ShiftType, c: ShiftChange, existing: RosterShift | undefined, i: number, name: string): number {
  const same = existing?.shiftTemplateId === type.id ? existing : undefined;
  const nextDay = c.startsNextDay ?? (!c.start && same !== undefined && same.startMinutes >= 1440);
  const placed = templateStart(type, c.start ? clockMinutes(c.start) : undefined, same?.startMinutes, nextDay);
  if ('fixed' in placed)
    throw RosterProblems.startFixed.at(`changes.${i}.start`, { template: name, start: clockText(placed.fixed) });
  if ('earliest' in placed)
    throw RosterProblems.startOutsideWindow.at(`changes.${i}.start`, {
      template: name,
      earliest: clockText(placed.earliest),
      latest: clockText(placed.latest),
    });
  return placed.start;
}
