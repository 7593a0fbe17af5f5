import fc from 'fast-check';
import { SkilledAgent, skillCoverage, SkillRequirement } from './skill-coverage';

/** Brute force: the most requirement units coverable, trying every skill (or none) for every agent. */
function bruteForceCovered(demands: Record<string, number>, agents: readonly SkilledAgent[]): number {
  let best = 0;
  const used: Record<string, number> = Object.fromEntries(Object.keys(demands).map((skill) => [skill, 0]));
  const choose = (i: number): void => {
    if (i === agents.length) {
      best = Math.max(best, Object.keys(demands).reduce((s, skill) => s + Math.min(used[skill], demands[skill]), 0));
      return;
    }
    choose(i + 1);
    for (const skill of agents[i].skills) {
      if (!(skill in demands)) continue;
      used[skill]++;
      choose(i + 1);
      used[skill]--;
    }
  };
  choose(0);
  return best;
}

describe('multi-skill coverage', () => {
  const agents: SkilledAgent[] = [
    { id: 'li', skills: ['presales', 'english'] },
    { id: 'wang', skills: ['presales'] },
    { id: 'zhang', skills: ['aftersales', 'presales'], slots: [0] },
    { id: 'chen', skills: ['english'] },
  ];

  it('lists which agents may cover which requirement', () => {
    const coverage = skillCoverage([{ skill: 'presales', slot: 0, agents: 1 }, { skill: 'english', slot: 0, agents: 1 }, { skill: 'phone', slot: 0, agents: 0 }], agents);
    expect(coverage.eligibleAgents).toEqual({ presales: ['li', 'wang', 'zhang'], english: ['li', 'chen'], phone: [] });
  });

  it('finds a covering that needs an agent moved off their first skill', () => {
    const slot = skillCoverage(
      [
        { skill: 'presales', slot: 0, agents: 2 },
        { skill: 'aftersales', slot: 0, agents: 1 },
        { skill: 'english', slot: 0, agents: 1 },
      ],
      agents,
    ).slots[0];
    expect(slot).toMatchObject({ required: 4, covered: 4, feasible: true, shortfalls: [] });
    expect(slot.assignment.zhang).toBe('aftersales');
    expect(new Set(Object.values(slot.assignment))).toEqual(new Set(['presales', 'aftersales', 'english']));
  });

  it('names the skills that lack agents, precisely', () => {
    const requirements: SkillRequirement[] = [
      { skill: 'english', slot: 1, agents: 3 },
      { skill: 'presales', slot: 1, agents: 1 },
      { skill: 'aftersales', slot: 1, agents: 1 },
    ];
    const slot = skillCoverage(requirements, agents).slots[0];
    // zhang is off in slot 1: aftersales has nobody; english needs 3 and only li and chen hold it.
    expect(slot.feasible).toBe(false);
    expect(slot.covered).toBe(3);
    expect(slot.shortfalls).toEqual(
      expect.arrayContaining([
        { skills: ['aftersales'], required: 1, qualifiedAgents: 0, missing: 1 },
        { skills: ['english'], required: 3, qualifiedAgents: 2, missing: 1 },
      ]),
    );
    expect(slot.shortfalls).toHaveLength(2);
  });

  it('agrees with brute force, and its shortfalls account for every uncovered unit', () => {
    const skills = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(skills, { minLength: 1 }), { minLength: 0, maxLength: 6 }),
        fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)),
        (skillSets, counts) => {
          const pool = skillSets.map((held, i) => ({ id: `agent${i}`, skills: held }));
          const requirements = skills.map((skill, i) => ({ skill, slot: 7, agents: counts[i] }));
          const slot = skillCoverage(requirements, pool).slots[0];
          const demands = Object.fromEntries(skills.map((skill, i) => [skill, counts[i]]));
          expect(slot.covered).toBe(bruteForceCovered(demands, pool));
          expect(slot.feasible).toBe(slot.covered === slot.required);
          // The assignment is a real covering: each agent holds the skill, no skill gets more than it needs.
          const perSkill: Record<string, number> = {};
          for (const [id, skill] of Object.entries(slot.assignment)) {
            expect(pool.find((agent) => agent.id === id)?.skills).toContain(skill);
            perSkill[skill] = (perSkill[skill] ?? 0) + 1;
          }
          for (const skill of skills) expect(perSkill[skill] ?? 0).toBeLessThanOrEqual(demands[skill]);
          expect(Object.keys(slot.assignment)).toHaveLength(slot.covered);
          // Each shortfall is a Hall violation, and together they name all that is missing.
          for (const shortfall of slot.shortfalls) {
            const qualified = pool.filter((agent) => agent.skills.some((skill) => shortfall.skills.includes(skill))).length;
            expect(shortfall.qualifiedAgents).toBe(qualified);
            expect(shortfall.missing).toBe(shortfall.required - qualified);
            expect(shortfall.missing).toBeGreaterThan(0);
          }
          expect(slot.shortfalls.reduce((s, f) => s + f.missing, 0)).toBe(slot.required - slot.covered);
        },
      ),
      { seed: 1123, numRuns: 400 },
    );
  });
});
