import { ShiftDesignInputError } from '../../bench/shift-design/candidate-shifts';
import { parseDzn, readShiftDesignInstance, shiftDesignInputOf } from '../../bench/shift-design/dzn-instance-reader';

const SMALL = `% a made-up instance in the benchmark's format
interval = 360;
days = 2;
demand = [0, 2, 3,1,  0,2,2,1];
shiftTypes = 2;
minStart = [1, 2];
maxStart = [1, 3];
minLength = [1, 2];
maxLength = [2, 2];
minDuties = 0;
maxDuties = 3.4;
avgMinutes = 2400;
weightUnderCover = 0;
weightOverCover = 1;
weightDutiesPerWeek = 0;
weightShiftInstances = 100;
`;

describe('parseDzn', () => {
  it('reads scalars, decimal scalars and lists, ignoring comments and spacing', () => {
    const values = parseDzn(SMALL);
    expect(values.get('interval')).toBe(360);
    expect(values.get('maxDuties')).toBe(3.4);
    expect(values.get('demand')).toEqual([0, 2, 3, 1, 0, 2, 2, 1]);
    expect(values.get('minStart')).toEqual([1, 2]);
  });

  it('rejects values that are not numbers', () => {
    expect(() => parseDzn('days = seven;')).toThrow(ShiftDesignInputError);
    expect(() => parseDzn('demand = [1, x];')).toThrow(/demand/);
  });
});

describe('readShiftDesignInstance', () => {
  it('maps the file to slots per day, shift windows and weights', () => {
    const instance = readShiftDesignInstance(SMALL);
    expect(instance.slotsPerDay).toBe(4);
    expect(instance.days).toBe(2);
    expect(instance.shiftTypes).toEqual([
      { minStart: 1, maxStart: 1, minLength: 1, maxLength: 2 },
      { minStart: 2, maxStart: 3, minLength: 2, maxLength: 2 },
    ]);
    expect(instance.weights).toEqual({ underCover: 0, overCover: 1, shiftInstances: 100, dutiesPerWeek: 0 });
    expect(instance.duties).toEqual({ min: 0, max: 3.4, averageMinutes: 2400 });
  });

  it('rejects an interval that does not divide the day and window lists of the wrong length', () => {
    expect(() => readShiftDesignInstance(SMALL.replace('interval = 360', 'interval = 7'))).toThrow(/divide/);
    expect(() => readShiftDesignInstance(SMALL.replace('minStart = [1, 2]', 'minStart = [1]'))).toThrow(
      /2 shift types/,
    );
    expect(() => readShiftDesignInstance(SMALL.replace('days = 2;', ''))).toThrow(/days/);
  });

  it('builds a cyclic input with the published weights, or the file weights with hard cover when under-cover weighs 0', () => {
    const instance = readShiftDesignInstance(SMALL);
    const published = shiftDesignInputOf(instance, 'published');
    expect(published.horizon).toEqual({ days: 2, slotsPerDay: 4, slotMinutes: 360, cyclic: true });
    expect(published.weights).toBeUndefined();
    const file = shiftDesignInputOf(instance, 'file');
    expect(file.weights).toEqual({ excessPerMinute: 1, shortagePerMinute: 0, perDistinctShift: 100 });
    expect(file.shortageAllowed).toBe(false);
  });
});
