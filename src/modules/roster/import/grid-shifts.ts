/**
 * One grid cell against the roster's shift templates: the shift it asks for (template, start,
 * length, breaks as written or placed as a hand edit places them), or why it cannot be read.
 */
import type { ProblemFactory } from 'src/platform/errors/problem-catalogue';
import type { TemplateParams } from 'src/platform/i18n/locale';
import type { RosterShift } from 'src/modules/roster/roster.repository';
import { placeBreaks } from 'src/modules/roster/roster-breaks';
import { shiftOf } from 'src/modules/roster/roster-view';
import { clockText, type RosterWeek } from 'src/modules/roster/roster-week';
import type { RosterAgent, ShiftType } from 'src/modules/roster/solver';
import { templateStart } from 'src/modules/roster/template-start';
import { CELL_WORDS, parseShiftCell } from './shift-cell';
import { RosterImportProblems } from './roster-import.problems';

export type GridTemplate = { id: string; code: string; name: string; type: ShiftType };
export type CellRefusal = { problem: ProblemFactory; params: TemplateParams };
export type CellReading = { shift: RosterShift | null } | { refusal: CellRefusal };

const MEAL = { en: 'meal break', zh: '用餐时间' };
const REST = { en: 'rest break', zh: '休息时间' };
const clock = (minutes: number) => clockText(((minutes % 1440) + 1440) % 1440);
/** What a refusal quotes of a cell: enough to find it, never a whole pasted page. */
const QUOTE_LENGTH = 40;
const clip = (text: string) =>
  [...text].length > QUOTE_LENGTH ? `${[...text].slice(0, QUOTE_LENGTH - 1).join('')}…` : text;
const refuse = (problem: ProblemFactory, params: TemplateParams = {}): CellReading => ({
  refusal: { problem, params },
});

/** Templates by code (any case) and by name. */
export function templateFinder(templates: GridTemplate[]): (text: string) => GridTemplate | undefined {
  const byKey = new Map<string, GridTemplate>();
  for (const t of templates) byKey.set(t.name, t);
  for (const t of templates) byKey.set(t.code.toLowerCase(), t);
  return (text) => byKey.get(text.toLowerCase()) ?? byKey.get(text);
}

/**
 * Minutes after the midnight of the cell's date. The stored rest of a night cut by time off starts
 * after that midnight (past 1440); a cell naming it again at its clock time keeps it there. Any
 * other cell starts on its own date, as the template says.
 */
function startOf(
  t: GridTemplate,
  written: number | undefined,
  existing: RosterShift | undefined,
): number | CellReading {
  const same = existing?.shiftTemplateId === t.id ? existing : undefined;
  const nextDay =
    same !== undefined && same.startMinutes >= 1440 && (written === undefined || written === same.startMinutes - 1440);
  const placed = templateStart(t.type, written, same?.startMinutes, nextDay);
  if ('fixed' in placed)
    return refuse(RosterImportProblems.startFixed, { template: t.name, start: clock(placed.fixed) });
  if ('earliest' in placed)
    return refuse(RosterImportProblems.startOutside, {
      template: t.name,
      earliest: clock(placed.earliest),
      latest: clock(placed.latest),
    });
  return placed.start;
}

/**
 * The length a cell asks for: the time lived from its start to its end as the clock shows it (on
 * the night the clocks change a night shift ends an hour earlier or later on the clock than its
 * length says, as the export writes it), checked against the template.
 */
function lengthOf(
  t: GridTemplate,
  start: number,
  end: number | undefined,
  existing: RosterShift | undefined,
  week: RosterWeek,
  day: number,
): number | CellReading {
  const type = t.type;
  const startsAt = week.wallClock(day, start).getTime();
  const clockSpan = end === undefined ? undefined : (((end - start) % 1440) + 1440) % 1440 || 1440;
  const written =
    clockSpan === undefined
      ? undefined
      : Math.round((week.wallClock(day, start + clockSpan).getTime() - startsAt) / 60_000);
  const fits = (n: number) =>
    type.lengthMinutes !== undefined
      ? n === type.lengthMinutes
      : n >= type.lengthWindow!.min && n <= type.lengthWindow!.max;
  const fallback =
    type.lengthMinutes ?? (existing?.shiftTemplateId === t.id ? existing.lengthMinutes : type.lengthWindow!.min);
  if (written === undefined) return fallback;
  if (fits(written)) return written;
  return refuse(RosterImportProblems.endMismatch, {
    template: t.name,
    start: clock(start),
    minutes: fallback,
    end: clock(week.clockAfter(day, new Date(startsAt + fallback * 60_000))),
    given: clock(end!),
  });
}

/** The shift one cell asks for, for this agent and day; an unchanged cell gives back the stored shift. */
export function readCell(
  text: string,
  find: (text: string) => GridTemplate | undefined,
  templates: GridTemplate[],
  week: RosterWeek,
  agent: RosterAgent,
  day: number,
  existing: RosterShift | undefined,
): CellReading {
  const cell = parseShiftCell(text);
  if (cell.kind === 'off' || cell.kind === 'leave') return { shift: null };
  if (cell.kind === 'unreadable') {
    return refuse(RosterImportProblems.unreadableCell, {
      part: clip(cell.part),
      example: 'E 08:00–17:00',
      off: { en: CELL_WORDS.en.off, zh: CELL_WORDS.zh.off },
      leave: { en: CELL_WORDS.en.leave, zh: CELL_WORDS.zh.leave },
    });
  }
  const template = find(cell.template);
  if (!template)
    return refuse(RosterImportProblems.unknownTemplate, {
      text: clip(cell.template),
      templates: templates.map((t) => `${t.code} ${t.name}`),
    });
  const start = startOf(template, cell.start, existing);
  if (typeof start !== 'number') return start;
  const length = lengthOf(template, start, cell.end, existing, week, day);
  if (typeof length !== 'number') return length;
  const placed = placeBreaks(week, template.type, start, length, day, agent.activities ?? []);
  // Breaks written in the cell take the rule of their kind, in order: meals the meal rules, the rest the others.
  const meals = placed.filter((b) => b.name === 'meal');
  const rests = placed.filter((b) => b.name !== 'meal');
  for (const [kind, written, rules] of [
    [MEAL, cell.breaks.filter((b) => b.meal), meals],
    [REST, cell.breaks.filter((b) => !b.meal), rests],
  ] as const) {
    if (written.length > rules.length)
      return refuse(RosterImportProblems.breakUnknown, {
        template: template.name,
        minutes: length,
        kind,
        at: clock(written[rules.length].start),
      });
    written.forEach((b, i) => {
      // The clock time written in the cell is what counts (its real offset follows from it).
      rules[i].startMinutes = start + ((((b.start - (start % 1440)) % 1440) + 1440) % 1440);
      delete rules[i].offsetMinutes;
    });
  }
  const breaks = [...meals, ...rests].sort((a, b) => a.startMinutes - b.startMinutes);
  const same =
    existing &&
    existing.shiftTemplateId === template.id &&
    existing.startMinutes === start &&
    existing.lengthMinutes === length &&
    existing.breaks.length === breaks.length &&
    existing.breaks.every((b) => breaks.some((x) => x.name === b.name && x.startMinutes === b.startMinutes));
  if (same) return { shift: existing };
  // The day's skill stays as stored (none, for day-cover rosters); a new working day takes the agent's first.
  const skill = existing ? existing.skill : agent.skills[0];
  return {
    shift: shiftOf(week, {
      agentId: agent.id,
      day,
      shiftTypeId: template.id,
      startMinutes: start,
      lengthMinutes: length,
      ...(skill ? { skill } : {}),
      breaks,
    }),
  };
}
