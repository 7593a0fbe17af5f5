import { swapPlan, SwapShift } from './shift-swap-rules';

describe('swap plan', () => {
  const roster = 'r1';
  const rosterOf = () => roster;
  const early: SwapShift = {
    agentId: 'a',
    date: '2027-03-03',
    rosterId: roster,
    code: 'E',
    startMinutes: 480,
    skill: 'pre_sales',
  };

  it('moves an offered shift from its owner to the taker', () => {
    const plan = swapPlan(early, 'b', null, rosterOf);
    expect(plan.changes.get(roster)).toEqual([
      { agentId: 'a', date: '2027-03-03', shiftTemplate: null },
      { agentId: 'b', date: '2027-03-03', shiftTemplate: 'E', start: '08:00', skill: 'pre_sales' },
    ]);
    expect(plan.touched).toEqual([
      { rosterId: roster, day: 2, skill: 'pre_sales' },
      { rosterId: roster, day: 2, skill: 'pre_sales' },
    ]);
  });

  it('trades shifts of one day in place', () => {
    const late: SwapShift = {
      agentId: 'b',
      date: '2027-03-03',
      rosterId: roster,
      code: 'L',
      startMinutes: 840,
      skill: 'phone',
    };
    expect(swapPlan(early, 'b', late, rosterOf).changes.get(roster)).toEqual([
      { agentId: 'a', date: '2027-03-03', shiftTemplate: 'L', start: '14:00', skill: 'phone' },
      { agentId: 'b', date: '2027-03-03', shiftTemplate: 'E', start: '08:00', skill: 'pre_sales' },
    ]);
  });

  it('trades shifts of two weeks on the rosters that publish them', () => {
    const next: SwapShift = {
      agentId: 'b',
      date: '2027-03-09',
      rosterId: 'r2',
      code: 'L',
      startMinutes: 840,
      skill: null,
    };
    const plan = swapPlan(early, 'b', next, (_agent, date) => (date < '2027-03-08' ? roster : 'r2'));
    expect(plan.changes.get(roster)).toHaveLength(2);
    expect(plan.changes.get('r2')).toEqual([
      { agentId: 'b', date: '2027-03-09', shiftTemplate: null },
      { agentId: 'a', date: '2027-03-09', shiftTemplate: 'L', start: '14:00' },
    ]);
    expect(plan.touched.map((t) => `${t.rosterId}/${t.day}/${t.skill}`)).toEqual([
      'r1/2/pre_sales',
      'r1/2/pre_sales',
      'r2/1/null',
      'r2/1/null',
    ]);
  });
});
