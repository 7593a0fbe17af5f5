import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_DEADLINES } from './complaint-catalogue';
import { complaintDueTimes, NEGATIVE_REVIEW_DAYS, overdueReason } from './complaint-deadlines';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / HOUR;

describe('complaintDueTimes', () => {
  it('adds elapsed minutes for the first response and local days for the resolution (no DST)', () => {
    // 10:00 in Shanghai on Monday 2026-11-23.
    const due = complaintDueTimes(at('2026-11-23T02:00:00Z'), 'Asia/Shanghai', DEFAULT_DEADLINES.medium, false);
    expect(due.firstResponseDueAt.toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(due.resolveDueAt.toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it('counts the spring-forward day as one day of 23 hours (New York, 2026-03-08)', () => {
    const received = at('2026-03-07T15:00:00Z'); // Sat 10:00 EST
    const due = complaintDueTimes(received, 'America/New_York', { firstResponseMinutes: 60, resolveDays: 1 }, false);
    expect(due.resolveDueAt.toISOString()).toBe('2026-03-08T14:00:00.000Z'); // Sun 10:00 EDT
    expect(hoursBetween(received, due.resolveDueAt)).toBe(23);
    expect(DateTime.fromJSDate(due.resolveDueAt, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2026-03-08 10:00',
    );
  });

  it('counts the fall-back day as one day of 25 hours (New York, 2026-11-01)', () => {
    const received = at('2026-10-31T14:00:00Z'); // Sat 10:00 EDT
    const due = complaintDueTimes(received, 'America/New_York', { firstResponseMinutes: 60, resolveDays: 1 }, false);
    expect(due.resolveDueAt.toISOString()).toBe('2026-11-01T15:00:00.000Z'); // Sun 10:00 EST
    expect(hoursBetween(received, due.resolveDueAt)).toBe(25);
  });

  it('keeps the first response in elapsed time across the gap: 60 minutes after 01:30 EST is 03:30 EDT', () => {
    const received = at('2026-03-08T06:30:00Z'); // 01:30 EST, half an hour before the clocks jump
    const due = complaintDueTimes(received, 'America/New_York', { firstResponseMinutes: 60, resolveDays: 2 }, false);
    expect(due.firstResponseDueAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(DateTime.fromJSDate(due.firstResponseDueAt, { zone: 'America/New_York' }).toFormat('HH:mm')).toBe('03:30');
  });

  it('moves a due wall-clock time that falls in the gap forward by the gap (02:30 → 03:30 EDT)', () => {
    const received = at('2026-03-07T07:30:00Z'); // Sat 02:30 EST
    const due = complaintDueTimes(received, 'America/New_York', { firstResponseMinutes: 30, resolveDays: 1 }, false);
    expect(due.resolveDueAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(DateTime.fromJSDate(due.resolveDueAt, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2026-03-08 03:30',
    );
  });

  it('caps a negative review at 7 local days, across the end of summer time in Berlin', () => {
    const received = at('2026-10-20T07:00:00Z'); // Tue 09:00 CEST
    const due = complaintDueTimes(received, 'Europe/Berlin', { firstResponseMinutes: 240, resolveDays: 10 }, true);
    expect(due.resolveDueAt.toISOString()).toBe('2026-10-27T08:00:00.000Z'); // Tue 09:00 CET
    expect(hoursBetween(received, due.resolveDueAt)).toBe(NEGATIVE_REVIEW_DAYS * 24 + 1);
    const notAReview = complaintDueTimes(
      received,
      'Europe/Berlin',
      { firstResponseMinutes: 240, resolveDays: 10 },
      false,
    );
    expect(notAReview.resolveDueAt.toISOString()).toBe('2026-10-30T08:00:00.000Z');
  });

  it('keeps a shorter rule for a negative review', () => {
    const due = complaintDueTimes(
      at('2026-11-23T02:00:00Z'),
      'Asia/Shanghai',
      { firstResponseMinutes: 30, resolveDays: 2 },
      true,
    );
    expect(due.resolveDueAt.toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });

  it('never lets the first response fall due after the resolution', () => {
    const due = complaintDueTimes(
      at('2026-11-23T02:00:00Z'),
      'Asia/Shanghai',
      { firstResponseMinutes: 3 * 24 * 60, resolveDays: 1 },
      false,
    );
    expect(due.firstResponseDueAt).toEqual(due.resolveDueAt);
  });

  it('refuses an unknown zone and non-positive rules', () => {
    expect(() => complaintDueTimes(at('2026-11-23T02:00:00Z'), 'Mars/Olympus', DEFAULT_DEADLINES.low, false)).toThrow(
      'invalid time zone',
    );
    expect(() =>
      complaintDueTimes(at('2026-11-23T02:00:00Z'), 'UTC', { firstResponseMinutes: 0, resolveDays: 1 }, false),
    ).toThrow('firstResponseMinutes');
    expect(() =>
      complaintDueTimes(at('2026-11-23T02:00:00Z'), 'UTC', { firstResponseMinutes: 10, resolveDays: 0 }, false),
    ).toThrow('resolveDays');
  });

  it('always lands N local calendar days later, 23–25 h per day, with the first response no later (property)', () => {
    const zones = [
      'Asia/Shanghai',
      'America/New_York',
      'Europe/Berlin',
      'Australia/Sydney',
      'America/Sao_Paulo',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.boolean(),
        (received, zone, resolveDays, firstResponseMinutes, negativeReview) => {
          const due = complaintDueTimes(received, zone, { firstResponseMinutes, resolveDays }, negativeReview);
          const days = negativeReview ? Math.min(resolveDays, NEGATIVE_REVIEW_DAYS) : resolveDays;
          const from = DateTime.fromJSDate(received, { zone });
          const to = DateTime.fromJSDate(due.resolveDueAt, { zone });
          expect(to.startOf('day').diff(from.startOf('day'), 'days').days).toBe(days);
          const hours = hoursBetween(received, due.resolveDueAt);
          expect(hours).toBeGreaterThanOrEqual(days * 24 - 1);
          expect(hours).toBeLessThanOrEqual(days * 24 + 1);
          expect(due.firstResponseDueAt.getTime()).toBeLessThanOrEqual(due.resolveDueAt.getTime());
          expect(due.firstResponseDueAt.getTime()).toBeLessThanOrEqual(
            received.getTime() + firstResponseMinutes * 60_000,
          );
        },
      ),
      { numRuns: 500, seed: 20261127 },
    );
  });
});

describe('overdueReason', () => {
  const base = {
    status: 'in_progress',
    firstRespondedAt: null,
    firstResponseDueAt: at('2026-11-23T04:00:00Z'),
    resolveDueAt: at('2026-11-26T02:00:00Z'),
  };

  it('is nothing before the first deadline', () => {
    expect(overdueReason(base, at('2026-11-23T03:59:59Z'))).toBeNull();
  });

  it('is the first response once it is due and missing, the resolution once that is due', () => {
    expect(overdueReason(base, at('2026-11-23T04:00:00Z'))).toBe('first_response');
    expect(
      overdueReason({ ...base, firstRespondedAt: at('2026-11-23T03:00:00Z') }, at('2026-11-24T00:00:00Z')),
    ).toBeNull();
    expect(overdueReason({ ...base, firstRespondedAt: at('2026-11-23T03:00:00Z') }, at('2026-11-26T02:00:00Z'))).toBe(
      'resolution',
    );
  });

  it('is never set on resolved or closed complaints', () => {
    for (const status of ['resolved', 'closed'])
      expect(overdueReason({ ...base, status }, at('2027-01-01T00:00:00Z'))).toBeNull();
  });
});
