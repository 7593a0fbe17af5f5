import { Module } from '@nestjs/common';
import { NotificationModule } from 'src/modules/notification/notification.module';
import { OrgModule } from 'src/modules/org/org.module';
import { RosterModule } from 'src/modules/roster/roster.module';
import { SelfServiceModule } from 'src/modules/self-service/self-service.module';
import { OpenShiftController } from './open-shift.controller';
import { OpenShiftListReads } from './open-shift-list.reads';
import { OpenShiftRepository } from './open-shift.repository';
import { OpenShiftService } from './open-shift.service';

/** Open shifts: uncovered hours posted by a manager, volunteers checked against the rules, assignment published. */
@Module({
  imports: [OrgModule, RosterModule, SelfServiceModule, NotificationModule],
  controllers: [OpenShiftController],
  providers: [OpenShiftRepository, OpenShiftListReads, OpenShiftService],
})
export class OpenShiftModule {}
