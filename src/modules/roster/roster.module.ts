import { Module } from '@nestjs/common';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { QueuesModule } from 'src/modules/queues/queues.module';
import { NotificationModule } from 'src/modules/notification/notification.module';
import { OrgModule } from 'src/modules/org/org.module';
import { StaffingModule } from 'src/modules/staffing/staffing.module';
import { MyShiftsController } from './my-shifts.controller';
import { RosterImportController } from './import/roster-import.controller';
import { RosterImport } from './import/roster-import.service';
import { RosterImportTemplate } from './import/roster-import-template';
import { RosterController } from './roster.controller';
import { RosterDemandService } from './roster-demand.service';
import { RosterEditing } from './roster-editing.service';
import { RosterGeneration } from './roster-generation.service';
import { RosterInputReads } from './roster-input.reads';
import { RosterViewStampReads } from './roster-view-stamp.reads';
import { RosterProblemService } from './roster-problem.service';
import { RosterPublishing } from './roster-publishing.service';
import { DraftCarrying } from './roster-draft-carry';
import { DraftWarnings } from './roster-draft-warnings';
import { RosterActivityReads } from './roster-activity.reads';
import { RosterRepository } from './roster.repository';
import { RosterCommands } from './roster-commands.service';
import { RosterReading } from './roster-reading.service';
import { ShiftTemplateController } from './shift-template.controller';
import { ShiftTemplateRepository } from './shift-template.repository';
import { ShiftTemplateService } from './shift-template.service';

/** Shift templates, weekly rosters solved as jobs, manual edits under the hard rules, published versions, own shifts. */
@Module({
  imports: [OrgModule, QueuesModule, ForecastModule, StaffingModule, NotificationModule],
  controllers: [ShiftTemplateController, RosterImportController, RosterController, MyShiftsController],
  providers: [
    ShiftTemplateRepository,
    ShiftTemplateService,
    RosterRepository,
    RosterActivityReads,
    RosterInputReads,
    RosterViewStampReads,
    RosterDemandService,
    RosterProblemService,
    RosterCommands,
    RosterReading,
    RosterEditing,
    RosterPublishing,
    DraftCarrying,
    DraftWarnings,
    RosterGeneration,
    RosterImport,
    RosterImportTemplate,
  ],
  exports: [RosterCommands, RosterReading, RosterPublishing, RosterEditing, ShiftTemplateService],
})
export class RosterModule {}
