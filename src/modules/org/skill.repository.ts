import { Injectable } from '@nestjs/common';
import { and, asc, count, eq } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agentSkills, skills } from 'src/platform/db/schema';

export type Skill = typeof skills.$inferSelect;

@Injectable()
export class SkillRepository {
  constructor(private readonly db: Db) {}

  async createSkill(values: typeof skills.$inferInsert): Promise<Skill> {
    const [row] = await this.db.q.insert(skills).values(values).returning();
    return row;
  }

  listSkills(shopId: string): Promise<Skill[]> {
    return this.db.q.select().from(skills).where(eq(skills.shopId, shopId)).orderBy(asc(skills.code));
  }

  async findSkill(shopId: string, id: string): Promise<Skill | undefined> {
    const [row] = await this.db.q
      .select()
      .from(skills)
      .where(and(eq(skills.shopId, shopId), eq(skills.id, id)))
      .limit(1);
    return row;
  }

  async updateSkill(shopId: string, id: string, name: string): Promise<Skill | undefined> {
    const [row] = await this.db.q
      .update(skills)
      .set({ name })
      .where(and(eq(skills.shopId, shopId), eq(skills.id, id)))
      .returning();
    return row;
  }

  async skillInUse(id: string): Promise<boolean> {
    const [row] = await this.db.q.select({ n: count() }).from(agentSkills).where(eq(agentSkills.skillId, id));
    return row.n > 0;
  }

  async deleteSkill(shopId: string, id: string): Promise<void> {
    await this.db.q.delete(skills).where(and(eq(skills.shopId, shopId), eq(skills.id, id)));
  }
}
