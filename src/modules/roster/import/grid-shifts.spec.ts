import type { RosterShift } from 'src/modules/roster/roster.repository';
import { RosterWeek } from 'src/modules/roster/roster-week';
import type { RosterAgent } from 'src/modules/roster/solver';
import { MEAL } from 'src/modules/roster/solver/small-rosters.fixture';
import { GridTemplate, readCell, templateFinder } from './grid-shifts';

const NIGHT: GridTemplate = {
  id: 'tN',
  code: 'N',
  name: '夜班',
  type: { id: 'tN', startMinutes: 23 * 60, lengthMinutes: 540, breaks: [MEAL] },
};
const AGENT = { id: 'a1', skills: ['pre_sales'] } as RosterAgent;
const SATURDAY = 5;
/** Berlin: the night of Saturday 2027-03-27 is an hour short on the clock, the night of 2027-10-30 an hour long. */
const weeks = {
  spring: new RosterWeek('2027-03-22', 'Europe/Berlin'),
  autumn: new RosterWeek('2027-10-25', 'Europe/Berlin'),
  usual: new RosterWeek('2027-11-01', 'Europe/Berlin'),
};
const read = (season: keyof typeof weeks, text: string) =>
  readCell(text, templateFinder([NIGHT]), [NIGHT], weeks[season], AGENT, SATURDAY, undefined);

describe('a grid cell across a clock change', () => {
  it('reads a night shift ending at its clock time as the 9 hours lived, as the export writes it', () => {
    for (const [season, cell, endsAt] of [
      ['spring', 'N 23:00–09:00', '2027-03-28T07:00:00.000Z'],
      ['autumn', 'N 23:00–07:00', '2027-10-31T06:00:00.000Z'],
      ['usual', 'N 23:00–08:00', '2027-11-07T07:00:00.000Z'],
    ] as const) {
      const reading = read(season, cell);
      expect(reading).toMatchObject({ shift: { lengthMinutes: 540, startMinutes: 1380 } });
      if ('shift' in reading) expect(reading.shift!.endsAt.toISOString()).toBe(endsAt);
    }
  });

  it('refuses the usual night’s end on those nights, naming the end the clock shows then', () => {
    for (const [season, cell, end] of [
      ['spring', 'N 23:00–08:00', '09:00'],
      ['autumn', 'N 23:00–08:00', '07:00'],
    ] as const) {
      const reading = read(season, cell);
      expect(reading).toMatchObject({ refusal: { params: { minutes: 540, end, given: '08:00' } } });
      if ('refusal' in reading) expect(reading.refusal.problem.code).toBe('roster-import.end-mismatch');
    }
  });
});

describe('a grid cell that cannot be read', () => {
  it('quotes at most 40 characters of it', () => {
    for (const text of ['x'.repeat(5_000), `N 23:00–07:00\n${'备注'.repeat(3_000)}`]) {
      const reading = read('usual', text);
      expect(reading).toMatchObject({ refusal: { params: {} } });
      if ('refusal' in reading) {
        const quoted = String(reading.refusal.params.part ?? reading.refusal.params.text);
        expect([...quoted].length).toBeLessThanOrEqual(40);
        expect(quoted.endsWith('…')).toBe(true);
      }
    }
  });
});

describe('the rest of a night cut by time off (starting after the midnight of its date)', () => {
  const REST: GridTemplate = {
    id: 'tR',
    code: 'R',
    name: '夜班后段',
    type: { id: 'tR', startMinutes: 2 * 60, lengthMinutes: 360, breaks: [] },
  };
  const week = weeks.usual;
  const stored = readCell('R', templateFinder([REST]), [REST], week, AGENT, SATURDAY, undefined);
  const cell = (text: string, existing: RosterShift) =>
    readCell(text, templateFinder([REST]), [REST], week, AGENT, SATURDAY, existing);

  it('keeps a stored one after midnight when the cell names it at its clock time, and a new one starts on its own date', () => {
    if (!('shift' in stored) || !stored.shift) throw new Error('the cell R reads as a shift');
    // A new R on Saturday starts at 02:00 of Saturday, as the template says.
    expect(stored.shift.startsAt.toISOString()).toBe('2027-11-06T01:00:00.000Z');
    const rest = { ...stored.shift, startMinutes: 1440 + 120, ...week.span(SATURDAY, 1440 + 120, 360) };
    for (const text of ['R', 'R 02:00–08:00']) expect(cell(text, rest)).toEqual({ shift: rest });
  });
});
