import { NotificationModule } from 'src/modules/notification/notification.module';
import { Module } from '@nestjs/common';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { QueuesModule } from 'src/modules/queues/queues.module';
import { OrgModule } from 'src/modules/org/org.module';
import { RosterModule } from 'src/modules/roster/roster.module';
import { MakeupTaskController } from './makeup-task.controller';
import { MakeupTaskRepository } from './makeup-task.repository';
import { MakeupTaskService } from './makeup-task.service';
import { PlacementContextService } from './placement-context.service';
import { SessionPlanning } from './session-planning.service';
import { TrainingInputReads } from './training-input.reads';
import { TrainingNeedsController } from './training-needs.controller';
import { TrainingNeedsService } from './training-needs.service';
import { TrainingRequestRepository } from './training-request.repository';
import { TrainingSessionController } from './training-session.controller';
import { TrainingSessionRepository } from './training-session.repository';
import { TrainingSessionService } from './training-session.service';
import { WeeklyDraft } from './weekly-draft.service';

/** Needs from QC findings, sessions placed where service can spare people, attendance, effect, make-up coaching, the Monday draft. */
@Module({
  imports: [OrgModule, QueuesModule, ForecastModule, RosterModule, NotificationModule],
  controllers: [TrainingNeedsController, TrainingSessionController, MakeupTaskController],
  providers: [
    TrainingInputReads,
    TrainingRequestRepository,
    TrainingSessionRepository,
    MakeupTaskRepository,
    TrainingNeedsService,
    PlacementContextService,
    SessionPlanning,
    TrainingSessionService,
    MakeupTaskService,
    WeeklyDraft,
  ],
  exports: [TrainingSessionService, SessionPlanning],
})
export class TrainingModule {}
