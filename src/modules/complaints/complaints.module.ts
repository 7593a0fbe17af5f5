import { Module } from '@nestjs/common';
import { IngestModule } from 'src/modules/ingest/ingest.module';
import { OrgModule } from 'src/modules/org/org.module';
import { ComplaintController } from './complaint.controller';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintService } from './complaint.service';
import { ComplaintImport } from './complaint-import.service';
import { ComplaintIntake } from './complaint-intake.service';
import { ComplaintOverdue } from './complaint-overdue.service';
import { ComplaintRulesController } from './complaint-rules.controller';
import { ComplaintRulesRepository } from './complaint-rules.repository';
import { ComplaintRules } from './complaint-rules.service';

/** Complaints (投诉): intake by API and import, routing, deadlines, life cycle with audit trail, nightly overdue flags. */
@Module({
  imports: [OrgModule, IngestModule],
  controllers: [ComplaintController, ComplaintRulesController],
  providers: [
    ComplaintRepository,
    ComplaintRulesRepository,
    ComplaintRules,
    ComplaintIntake,
    ComplaintService,
    ComplaintImport,
    ComplaintOverdue,
  ],
  exports: [ComplaintService],
})
export class ComplaintsModule {}
