import { Module } from '@nestjs/common';
import { NotificationModule } from 'src/modules/notification/notification.module';
import { OrgModule } from 'src/modules/org/org.module';
import { SelfServiceModule } from 'src/modules/self-service/self-service.module';
import { TimeOffController } from './time-off.controller';
import { LeaveDecisionController } from './leave-decision.controller';
import { LeaveDecisions } from './leave-decision.service';
import { LeaveTakenReads } from './leave-taken.reads';
import { TimeOffRepository } from './time-off.repository';
import { TimeOffService } from './time-off.service';
import { TimeOffFreeing } from './time-off-freeing';
import { LeaveReturn } from './leave-return';
import { LeaveWithdrawal } from './leave-withdrawal.service';

/**
 * Agents' time-off requests and decisions on leave: allowance, supervisor's decision, leave and the freed
 * shifts published; cancelled leave gives them back.
 */
@Module({
  imports: [OrgModule, SelfServiceModule, NotificationModule],
  controllers: [TimeOffController, LeaveDecisionController],
  providers: [
    TimeOffRepository,
    LeaveTakenReads,
    TimeOffFreeing,
    TimeOffService,
    LeaveDecisions,
    LeaveReturn,
    LeaveWithdrawal,
  ],
})
export class TimeOffModule {}
