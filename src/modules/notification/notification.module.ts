import { Module } from '@nestjs/common';
import { OrgModule } from 'src/modules/org/org.module';
import { NotificationController } from './notification.controller';
import { NotificationRepository } from './notification.repository';
import { Notices } from './notification.service';

/** The in-app feed (`/me/notifications`) and the shop's group robots, posted by a job. */
@Module({
  imports: [OrgModule],
  controllers: [NotificationController],
  providers: [NotificationRepository, Notices],
  exports: [Notices],
})
export class NotificationModule {}
