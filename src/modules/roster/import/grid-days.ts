/**
 * The seven day headers of a roster grid, however the workbook holds them: date cells (the
 * export and the template), date serial numbers (a date whose format was lost), or text such as
 * "2026-12-07", "2026年12月7日", "12/07 周一" or "Mon 12/7" (a year left out is the one nearest
 * today in which the first day is a Monday).
 */
import type { RequiredColumn } from 'src/modules/ingest/readers/required-columns';
import { WEEKDAY_NAMES } from 'src/modules/export/workbook/workbook-writer';
import { fillText, text as localText } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import { addDays, isoWeekday } from 'src/platform/time/calendar-date';

/** The grid's columns as a missing-column refusal names them (the export's and the template's headers). */
export const GridColumns = defineTexts('roster-import.column', {
  employeeNo: localText('Employee no.', '工号'),
  day: localText('{date} ({weekday})', '{date}（{weekday}）'),
});

/** A header row's week: its dates, the columns they stand in, and the days it lacks. */
export type WeekHeader = { dates: string[]; columns: number[]; missing: RequiredColumn[] };

type DayOfYear = { year?: number; month: number; day: number };

/** Excel's serial numbers of 2000-01-01 and 2099-12-31 (1900 date system): a header number between them is a date. */
const FIRST_SERIAL = 36_526;
const LAST_SERIAL = 73_050;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const WITH_YEAR = /^\D*?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\D*$/;
const WITHOUT_YEAR = /^\D*?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\D*$/;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Required<DayOfYear>) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function valid(d: DayOfYear): boolean {
  const year = d.year ?? 2000; // a leap year, so 02/29 stays possible until a year is chosen
  const date = new Date(Date.UTC(year, d.month - 1, d.day));
  return d.month >= 1 && d.month <= 12 && date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day;
}

/** One header cell as a day of the year, or undefined when it is not a date. */
export function headerDay(value: unknown): DayOfYear | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1900) return undefined;
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < FIRST_SERIAL || value > LAST_SERIAL) return undefined;
    return headerDay(new Date(EXCEL_EPOCH + value * 86_400_000));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const full = WITH_YEAR.exec(text);
  const found: DayOfYear | undefined = full
    ? { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) }
    : (() => {
        const short = WITHOUT_YEAR.exec(text);
        return short ? { month: Number(short[1]), day: Number(short[2]) } : undefined;
      })();
  return found && valid(found) ? found : undefined;
}

/** The seven dates of a run of header days, when they are seven days in a row; years are filled in when left out. */
export function weekOfDays(days: DayOfYear[], today: string): string[] | undefined {
  const [first] = days;
  const thisYear = Number(today.slice(0, 4));
  const years =
    first.year !== undefined ? [first.year] : [thisYear, thisYear + 1, thisYear - 1, thisYear + 2, thisYear - 2];
  for (const year of years) {
    if (!valid({ ...first, year })) continue;
    const start = iso({ ...first, year });
    // Without a year the Monday decides it; with one, a week not from Monday is still a week (refused later, by name).
    if (first.year === undefined && isoWeekday(start) !== 1) continue;
    const dates = days.map((_d, i) => addDays(start, i));
    const same = days.every((d, i) => {
      const [y, m, n] = dates[i].split('-').map(Number);
      return (d.year === undefined || d.year === y) && d.month === m && d.day === n;
    });
    if (same) return dates;
  }
  return undefined;
}

/** The first run of seven header cells that are seven days in a row: their dates and column indices. */
function dayColumnsOf(cells: unknown[], today: string): WeekHeader | undefined {
  for (let c = 0; c + 7 <= cells.length; c++) {
    const days = cells.slice(c, c + 7).map(headerDay);
    if (days.some((d) => d === undefined)) continue;
    const dates = weekOfDays(days as DayOfYear[], today);
    if (dates) return { dates, columns: dates.map((_d, i) => c + i), missing: [] };
  }
  return undefined;
}

/**
 * The week's day columns of a header row that is not seven days side by side (a column was
 * deleted, or one put between the days): its dates (with their year) are distinct days of one
 * Monday-to-Sunday week in order, and the days not there are missing columns, each named by its
 * date and weekday. Undefined when the dates are no such week, or a lone date that says nothing of a grid.
 */
function partialWeek(cells: unknown[], named: boolean): WeekHeader | undefined {
  const at = cells.flatMap((v, c) => {
    const d = headerDay(v);
    return d?.year !== undefined ? [{ date: iso(d as Required<DayOfYear>), c }] : [];
  });
  if (at.length === 0 || (at.length < 2 && !named)) return undefined;
  const monday = addDays(at[0].date, 1 - isoWeekday(at[0].date));
  const week = [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(monday, d));
  if (!at.every((x, i) => week.includes(x.date) && (i === 0 || x.date > at[i - 1].date))) return undefined;
  const missing: RequiredColumn[] = week.flatMap((date, d) =>
    at.some((x) => x.date === date)
      ? []
      : [
          {
            field: date,
            name: fillText(GridColumns.day, { date, weekday: localText(WEEKDAY_NAMES.en[d], WEEKDAY_NAMES.zh[d]) }),
          },
        ],
  );
  return { dates: week, columns: at.map((x) => x.c), missing };
}

/**
 * The week a header row names: seven days side by side (date cells, serial numbers or text), else
 * the days of one week with some missing or a column between them. `named`: the row has the
 * employee-number column, so even one date makes it the header.
 */
export const weekHeaderOf = (cells: unknown[], named: boolean, today: string): WeekHeader | undefined =>
  dayColumnsOf(cells, today) ?? partialWeek(cells, named);
