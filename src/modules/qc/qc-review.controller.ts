import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { pageExample } from 'src/platform/http/pagination';
import { ValidBody, ValidParam, ValidQuery } from 'src/platform/http/validation';
import { CalibrationReportService } from './calibration-report.service';
import { QcSummaryService } from './qc-summary.service';
import { QC_REVIEWERS, QC_WORKERS, REVIEW_READERS, SUMMARY_READERS, TRANSCRIPT_READERS } from './qc-roles';
import {
  calibrationExample,
  CalibrationReportQuery,
  calibrationReportExample,
  CreateReviewBody,
  ListReviewsQuery,
  reviewExample,
  RunSampleBody,
  samplesExample,
  SamplesQuery,
  summaryExample,
  SummaryQuery,
} from './qc.dto';
import { ReviewService } from './review.service';
import { SamplingService } from './sampling.service';
import { QcProblems } from './qc.problems';

/** Samples, reviews, transcripts, calibration and the daily summary. */
@ApiTags('qc')
@ApiBearerAuth()
@Controller('qc')
export class QcReviewController {
  constructor(
    private readonly sampling: SamplingService,
    private readonly reviews: ReviewService,
    private readonly summary: QcSummaryService,
    private readonly calibrationReports: CalibrationReportService,
  ) {}

  @Get('samples')
  @Roles(...SUMMARY_READERS)
  @ApiOkResponse({
    description:
      "The day's sample per agent (a supervisor sees their teams'), with weights, inclusion probabilities and the realised mix",
    schema: { example: samplesExample },
  })
  @ApiProblems(400, 401, 403, 404, QcProblems.agentNotFound)
  samples(@CurrentActor() actor: Actor, @ValidQuery(SamplesQuery) query: SamplesQuery) {
    return this.sampling.list(actor, query);
  }

  @Post('samples/run')
  @HttpCode(202)
  @Roles(...QC_WORKERS)
  @ApiAcceptedResponse({
    description: 'Draws (again) the sample of a day of sessions as a `qc.sample` job; reviewed samples are kept',
    schema: {
      example: {
        jobId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        name: 'qc.sample',
        status: 'queued',
        statusUrl: '/jobs/3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      },
    },
  })
  @ApiProblems(400, 401, 403, 503)
  runSample(@CurrentActor() actor: Actor, @ValidBody(RunSampleBody) body: RunSampleBody) {
    return this.sampling.run(actor, body);
  }

  @Post('reviews')
  @Roles(...QC_REVIEWERS)
  @ApiCreatedResponse({
    description: 'Scored against the rubric version; a fail or a total below the threshold raises a coaching task',
    schema: { example: reviewExample },
  })
  @ApiProblems(
    400,
    401,
    403,
    404,
    409,
    422,
    QcProblems.sessionNotFound,
    QcProblems.rubricNotFound,
    QcProblems.reviewRefused,
    QcProblems.alreadyReviewed,
  )
  createReview(@CurrentActor() actor: Actor, @ValidBody(CreateReviewBody) body: CreateReviewBody) {
    return this.reviews.create(actor, body);
  }

  @Get('reviews')
  @Roles(...REVIEW_READERS)
  @ApiOkResponse({
    description: 'Agents see their own, supervisors their teams, QC and managers the shop',
    schema: { example: pageExample(reviewExample) },
  })
  @ApiProblems(400, 401, 403, 404, QcProblems.agentNotFound)
  listReviews(@CurrentActor() actor: Actor, @ValidQuery(ListReviewsQuery) query: ListReviewsQuery) {
    return this.reviews.list(actor, query);
  }

  @Get('reviews/:id')
  @Roles(...REVIEW_READERS)
  @ApiOkResponse({ schema: { example: reviewExample } })
  @ApiProblems(400, 401, 403, 404, QcProblems.reviewNotFound)
  getReview(@CurrentActor() actor: Actor, @ValidParam('id') id: string) {
    return this.reviews.get(actor, id);
  }

  @Get('sessions/:sessionId/transcript')
  @Roles(...TRANSCRIPT_READERS)
  @ApiOkResponse({
    description: 'Only QC, managers and the supervisor of the agent’s team',
    schema: {
      example: {
        sessionId: reviewExample.sessionId,
        agentId: reviewExample.agentId,
        startedAt: reviewExample.sessionStartedAt,
        transcript: '客户：能退吗？\n客服：七天无理由不包括这个',
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, QcProblems.sessionNotFound)
  transcript(@CurrentActor() actor: Actor, @ValidParam('sessionId') sessionId: string) {
    return this.reviews.transcript(actor, sessionId);
  }

  @Get('sessions/:sessionId/calibration')
  @Roles(...QC_WORKERS)
  @ApiOkResponse({
    description: 'Per-item spread between the reviewers of one session',
    schema: { example: calibrationExample },
  })
  @ApiProblems(400, 401, 403, 404, QcProblems.noReviewsOfSession)
  calibration(@CurrentActor() actor: Actor, @ValidParam('sessionId') sessionId: string) {
    return this.reviews.calibration(actor, sessionId);
  }

  @Get('calibration')
  @Roles(...QC_WORKERS)
  @ApiOkResponse({
    description:
      'Inspector agreement over a date range, from every session two or more inspectors reviewed on the same rubric version (a panel). ' +
      "Per inspector: the mean deviation of their total and of each item's score from the panel's mean, their own score included (negative: harsher; item scores count as their effect on the total, " +
      'so a deduction counts negative; an item left unscored counts at its default), per week (from Monday) or month of the sessions, in the shop’s zone, to show drift, and a leaning when the mean is beyond two standard errors and half a point. ' +
      'Per item, for the total and per period: ICC(1,1), the one-way random-effects intraclass correlation (panels differ from session to session, so the two-way ICC(2,1) ' +
      "does not apply; it counts an inspector's bias as disagreement), banded after Koo & Li (poor < 0.5 ≤ moderate < 0.75 ≤ good < 0.9 ≤ excellent); null when it cannot be told. " +
      'Inspectors by their names, items by their titles (in English when the rubric gives one) and categories in the reader’s language',
    schema: { example: calibrationReportExample },
  })
  @ApiProblems(400, 401, 403, 404)
  calibrationReport(@CurrentActor() actor: Actor, @ValidQuery(CalibrationReportQuery) query: CalibrationReportQuery) {
    return this.calibrationReports.report(actor, query);
  }

  @Get('summary')
  @Roles(...SUMMARY_READERS)
  @ApiOkResponse({
    description:
      'Per team and agent: sessions reviewed, raw and sampling-weighted mean score, fails, most frequent findings',
    schema: { example: summaryExample },
  })
  @ApiProblems(400, 401, 403, 404, QcProblems.teamNotFound)
  dailySummary(@CurrentActor() actor: Actor, @ValidQuery(SummaryQuery) query: SummaryQuery) {
    return this.summary.daily(actor, query);
  }
}
