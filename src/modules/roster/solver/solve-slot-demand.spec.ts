import { evaluateRoster, solveRoster, type RosterProblem, type ShiftType } from '.';
import { EXACT, MEAL, agent } from './small-rosters.fixture';

const slotsOf = (count: number, from: number, to: number, inside = 1) =>
  Array.from({ length: count }, (_, k) => (k >= from && k < to ? inside : 0));

describe('breaks follow the demand curve', () => {
  const day: ShiftType = { id: 'D', startMinutes: 8 * 60, lengthMinutes: 540, breaks: [MEAL] };
  // Two agents 08:00–17:00; demand drops to one at 11:00–12:00 and at 12:30–13:30.
  const demand = slotsOf(48, 16, 34, 2).map((r, k) => ([22, 23, 25, 26].includes(k) ? 1 : r));
  const p: RosterProblem = {
    horizon: { startDate: '2026-11-30', days: 1, timeZone: 'UTC', slotMinutes: 30 },
    shiftTypes: [day],
    agents: [agent('a'), agent('b')],
    slotDemand: [{ requiredAgents: [demand], underWeight: 10, overWeight: 1 }],
  };

  it('puts each meal in a dip rather than at a fixed offset', async () => {
    const s = await solveRoster(p, EXACT);
    expect(s.violations).toEqual([]);
    expect(s.assignments).toHaveLength(2);
    const meals = s.assignments.map((a) => a.breaks.find((b) => b.name === 'meal')?.startMinutes).sort();
    expect(meals).toEqual([11 * 60, 12 * 60 + 30]);
    expect(s.objective.total).toBe(0);
    expect(s.coverage.every((c) => c.gap === 0)).toBe(true);
    expect(s.lowerBound).toBeCloseTo(0, 6);
  });

  it('a meal outside the dip leaves a measurable gap', () => {
    const worse = evaluateRoster(p, [
      {
        agentId: 'a',
        day: 0,
        shiftTypeId: 'D',
        startMinutes: 480,
        lengthMinutes: 540,
        breaks: [{ name: 'meal', startMinutes: 11 * 60, minutes: 60 }],
      },
      {
        agentId: 'b',
        day: 0,
        shiftTypeId: 'D',
        startMinutes: 480,
        lengthMinutes: 540,
        breaks: [{ name: 'meal', startMinutes: 11 * 60, minutes: 60 }],
      },
    ]);
    expect(worse.violations).toEqual([]);
    // Both at 11:00: two slots one short (2 × 10) and the 12:30 dip over by one for two slots (2 × 1).
    expect(worse.objective.terms).toMatchObject({ underCover: 20, overCover: 2 });
  });
});

describe('per-slot demand on daylight-saving days', () => {
  const zone = 'America/New_York';

  it('spring forward: 46 slots, a shift from midnight covers elapsed time', async () => {
    const midnight: ShiftType = { id: 'O', startMinutes: 0, lengthMinutes: 240 };
    const p: RosterProblem = {
      horizon: { startDate: '2026-03-07', days: 3, timeZone: zone },
      shiftTypes: [midnight],
      agents: [agent('a')],
      slotDemand: [
        { requiredAgents: [slotsOf(48, 0, 8), slotsOf(46, 0, 8), slotsOf(48, 0, 8)], underWeight: 10, overWeight: 1 },
      ],
    };
    const s = await solveRoster(p, EXACT);
    expect(s.assignments).toHaveLength(3);
    expect(s.objective.total).toBe(0);
    const sunday = s.coverage.filter((c) => c.day === 1);
    expect(sunday).toHaveLength(46);
    expect(sunday.map((c) => c.scheduled)).toEqual(slotsOf(46, 0, 8));
  });

  it('fall back: 50 slots, a 04:00 wall-clock shift starts five hours after midnight', async () => {
    const early: ShiftType = { id: 'M', startMinutes: 4 * 60, lengthMinutes: 120 };
    const p: RosterProblem = {
      horizon: { startDate: '2026-10-31', days: 3, timeZone: zone },
      shiftTypes: [early],
      agents: [agent('a')],
      slotDemand: [
        {
          requiredAgents: [slotsOf(48, 8, 12), slotsOf(50, 10, 14), slotsOf(48, 8, 12)],
          underWeight: 10,
          overWeight: 1,
        },
      ],
    };
    const s = await solveRoster(p, EXACT);
    expect(s.objective.total).toBe(0);
    const sunday = s.coverage.filter((c) => c.day === 1);
    expect(sunday).toHaveLength(50);
    expect(sunday.map((c) => c.scheduled)).toEqual(slotsOf(50, 10, 14));
    expect(s.assignments.find((a) => a.day === 1)?.startMinutes).toBe(240);
  });
});
