/**
 * The text of one roster grid cell, as the export writes it and the import reads it back: the
 * shift's template (code or name) with its times on the first line, then one line per break and
 * training. "休"/"Off" is a day off, "假"/"Leave" leave (with times, "假 14:00–18:00", part of the day:
 * read past, the leave is its own record), an empty cell a day off too.
 */
export type CellLanguage = 'zh' | 'en';

export const CELL_WORDS = {
  zh: { off: '休', leave: '假', meal: '餐', rest: '休息', training: '培训' },
  en: { off: 'Off', leave: 'Leave', meal: 'meal', rest: 'break', training: 'training' },
} as const;

export type ShiftCellShift = {
  template: string;
  start: string;
  end: string;
  breaks: { meal: boolean; start: string }[];
  training: string[];
};

/** "E 08:00–17:00 / 餐 12:00 / 休息 15:15 / 培训 14:00", one item a line. */
export function shiftCellText(shift: ShiftCellShift, lang: CellLanguage): string {
  const words = CELL_WORDS[lang];
  return [
    `${shift.template} ${shift.start}–${shift.end}`,
    ...shift.breaks.map((b) => `${b.meal ? words.meal : words.rest} ${b.start}`),
    ...shift.training.map((t) => `${words.training} ${t}`),
  ].join('\n');
}

export type ParsedCell =
  | { kind: 'off' }
  | { kind: 'leave' }
  | { kind: 'shift'; template: string; start?: number; end?: number; breaks: { meal: boolean; start: number }[] }
  | { kind: 'unreadable'; part: string };

const OFF = new Set(['休', '休息', 'off', 'day off', '-', '—']);
const LEAVE = new Set(['假', '请假', 'leave']);
const MEAL = new Set(['餐', '午餐', '晚餐', 'meal', 'lunch', 'dinner']);
const REST = new Set(['休息', '小休', 'break', 'rest']);
const TRAINING = new Set(['培训', 'training']);
const CLOCK = /^(\d{1,2}):(\d{2})$/;
/** "假 14:00–18:00": leave over part of the day, as the export writes it (the leave itself comes from its record). */
const LEAVE_TIMES = /^(\S+)\s+\d{1,2}:\d{2}\s*[–\-~～至]\s*\d{1,2}:\d{2}$/;
const isLeaveLine = (line: string) => LEAVE.has(LEAVE_TIMES.exec(line)?.[1].toLowerCase() ?? '');

function clock(text: string): number | undefined {
  const m = CLOCK.exec(text);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Digits, colons, dashes, tildes and spaces typed full-width (a Chinese input method's "０８：００－１７：００") as their ASCII forms; names keep theirs. */
const halfWidthClock = (text: string) =>
  text.replace(/[\uff10-\uff19\uff1a\uff0d\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

/**
 * What a cell says, before it is matched against the shop's templates. Lines may also be joined
 * by " · " (the older export) and times by "-", "–" or "~".
 */
export function parseShiftCell(raw: string): ParsedCell {
  const text = halfWidthClock(raw).trim();
  if (!text || OFF.has(text.toLowerCase())) return { kind: 'off' };
  if (LEAVE.has(text.toLowerCase())) return { kind: 'leave' };
  const lines = text.split(/\s*(?:\n|\r|·)\s*/).filter(Boolean);
  if (lines.every(isLeaveLine)) return { kind: 'leave' };
  const [first, ...rest] = lines.filter((line) => !isLeaveLine(line));
  const head = /^(.+?)(?:\s+(\d{1,2}:\d{2})(?:\s*[–\-~～至]\s*(\d{1,2}:\d{2}))?)?$/.exec(first);
  if (!head) return { kind: 'unreadable', part: first };
  const start = head[2] === undefined ? undefined : clock(head[2]);
  const end = head[3] === undefined ? undefined : clock(head[3]);
  if ((head[2] !== undefined && start === undefined) || (head[3] !== undefined && end === undefined))
    return { kind: 'unreadable', part: first };
  const breaks: { meal: boolean; start: number }[] = [];
  for (const line of rest) {
    const m = /^(\S+)\s+(\d{1,2}:\d{2})$/.exec(line);
    const word = m?.[1].toLowerCase();
    const at = m ? clock(m[2]) : undefined;
    if (!word || at === undefined) return { kind: 'unreadable', part: line };
    if (TRAINING.has(word)) continue; // training comes from its booking, not from the grid
    if (MEAL.has(word)) breaks.push({ meal: true, start: at });
    else if (REST.has(word)) breaks.push({ meal: false, start: at });
    else return { kind: 'unreadable', part: line };
  }
  return {
    kind: 'shift',
    template: head[1].trim(),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    breaks,
  };
}
