import { coverShare } from 'src/modules/self-service/cover-share';
import { allowancesFor, allowanceVerdict, coverageHolds } from './time-off-rules';

describe('time-off allowance', () => {
  const team = '11111111-1111-4111-8111-111111111111';
  const allowances = [
    { teamId: team, perDay: 1, maxPerDay: 2 },
    { skill: 'english', perDay: 3 },
    { teamId: '22222222-2222-4222-8222-222222222222', perDay: 0 },
  ];

  it('applies the allowances of the agent’s team and skills only', () => {
    expect(allowancesFor(allowances, { teamId: team, skills: ['pre_sales'] })).toEqual([allowances[0]]);
    expect(allowancesFor(allowances, { teamId: team, skills: ['english'] })).toEqual([allowances[0], allowances[1]]);
    expect(allowancesFor(allowances, { teamId: null, skills: [] })).toEqual([]);
  });

  it('approves within every allowance, asks beyond perDay, refuses beyond maxPerDay', () => {
    const mine = [allowances[0]];
    expect(allowanceVerdict(mine, [{ allowance: 0, date: '2027-03-01', off: 0 }])).toEqual({ verdict: 'within' });
    expect(
      allowanceVerdict(mine, [
        { allowance: 0, date: '2027-03-01', off: 0 },
        { allowance: 0, date: '2027-03-02', off: 1 },
      ]),
    ).toEqual({ verdict: 'ask' });
    expect(allowanceVerdict(mine, [{ allowance: 0, date: '2027-03-02', off: 2 }])).toEqual({
      verdict: 'over',
      allowance: allowances[0],
      date: '2027-03-02',
      off: 2,
    });
    expect(allowanceVerdict([], [])).toEqual({ verdict: 'ask' });
  });
});

describe('time-off coverage', () => {
  const evaluation = {
    coverage: [
      { skill: 'pre_sales', day: 0, slot: 0, required: 4, scheduled: 3, gap: -1 },
      { skill: 'pre_sales', day: 0, slot: 1, required: 4, scheduled: 6, gap: 2 },
      { skill: 'after_sales', day: 0, slot: 0, required: 2, scheduled: 0, gap: -2 },
    ],
    dayCoverage: [],
  };

  it('counts cover above the requirement as the requirement only', () => {
    expect(coverShare(evaluation, 0, 'pre_sales')).toBeCloseTo(7 / 8);
    expect(coverShare(evaluation, 1, 'pre_sales')).toBe(1);
  });

  it('holds when every freed day and skill stays at the share', () => {
    expect(coverageHolds(evaluation, [{ day: 0, skill: 'pre_sales' }], 87.5)).toBe(true);
    expect(
      coverageHolds(
        evaluation,
        [
          { day: 0, skill: 'pre_sales' },
          { day: 0, skill: 'after_sales' },
        ],
        50,
      ),
    ).toBe(false);
  });
});
