import type { ShiftType } from './solver';

/**
 * Where a shift of a template starts, in minutes after the midnight of its date, or why it cannot
 * start at the clock time written: a template with a fixed start allows only that; one with a
 * window, any start inside it. Each caller words the refusal (an edit's error, an import's row).
 */
export type TemplateStart = { start: number } | { fixed: number } | { earliest: number; latest: number };

/**
 * `written`: the clock time asked for (minutes after midnight), if any; `kept`: the start of the
 * same template's shift already there, used when none is written; `nextDay`: the shift starts after
 * that midnight (the rest of a night cut by time off), so 1440 is added.
 */
export function templateStart(
  type: ShiftType,
  written: number | undefined,
  kept: number | undefined,
  nextDay: boolean,
): TemplateStart {
  const after = nextDay ? 1440 : 0;
  if (type.startMinutes !== undefined) {
    return written === undefined || written === type.startMinutes
      ? { start: type.startMinutes + after }
      : { fixed: type.startMinutes };
  }
  const window = type.startWindow!;
  const start = written ?? (kept !== undefined ? kept % 1440 : window.earliest);
  if (start < window.earliest || start > window.latest) return { earliest: window.earliest, latest: window.latest };
  return { start: start + after };
}
