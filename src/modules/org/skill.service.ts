import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { OrgProblems } from './org.problems';
import { CreateSkillBody, UpdateSkillBody } from './team.dto';
import { Skill, SkillRepository } from './skill.repository';

@Injectable()
export class SkillService {
  constructor(private readonly skills: SkillRepository) {}

  async create(actor: Actor, body: CreateSkillBody): Promise<Skill> {
    const existing = await this.skills.listSkills(actor.shopId);
    if (existing.some((s) => s.code === body.code)) throw OrgProblems.skillCodeTaken({ code: body.code });
    return this.skills.createSkill({ shopId: actor.shopId, ...body });
  }

  list(actor: Actor): Promise<Skill[]> {
    return this.skills.listSkills(actor.shopId);
  }

  async update(actor: Actor, id: string, body: UpdateSkillBody): Promise<Skill> {
    const skill = await this.skills.updateSkill(actor.shopId, id, body.name);
    if (!skill) throw OrgProblems.skillNotFound();
    return skill;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const skill = await this.skills.findSkill(actor.shopId, id);
    if (!skill) throw OrgProblems.skillNotFound();
    if (await this.skills.skillInUse(id)) throw OrgProblems.skillInUse({ skill: skill.name });
    await this.skills.deleteSkill(actor.shopId, id);
  }
}
