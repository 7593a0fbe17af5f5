import { Injectable, Logger } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { hashPassword } from 'src/platform/auth/password';
import { Db } from 'src/platform/db/db';
import { agents, agentSkills, queues, shops, skills, teams, users } from 'src/platform/db/schema';
import { demoOrganisation, DemoLogin } from './demo-organisation';

export type SeedResult = { shopId: string; created: boolean; logins: DemoLogin[] };

/** Writes the demo organisation once (by shop code), in one transaction; the rest of the demo is DemoSetup's. */
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger(DemoSeed.name);

  constructor(private readonly db: Db) {}

  async seed(): Promise<SeedResult> {
    const org = demoOrganisation();
    const [existing] = await this.db.q.select({ id: shops.id }).from(shops).where(eq(shops.code, org.shop.code));
    if (existing) return { shopId: existing.id, created: false, logins: org.logins };
    const passwords = new Map(
      await Promise.all(org.logins.map(async (l) => [l.username, await hashPassword(l.password)] as const)),
    );
    const shopId = await this.db.transaction(async () => {
      const q = this.db.q;
      const [shop] = await q
        .insert(shops)
        .values({ ...org.shop, settings: { attributionWindowDays: 1 } })
        .returning({ id: shops.id });
      const skillRows = await q
        .insert(skills)
        .values(org.skills.map((s) => ({ ...s, shopId: shop.id })))
        .returning({ id: skills.id, code: skills.code });
      const teamRows = await q
        .insert(teams)
        .values(org.teams.map((t) => ({ shopId: shop.id, name: t.name })))
        .returning({ id: teams.id, name: teams.name });
      const teamId = new Map(teamRows.map((t) => [t.name, t.id]));
      const skillId = new Map(skillRows.map((s) => [s.code, s.id]));
      const agentRows = await q
        .insert(agents)
        .values(org.agents.map(({ team, skills: _s, ...a }) => ({ ...a, shopId: shop.id, teamId: teamId.get(team)! })))
        .returning({ id: agents.id, employeeNo: agents.employeeNo });
      const agentId = new Map(agentRows.map((a) => [a.employeeNo, a.id]));
      await q.insert(agentSkills).values(
        org.agents.flatMap((a) =>
          a.skills.map((s) => ({
            shopId: shop.id,
            agentId: agentId.get(a.employeeNo)!,
            skillId: skillId.get(s.skill)!,
            proficiency: s.proficiency,
          })),
        ),
      );
      await q.insert(queues).values(
        org.queues.map(({ requiredSkill, ...queue }) => ({
          ...queue,
          shopId: shop.id,
          requiredSkillId: skillId.get(requiredSkill)!,
        })),
      );
      for (const a of org.agents.filter((x) => x.isSupervisor)) {
        await q
          .update(teams)
          .set({ supervisorAgentId: agentId.get(a.employeeNo)! })
          .where(eq(teams.id, teamId.get(a.team)!));
      }
      await q.insert(users).values(
        org.logins.map((l) => ({
          username: l.username,
          displayName: l.displayName,
          role: l.role,
          shopId: l.role === 'admin' ? null : shop.id,
          agentId: l.agentEmployeeNo ? agentId.get(l.agentEmployeeNo)! : null,
          passwordHash: passwords.get(l.username)!,
        })),
      );
      return shop.id;
    });
    this.logger.log({ shopId }, 'demo organisation seeded');
    return { shopId, created: true, logins: org.logins };
  }
}
