import { templateStart } from './template-start';
import type { ShiftType } from './solver';

const EARLY: ShiftType = { id: 'E', startMinutes: 8 * 60, lengthMinutes: 540 };
const FLEX: ShiftType = { id: 'F', startWindow: { earliest: 7 * 60, latest: 11 * 60 }, lengthMinutes: 480 };

describe('templateStart', () => {
  it('a fixed start allows only its own clock time, a day later after midnight', () => {
    expect(templateStart(EARLY, undefined, undefined, false)).toEqual({ start: 480 });
    expect(templateStart(EARLY, 480, undefined, true)).toEqual({ start: 480 + 1440 });
    expect(templateStart(EARLY, 540, undefined, false)).toEqual({ fixed: 480 });
  });

  it('a window allows any start inside it, keeps the shift already there, and starts at its earliest otherwise', () => {
    expect(templateStart(FLEX, 600, undefined, false)).toEqual({ start: 600 });
    expect(templateStart(FLEX, undefined, 540 + 1440, true)).toEqual({ start: 540 + 1440 });
    expect(templateStart(FLEX, undefined, undefined, false)).toEqual({ start: 420 });
    expect(templateStart(FLEX, 12 * 60, undefined, false)).toEqual({ earliest: 420, latest: 660 });
    expect(templateStart(FLEX, 6 * 60, 600, false)).toEqual({ earliest: 420, latest: 660 });
  });
});
