import { isoWeekday } from 'src/platform/time/calendar-date';
import { ianaTimeZone, localDate, utcInstant } from './field-schemas';

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

describe('dates and instants within the calendar a shop can use', () => {
  const messages = (parsed: { error?: { issues: { message: string }[] } }) =>
    parsed.error?.issues.map((i) => i.message);
  const outOfRange = ['必须在 1900-01-01 至 2199-12-31 之间'];

  it('refuses dates whose day edges leave the range PostgreSQL and the jobs can read', () => {
    for (const value of ['0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])
      expect(messages(localDate.safeParse(value))).toEqual(outOfRange);
    for (const value of ['1900-01-01', '1995-06-30', '2199-12-31'])
      expect(localDate.safeParse(value).success).toBe(true);
  });

  it('refuses instants outside the same range, and gives one refusal for what is no instant at all', () => {
    for (const value of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2200-01-01T00:00:00+00:00'])
      expect(messages(utcInstant.safeParse(value))).toEqual(outOfRange);
    expect(utcInstant.safeParse('2199-12-31T23:59:59Z').success).toBe(true);
    expect(utcInstant.safeParse('2026-11-23T09:00:00+08:00').success).toBe(true);
    for (const value of ['', 'x', '2026-11-23']) expect(utcInstant.safeParse(value).success).toBe(false);
  });
});
