import { parseShiftCell, shiftCellText } from './shift-cell';

describe('roster grid cells', () => {
  it('reads back what the export writes, in both languages', () => {
    const shift = {
      template: 'E',
      start: '08:00',
      end: '17:00',
      breaks: [
        { meal: true, start: '12:00' },
        { meal: false, start: '15:15' },
      ],
      training: ['14:00'],
    };
    for (const lang of ['zh', 'en'] as const) {
      expect(parseShiftCell(shiftCellText(shift, lang))).toEqual({
        kind: 'shift',
        template: 'E',
        start: 480,
        end: 1020,
        breaks: [
          { meal: true, start: 720 },
          { meal: false, start: 915 },
        ],
      });
    }
  });

  it('understands what managers type: a name or code alone, 休 / 假, Off / Leave, an empty cell, the older one-line export', () => {
    expect(parseShiftCell('早班')).toEqual({ kind: 'shift', template: '早班', breaks: [] });
    expect(parseShiftCell(' M 10:30 ')).toEqual({ kind: 'shift', template: 'M', start: 630, breaks: [] });
    expect(parseShiftCell('N 23:00-08:00')).toEqual({
      kind: 'shift',
      template: 'N',
      start: 1380,
      end: 480,
      breaks: [],
    });
    for (const off of ['休', 'Off', 'off', '', '  ', '\u3000']) expect(parseShiftCell(off)).toEqual({ kind: 'off' });
    // Typed with a Chinese input method: full-width digits, colon, dash and space.
    expect(parseShiftCell('早班\u3000０８：００－１７：００\n餐　12：00')).toEqual({
      kind: 'shift',
      template: '早班',
      start: 480,
      end: 1020,
      breaks: [{ meal: true, start: 720 }],
    });
    for (const leave of ['假', 'Leave']) expect(parseShiftCell(leave)).toEqual({ kind: 'leave' });
    // Leave with times, as the export writes part of a day: alone it is leave, under a shift it is read past.
    for (const leave of ['假 14:00–18:00', 'Leave 08:00-24:00'])
      expect(parseShiftCell(leave)).toEqual({ kind: 'leave' });
    expect(parseShiftCell('E 08:00–12:00\n假 14:00–18:00')).toMatchObject({ kind: 'shift', template: 'E', start: 480 });
    expect(parseShiftCell('E 08:00–17:00 · 餐 12:00 · 培训 14:00')).toEqual({
      kind: 'shift',
      template: 'E',
      start: 480,
      end: 1020,
      breaks: [{ meal: true, start: 720 }],
    });
  });

  it('names the part it cannot read', () => {
    expect(parseShiftCell('E 25:00')).toEqual({ kind: 'unreadable', part: 'E 25:00' });
    expect(parseShiftCell('E 08:00–17:00\n午休 12:00')).toEqual({ kind: 'unreadable', part: '午休 12:00' });
    expect(parseShiftCell('E 08:00–17:00\n餐')).toEqual({ kind: 'unreadable', part: '餐' });
  });
});
