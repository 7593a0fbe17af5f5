import { Module } from '@nestjs/common';
import { AgentScope } from './agent-scope.service';
import { AgentController } from './agent.controller';
import { AgentRepository } from './agent.repository';
import { AgentService } from './agent.service';
import { AvailabilityController } from './availability.controller';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { LeaveController } from './leave.controller';
import { LeaveRepository } from './leave.repository';
import { LeaveService } from './leave.service';
import { ShopController } from './shop.controller';
import { ShopRepository } from './shop.repository';
import { ShopService } from './shop.service';
import { SkillController } from './skill.controller';
import { SkillRepository } from './skill.repository';
import { SkillService } from './skill.service';
import { TeamController } from './team.controller';
import { TeamRepository } from './team.repository';
import { TeamService } from './team.service';
import { UserController } from './user.controller';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

/** Shops, teams, skills, agents with contracts, leave, availability and user accounts. */
@Module({
  controllers: [
    ShopController,
    TeamController,
    SkillController,
    AgentController,
    LeaveController,
    AvailabilityController,
    UserController,
  ],
  providers: [
    ShopRepository,
    ShopService,
    TeamRepository,
    TeamService,
    SkillRepository,
    SkillService,
    AgentRepository,
    AgentService,
    AgentScope,
    LeaveRepository,
    LeaveService,
    AvailabilityRepository,
    AvailabilityService,
    UserRepository,
    UserService,
  ],
  exports: [ShopService, AgentService, AgentScope, TeamService, LeaveService, SkillService],
})
export class OrgModule {}
