import { Module } from '@nestjs/common';
import { OrgModule } from 'src/modules/org/org.module';
import { RosterModule } from 'src/modules/roster/roster.module';
import { AuditController } from './audit.controller';
import { SelfServiceAudit } from './audit.service';
import { PublishedWeeks } from './published-weeks.service';
import { SelfServiceRepository } from './self-service.repository';

/** What time off, shift swaps and open shifts share: the request rules, changes to published weeks, the audit trail. */
@Module({
  imports: [OrgModule, RosterModule],
  controllers: [AuditController],
  providers: [SelfServiceRepository, PublishedWeeks, SelfServiceAudit],
  exports: [PublishedWeeks, SelfServiceRepository],
})
export class SelfServiceModule {}
