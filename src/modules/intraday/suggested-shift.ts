import type { ScheduledShift } from 'src/modules/adherence/engine/adherence';
import { offsetOfPasses } from 'src/modules/roster/roster-breaks';
import { clockMinutes } from 'src/modules/roster/roster-week';
import type { ShiftChange } from 'src/modules/roster/roster.dto';
import { clockAt, wallClockAt, wallClockPasses } from 'src/platform/time/shop-calendar';
import type { Candidate, TemplateOption } from './engine/suggestions';

/**
 * A suggestion travels to the roster as local clock times, and the roster reads them back into
 * instants. These two directions live side by side so they agree, also on the night the clocks
 * go back, when a break's clock time happens twice.
 */

/** The shop's local date of the day and its zone; the queue's skill when it has one. */
export type SuggestionDay = { date: string; timeZone: string; skill?: string | null };

/** The roster change a suggestion stands for: the day's shift as it would be, or none. */
export function changeOfSuggestion(
  day: SuggestionDay,
  s: Pick<Candidate, 'agentId' | 'shift' | 'template'>,
): ShiftChange {
  const clock = (ms: number) => clockAt(new Date(ms), day.timeZone);
  if (!s.shift) return { agentId: s.agentId, date: day.date, shiftTemplate: null };
  return {
    agentId: s.agentId,
    date: day.date,
    shiftTemplate: s.template,
    start: clock(s.shift.from),
    ...(day.skill ? { skill: day.skill } : {}),
    breaks: s.shift.breaks.map((b) => ({ start: clock(b.from) })),
  };
}

/**
 * The shift a change describes, as the roster will store it: the template's length, and each
 * break's clock time read as the roster reads it (after midnight on a night shift; the pass inside
 * the break's window when the autumn night shows the time twice).
 */
export function shiftOfChange(
  day: SuggestionDay,
  template: TemplateOption,
  change: Pick<ShiftChange, 'start' | 'breaks'>,
  training: ScheduledShift['training'],
): ScheduledShift {
  const from = change.start
    ? wallClockAt(day.date, clockMinutes(change.start), day.timeZone).getTime()
    : template.starts[0];
  const startClock = clockMinutes(clockAt(new Date(from), day.timeZone));
  const rules = template.breaks.filter((r) => template.lengthMinutes >= r.minShiftMinutes);
  const breaks = (change.breaks ?? []).map((b, i) => {
    const clock = clockMinutes(b.start);
    const minutes = clock + (clock < startClock ? 1440 : 0);
    const rule = rules[i];
    const window = rule
      ? { earliestStartAfterMinutes: rule.earliestAfterMinutes, latestStartAfterMinutes: rule.latestAfterMinutes }
      : { earliestStartAfterMinutes: 0, latestStartAfterMinutes: template.lengthMinutes };
    const start = from + offsetOfPasses(wallClockPasses(day.date, minutes, day.timeZone), from, window) * 60_000;
    return { from: start, to: start + (rule?.minutes ?? 0) * 60_000 };
  });
  return { from, to: from + template.lengthMinutes * 60_000, breaks, training };
}

/**
 * Whether the roster, reading a suggestion's clock times, stores the very shift that was scored.
 * On the autumn night a break in the later pass of the repeated hour has a clock time the roster
 * reads as the earlier pass; such a suggestion is not offered, since accepting it would publish
 * another shift than the one whose effect was shown.
 */
export function clockNamesShift(
  day: SuggestionDay,
  template: TemplateOption,
  s: Pick<Candidate, 'agentId' | 'shift' | 'template'>,
): boolean {
  if (!s.shift) return true;
  const read = shiftOfChange(day, template, changeOfSuggestion(day, s), s.shift.training);
  return read.from === s.shift.from && read.breaks.every((b, i) => b.from === s.shift!.breaks[i]?.from);
}
