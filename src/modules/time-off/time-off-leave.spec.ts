import { wallClockAt } from 'src/platform/time/shop-calendar';
import type { ShiftTemplate } from 'src/modules/roster/shift-template.repository';
import { HeldShift, planLeave, shortenedStart, wishWindow } from './time-off-leave';

const SH = 'Asia/Shanghai';
const MEAL = {
  name: 'meal',
  minutes: 60,
  minShiftMinutes: 480,
  earliestStartAfterMinutes: 180,
  latestStartAfterMinutes: 300,
};
const template = (code: string, start: number | null, length: number, window?: [number, number]) =>
  ({
    id: code,
    code,
    name: code,
    startMinutes: start,
    startEarliest: window?.[0] ?? null,
    startLatest: window?.[1] ?? null,
    lengthMinutes: length,
    breaks: [MEAL],
  }) as unknown as ShiftTemplate;
const E = template('E', 480, 540);
const N = template('N', 1380, 540);
const H = template('H', 480, 240);
const W = template('W', null, 300, [720, 780]);
const byId = new Map([E, N, H, W].map((t) => [t.id, t]));
const shift = (t: ShiftTemplate, date: string): HeldShift => {
  const startsAt = wallClockAt(date, t.startMinutes!, SH);
  return {
    rosterId: 'r',
    date,
    shiftTemplateId: t.id,
    skill: null,
    startsAt,
    endsAt: new Date(startsAt.getTime() + t.lengthMinutes * 60_000),
  };
};
const at = (date: string, minutes: number) => wallClockAt(date, minutes, SH);
const whole = (startDate: string, endDate = startDate) => ({ startDate, endDate, startTime: null, endTime: null });

describe('what time off does to the agent’s published shifts (planLeave)', () => {
  it('a night worker’s day off: the night already rostered into it stays, the night starting on it is freed, one night’s credit', () => {
    const nights = ['2027-03-01', '2027-03-02', '2027-03-03'].map((d) => shift(N, d));
    const plan = planLeave(whole('2027-03-02'), SH, nights, byId, [E, N, H]);
    // Monday's night ends Tuesday 08:00: the leave starts then, so Monday's night does not overlap it.
    expect([plan.startsAt, plan.endsAt]).toEqual([at('2027-03-02', 480), at('2027-03-03', 0)]);
    expect(plan.freed.map((s) => s.date)).toEqual(['2027-03-02']);
    expect(plan.shortened).toEqual([]);
    expect(plan.credit).toEqual([{ date: '2027-03-02', minutes: 480 }]);
  });

  it('a day worker’s days off are the local days 00:00–24:00, each shift credited by its paid minutes', () => {
    const days = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'].map((d) => shift(E, d));
    const plan = planLeave(whole('2027-03-02', '2027-03-03'), SH, days, byId, [E, N, H]);
    expect([plan.startsAt, plan.endsAt]).toEqual([at('2027-03-02', 0), at('2027-03-04', 0)]);
    expect(plan.freed.map((s) => s.date)).toEqual(['2027-03-02', '2027-03-03']);
    expect(plan.credit).toEqual([
      { date: '2027-03-02', minutes: 480 },
      { date: '2027-03-03', minutes: 480 },
    ]);
  });

  it('a day off with no shift on it takes nothing and credits nothing', () => {
    const plan = planLeave(whole('2027-03-06'), SH, [shift(E, '2027-03-05')], byId, [E]);
    expect([plan.freed, plan.credit]).toEqual([[], []]);
  });

  it('part of a day covering the whole shift frees it; overlapping part of it cuts it to the longest template clear of the leave', () => {
    const e = shift(E, '2027-03-02');
    const covering = planLeave({ ...whole('2027-03-02'), startTime: '07:00', endTime: '18:00' }, SH, [e], byId, [E, H]);
    expect(covering.freed).toEqual([e]);
    const cut = planLeave({ ...whole('2027-03-02'), startTime: '14:00', endTime: '18:00' }, SH, [e], byId, [E, H, W]);
    expect([cut.startsAt, cut.endsAt]).toEqual([at('2027-03-02', 840), at('2027-03-02', 1080)]);
    expect(cut.freed).toEqual([]);
    // H 08:00–12:00 (240 paid) beats nothing; W 12:00–17:00 would overlap 14:00.
    expect(cut.shortened.map((s) => [s.to.template.code, s.to.startMinutes, shortenedStart(s.to)])).toEqual([
      ['H', 480, {}],
    ]);
    expect(cut.credit).toEqual([{ date: '2027-03-02', minutes: 240 }]);
    // Leave in the morning: the windowed template starting 12:00 fits after it (start written for the window).
    const morning = planLeave({ ...whole('2027-03-02'), startTime: '08:00', endTime: '11:30' }, SH, [e], byId, [E, W]);
    expect(morning.shortened.map((s) => [s.to.template.code, shortenedStart(s.to)])).toEqual([
      ['W', { start: '12:00' }],
    ]);
  });

  it('part of a day no template can cut around is named, so the request is refused', () => {
    const e = shift(E, '2027-03-02');
    const plan = planLeave({ ...whole('2027-03-02'), startTime: '10:00', endTime: '11:00' }, SH, [e], byId, [E, N]);
    expect(plan.unshortenable).toEqual([e]);
    expect(plan.credit).toEqual([]);
  });

  it('part of a day past midnight covers the clock times on both dates: the evening shift is cut to end before it', () => {
    // D 16:00–01:00 (480 paid after its meal), S 16:00–22:00 (360, no meal): leave Tuesday 22:00 to Wednesday 02:00.
    const D = template('D', 960, 540);
    const S = template('S', 960, 360);
    const templates = new Map([...byId, [D.id, D], [S.id, S]]);
    const evenings = ['2027-03-02', '2027-03-03'].map((d) => shift(D, d));
    const wish = { startDate: '2027-03-02', endDate: '2027-03-03', startTime: '22:00', endTime: '02:00' };
    const plan = planLeave(wish, SH, evenings, templates, [D, S]);
    expect([plan.startsAt, plan.endsAt]).toEqual([at('2027-03-02', 1320), at('2027-03-03', 120)]);
    expect(plan.freed).toEqual([]);
    // Wednesday's evening starts at 16:00, clear of the leave's end at 02:00.
    expect(plan.shortened.map((s) => [s.shift.date, s.to.template.code])).toEqual([['2027-03-02', 'S']]);
    expect(plan.credit).toEqual([{ date: '2027-03-02', minutes: 120 }]);
  });

  it('a night worker’s part of a day past midnight frees the night it covers whole; over part of it, the rest after midnight stays on the night’s date', () => {
    const night = shift(N, '2027-03-02');
    const covered = planLeave(
      { startDate: '2027-03-02', endDate: '2027-03-03', startTime: '22:00', endTime: '08:00' },
      SH,
      [night],
      byId,
      [E, N, H],
    );
    expect([covered.freed, covered.credit]).toEqual([[night], [{ date: '2027-03-02', minutes: 480 }]]);
    // 23:00–08:00 less 22:00–02:00 leaves 02:00–08:00 of Wednesday: R (02:00, six hours) fits it, still
    // Tuesday's shift (1440 + 120 minutes after Tuesday's midnight), the change saying it starts the next day.
    const R = template('R', 120, 360);
    const wish = { startDate: '2027-03-02', endDate: '2027-03-03', startTime: '22:00', endTime: '02:00' };
    const part = planLeave(wish, SH, [night], new Map([...byId, [R.id, R]]), [E, N, H, R]);
    expect(
      part.shortened.map((s) => [s.shift.date, s.to.template.code, s.to.startMinutes, shortenedStart(s.to)]),
    ).toEqual([['2027-03-02', 'R', 1560, { startsNextDay: true }]]);
    expect(part.credit).toEqual([{ date: '2027-03-02', minutes: 120 }]);
    // A windowed template says its clock start too; a start window before midnight cannot fit after it.
    const V = template('V', null, 300, [150, 240]);
    const windowed = planLeave(wish, SH, [night], new Map([...byId, [V.id, V]]), [E, N, H, V]);
    expect(windowed.shortened.map((s) => [s.to.template.code, s.to.startMinutes, shortenedStart(s.to)])).toEqual([
      ['V', 1590, { start: '02:30', startsNextDay: true }],
    ]);
    // No template inside what is left: the night is named, as before.
    const none = planLeave(wish, SH, [night], byId, [E, N, H]);
    expect([none.unshortenable, none.credit]).toEqual([[night], []]);
  });
});

describe('the instants part of a day asks for (wishWindow)', () => {
  const NY = 'America/New_York';
  const hours = (w: { startsAt: Date; endsAt: Date }) => (w.endsAt.getTime() - w.startsAt.getTime()) / 3_600_000;
  const night = (startDate: string, endDate: string) => ({ startDate, endDate, startTime: '22:00', endTime: '03:00' });

  it('past midnight ends on the next date, each edge read in the shop’s zone across a clock change', () => {
    expect(wishWindow(night('2027-03-02', '2027-03-03'), SH)).toEqual({
      startsAt: new Date('2027-03-02T14:00:00Z'),
      endsAt: new Date('2027-03-02T19:00:00Z'),
    });
    // New York springs forward on 2027-03-14 (02:00 → 03:00) and falls back on 2027-11-07 (02:00 → 01:00).
    expect(hours(wishWindow(night('2027-03-13', '2027-03-14'), NY))).toBe(4);
    expect(hours(wishWindow(night('2027-11-06', '2027-11-07'), NY))).toBe(6);
  });
});
