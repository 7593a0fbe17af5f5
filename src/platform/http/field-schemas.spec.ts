import { isoWeekday } from 'src/platform/time/calendar-date';
import { ianaTimeZone, localDate } from './field-schemas';

describe('shared field schemas', () => {
  it('stop at a value that is not a date, so a check chained after reads only dates', () => {
    // isoWeekday throws on what is not a calendar date: the chained check must never see one (texts in the default zh).
    const monday = localDate.refine((d) => isoWeekday(d) === 1, { error: 'must be a Monday' });
    for (const value of ['', 'x', '2026-02-30', '2026-12-1', '2026-03-29T02:30:00']) {
      const parsed = monday.safeParse(value);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual(['必须是日期，格式如 2026-11-23']);
    }
    expect(monday.safeParse('2026-12-01').error?.issues.map((i) => i.message)).toEqual(['must be a Monday']);
    expect(monday.safeParse('2026-11-30').success).toBe(true);
  });

  it('stop at a zone that is not one, so a check chained after reads only zones', () => {
    const chained = ianaTimeZone.refine(
      (zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0,
    );
    for (const value of ['', 'Mars/Olympus', 'x'.repeat(300)]) {
      const parsed = chained.safeParse(value);
      expect(parsed.error?.issues).toHaveLength(1);
    }
    expect(chained.safeParse('Asia/Shanghai').success).toBe(true);
  });
});
