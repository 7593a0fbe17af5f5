import { NotificationModule } from 'src/modules/notification/notification.module';
import { Module } from '@nestjs/common';
import { OrgModule } from 'src/modules/org/org.module';
import { CalibrationReportRepository } from './calibration-report.repository';
import { CalibrationReportService } from './calibration-report.service';
import { CoachingController } from './coaching.controller';
import { CoachingRepository } from './coaching.repository';
import { CoachingService } from './coaching.service';
import { QcScope } from './qc-scope.service';
import { QcReviewController } from './qc-review.controller';
import { QcSettingsRepository } from './qc-settings.repository';
import { QcSettingsService } from './qc-settings.service';
import { QcSetupController } from './qc-setup.controller';
import { QcSummaryRepository } from './qc-summary.repository';
import { QcSummaryService } from './qc-summary.service';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { ReviewedSessionReads } from './reviewed-session.reads';
import { RubricRepository } from './rubric.repository';
import { RubricService } from './rubric.service';
import { SampleCandidateReads } from './sample-candidates.reads';
import { SampleRepository } from './sample.repository';
import { SamplingService } from './sampling.service';

/** Quality check: daily samples, rubric versions, reviews and calibration, the daily summary, coaching tasks. */
@Module({
  imports: [OrgModule, NotificationModule],
  controllers: [QcSetupController, QcReviewController, CoachingController],
  providers: [
    CalibrationReportRepository,
    CalibrationReportService,
    QcScope,
    QcSettingsRepository,
    QcSettingsService,
    RubricRepository,
    RubricService,
    SampleRepository,
    SampleCandidateReads,
    SamplingService,
    ReviewRepository,
    ReviewedSessionReads,
    ReviewService,
    QcSummaryRepository,
    QcSummaryService,
    CoachingRepository,
    CoachingService,
  ],
  exports: [ReviewService, QcSummaryService, RubricService],
})
export class QcModule {}
