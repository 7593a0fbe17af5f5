import { breakMoves, type TemplateOption, type TodayShift } from './engine/suggestions';
import { changeOfSuggestion, clockNamesShift, shiftOfChange } from './suggested-shift';

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
/** Berlin's clocks go back from 03:00 CEST to 02:00 CET in the night of Saturday 2027-10-30. */
const AUTUMN = { date: '2027-10-30', timeZone: ZONE };
/** A night shift 23:00 + 9 h lived, a 30-minute meal 3–5 h in. */
const NIGHT: TemplateOption = {
  code: 'N',
  starts: [Date.parse('2027-10-30T21:00:00Z')],
  lengthMinutes: 540,
  breaks: [{ name: 'meal', minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300, minShiftMinutes: 360 }],
};
const start = NIGHT.starts[0];
const nightWithMealAt = (offset: number): TodayShift => ({
  from: start,
  to: start + 540 * MINUTE,
  breaks: [{ from: start + offset * MINUTE, to: start + (offset + 30) * MINUTE }],
  training: [],
  template: NIGHT,
});
const suggestion = (shift: TodayShift) => ({ agentId: 'a', shift, template: 'N' });

describe('a suggestion as clock times and back, on the night the clocks go back', () => {
  it('writes a break after midnight on the local clock and reads it back at the real minutes lived', () => {
    // 270 minutes after 23:00 CEST is 02:30 CET; 300 minutes is 03:00 CET, which the clock shows four hours after the start.
    const change = changeOfSuggestion(AUTUMN, suggestion(nightWithMealAt(270)));
    expect(change).toMatchObject({ start: '23:00', breaks: [{ start: '02:30' }] });
    const late = changeOfSuggestion(AUTUMN, suggestion(nightWithMealAt(300)));
    expect(late.breaks).toEqual([{ start: '03:00' }]);
    const read = shiftOfChange(AUTUMN, NIGHT, late, []);
    expect((read.breaks[0].from - start) / MINUTE).toBe(300);
    expect((read.to - read.from) / MINUTE).toBe(540);
  });

  it('reads a time the night shows twice as the earlier pass inside the window, as the roster stores it', () => {
    // 02:15 happens 195 and 255 minutes after 23:00 CEST; both are inside the meal's 180–300 window.
    const read = shiftOfChange(AUTUMN, NIGHT, { start: '23:00', breaks: [{ start: '02:15' }] }, []);
    expect((read.breaks[0].from - start) / MINUTE).toBe(195);
    expect(read.breaks[0].to - read.breaks[0].from).toBe(30 * MINUTE);
  });

  it('offers no break move the clock cannot name, and every other move of the window', () => {
    const moves = breakMoves(nightWithMealAt(180), start - MINUTE);
    const offsets = (named: boolean) =>
      moves
        .filter((m) => clockNamesShift(AUTUMN, NIGHT, suggestion({ ...m, template: NIGHT })) === named)
        .map((m) => (m.breaks[0].from - start) / MINUTE);
    // The later pass of 02:00–02:59 (240–299 minutes in) reads back as the earlier pass.
    expect(offsets(false)).toEqual([240, 255, 270, 285]);
    expect(offsets(true)).toEqual([195, 210, 225, 300]);
  });

  it('names every move on an ordinary night', () => {
    const day = { date: '2027-10-23', timeZone: ZONE };
    const from = Date.parse('2027-10-23T21:00:00Z');
    const template = { ...NIGHT, starts: [from] };
    const shift: TodayShift = {
      from,
      to: from + 540 * MINUTE,
      breaks: [{ from: from + 180 * MINUTE, to: from + 210 * MINUTE }],
      training: [],
      template,
    };
    const moves = breakMoves(shift, from - MINUTE);
    expect(moves).toHaveLength(8);
    expect(moves.every((m) => clockNamesShift(day, template, { agentId: 'a', shift: m, template: 'N' }))).toBe(true);
  });
});
