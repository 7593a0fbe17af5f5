import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { hashPassword } from 'src/platform/auth/password';
import { OrgProblems } from './org.problems';
import { AgentRepository } from './agent.repository';
import { CreateUserBody, UpdateUserBody, UserView } from './user.dto';
import { UserRepository } from './user.repository';

/** Sign-in accounts of a shop. Only an admin creates admins, and admins span every shop. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly agents: AgentRepository,
  ) {}

  async create(actor: Actor, body: CreateUserBody): Promise<UserView> {
    if (body.role === 'admin' && actor.role !== 'admin') throw OrgProblems.adminOnly();
    if (await this.users.usernameTaken(body.username)) throw OrgProblems.usernameTaken({ username: body.username });
    await this.checkAgent(actor.shopId, body.agentId);
    const { password, ...rest } = body;
    return this.users.insert({
      ...rest,
      shopId: body.role === 'admin' ? null : actor.shopId,
      passwordHash: await hashPassword(password),
    });
  }

  list(actor: Actor): Promise<UserView[]> {
    return this.users.list(actor.shopId);
  }

  /** A new password, another role or deactivation ends the user's sessions at once (their tokens' version is passed). */
  async update(actor: Actor, id: string, body: UpdateUserBody): Promise<UserView> {
    const current = await this.users.find(actor.shopId, id);
    if (!current) throw OrgProblems.userNotFound();
    if (body.role === 'admin' && actor.role !== 'admin') throw OrgProblems.adminOnly();
    if (body.agentId !== undefined) await this.checkAgent(actor.shopId, body.agentId);
    const { password, ...rest } = body;
    const endSessions =
      Boolean(password) ||
      (rest.role !== undefined && rest.role !== current.role) ||
      (rest.active === false && current.active);
    return (await this.users.update(
      actor.shopId,
      id,
      { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
      endSessions,
    ))!;
  }

  private async checkAgent(shopId: string, agentId: string | null | undefined): Promise<void> {
    if (agentId && !(await this.agents.find(shopId, agentId))) throw OrgProblems.agentUnknown.at('agentId');
  }
}
