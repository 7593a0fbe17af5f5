import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { conflict, notFound } from 'src/platform/errors/common-problems';
import { CreateSkillBody, UpdateSkillBody } from './team.dto';
import { Skill, SkillRepository } from './skill.repository';

@Injectable()
export class SkillService {
  constructor(private readonly skills: SkillRepository) {}

  async create(actor: Actor, body: CreateSkillBody): Promise<Skill> {
    const existing = await this.skills.listSkills(actor.shopId);
    if (existing.some((s) => s.code === body.code)) throw conflict(`Skill code ${body.code} already exists in this shop`);
    return this.skills.createSkill({ shopId: actor.shopId, ...body });
  }

  list(actor: Actor): Promise<Skill[]> {
    return this.skills.listSkills(actor.shopId);
  }

  async update(actor: Actor, id: string, body: UpdateSkillBody): Promise<Skill> {
    const skill = await this.skills.updateSkill(actor.shopId, id, body.name);
    if (!skill) throw notFound('Skill');
    return skill;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.skills.findSkill(actor.shopId, id))) throw notFound('Skill');
    if (await this.skills.skillInUse(id)) throw conflict('Agents still have this skill');
    await this.skills.deleteSkill(actor.shopId, id);
  }
}
