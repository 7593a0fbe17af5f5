import { demoOrganisation } from './demo-organisation';

describe('demoOrganisation', () => {
  const org = demoOrganisation();

  it('is the same every time', () => {
    expect(demoOrganisation()).toEqual(org);
  });

  it('has four teams of about 60 agents, each team led by one supervisor', () => {
    expect(org.teams).toHaveLength(4);
    expect(org.agents).toHaveLength(60);
    for (const team of org.teams)
      expect(org.agents.filter((a) => a.team === team.name && a.isSupervisor)).toHaveLength(1);
  });

  it('gives the mixed team English and keeps contracts consistent', () => {
    const mixed = org.agents.filter((a) => a.roleGroup === 'mixed');
    expect(mixed.every((a) => a.skills.some((s) => s.skill === 'english'))).toBe(true);
    expect(org.agents.every((a) => a.minWeekMinutes <= a.maxWeekMinutes)).toBe(true);
    expect(new Set(org.agents.map((a) => a.employmentType)).size).toBeGreaterThan(1);
    expect(new Set(org.agents.map((a) => a.employeeNo)).size).toBe(60);
  });

  it('has one login per role, the agent and supervisor linked to employees', () => {
    expect(org.logins.map((l) => l.role).sort()).toEqual([
      'admin',
      'agent',
      'hr',
      'manager',
      'qc',
      'supervisor',
      'trainer',
    ]);
    expect(org.logins.find((l) => l.role === 'agent')!.agentEmployeeNo).toBeDefined();
    expect(org.logins.find((l) => l.role === 'supervisor')!.agentEmployeeNo).toBeDefined();
  });
});
