import type { RealTimeQueue } from 'src/modules/staffing/engine';
import { projectWith, restServiceLevel } from './live-day';
import { breakMoves, earlyStarts, extraShifts, rankSuggestions, TemplateOption, TodayShift } from './suggestions';

const at = (h: number, m = 0) => (h * 60 + m) * 60_000;
const phone: RealTimeQueue = {
  slotSeconds: 1800,
  ahtSeconds: 300,
  target: { answerWithinSeconds: 20, serviceLevel: 0.8 },
  shrinkage: 0,
};
const meal = { name: 'meal', minutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300, minShiftMinutes: 360 };
const day: TemplateOption = {
  code: 'D',
  starts: [at(8), at(8, 30), at(9), at(9, 30), at(10)],
  lengthMinutes: 540,
  breaks: [meal],
};

describe('intraday suggestions', () => {
  const shift: TodayShift = {
    from: at(9),
    to: at(18),
    breaks: [{ from: at(12), to: at(13) }],
    training: [{ from: at(13), to: at(13, 30) }],
    template: day,
  };

  it('moves a break not yet taken to the other quarter hours of its window, clear of training', () => {
    // Window 12:00–14:00; a start from 12:15 to 13:15 would run into the training at 13:00.
    expect(breakMoves(shift, at(10)).map((s) => s.breaks[0].from)).toEqual([at(13, 30), at(13, 45), at(14)]);
    // Once the break has begun it stays where it is.
    expect(breakMoves(shift, at(12, 5))).toEqual([]);
  });

  it('starts earlier at the template’s starts still to come, and offers whole extra shifts', () => {
    const late: TodayShift = {
      ...shift,
      from: at(10),
      to: at(19),
      breaks: [{ from: at(14), to: at(15) }],
      training: [],
    };
    expect(earlyStarts(late, at(8, 45)).map((s) => [s.from, s.to, s.breaks[0].from])).toEqual([
      [at(9), at(18), at(13)],
      [at(9, 30), at(18, 30), at(13, 30)],
    ]);
    // Meal at the middle of 12:00 (+180) … 14:00 (+300) after a 09:30 start: 13:30.
    expect(extraShifts(day, at(9, 10)).map((s) => [s.from, s.breaks[0].from])).toEqual([
      [at(9, 30), at(13, 30)],
      [at(10), at(14)],
    ]);
  });

  it('ranks the changes that lift the rest of the day, with their exact effect', () => {
    // Busy 12:00–13:00, quiet 13:00–14:00; two agents 09:00–18:00, both with their meal at 12:00 (window 12:00–13:00).
    const slots = [
      { from: at(12), to: at(12, 30), contacts: 3 },
      { from: at(12, 30), to: at(13), contacts: 3 },
      { from: at(13), to: at(13, 30), contacts: 1 },
      { from: at(13, 30), to: at(14), contacts: 1 },
    ];
    const template = { ...day, breaks: [{ ...meal, latestAfterMinutes: 240 }] };
    const a: TodayShift = { from: at(9), to: at(18), breaks: [{ from: at(12), to: at(13) }], training: [], template };
    const days = [
      { agentId: 'A', shifts: [a], reports: [] },
      { agentId: 'B', shifts: [{ ...a }], reports: [] },
    ];
    const options = [
      { agentId: 'A', shift: a, busyElsewhere: false },
      { agentId: 'B', shift: { ...a }, busyElsewhere: false },
    ];
    const ranked = rankSuggestions(phone, slots, days, options, [], at(11));
    expect(ranked.map((s) => `${s.agentId}:${s.kind}`)).toEqual(['A:move-break', 'B:move-break']);
    const top = ranked[0];
    // Best: the meal at 13:00, so one agent answers 12:00–13:00 and one the quiet hour.
    expect(top.shift!.breaks[0].from).toBe(at(13));
    const before = slots.map((s) => projectWith(phone, s.contacts, s.from < at(13) ? 0 : 2));
    const after = slots.map((s) => projectWith(phone, s.contacts, 1));
    expect(top.effect.restOfDay.before).toBeCloseTo(restServiceLevel(slots, before)!, 12);
    expect(top.effect.restOfDay.after).toBeCloseTo(restServiceLevel(slots, after)!, 12);
    expect(top.gain).toBeGreaterThan(0);
    expect(top.effect.slots.map((s) => [s.from, s.scheduledBefore, s.scheduledAfter])).toEqual([
      [at(12), 0, 1],
      [at(12, 30), 0, 1],
      [at(13), 2, 1],
      [at(13, 30), 2, 1],
    ]);
  });

  it('offers to release a shift not yet begun only when every slot to come stays at target', () => {
    const slots = [
      { from: at(14), to: at(14, 30), contacts: 2 },
      { from: at(14, 30), to: at(15), contacts: 2 },
    ];
    const later = () => ({ from: at(14), to: at(18), breaks: [], training: [], template: { ...day, breaks: [] } });
    const days = ['A', 'B', 'C'].map((id) => ({ agentId: id, shifts: [later()], reports: [] }));
    const options = days.map((d) => ({ agentId: d.agentId, shift: later(), busyElsewhere: false }));
    const ranked = rankSuggestions(phone, slots, days, options, [], at(13));
    expect(ranked.map((s) => s.kind)).toEqual(['release', 'release', 'release']);
    expect(ranked.every((s) => s.effect.slots.every((x) => x.after >= 0.8) && s.gain <= 0)).toBe(true);
    // Already under way: nothing to release.
    expect(rankSuggestions(phone, slots, days, options, [], at(14, 10))).toEqual([]);
  });
});
