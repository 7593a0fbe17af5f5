import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { FieldError, messageValue } from 'src/platform/errors/problem';
import { labelIn } from 'src/platform/i18n/texts';
import type { Page } from 'src/platform/http/pagination';
import { ShopService } from 'src/modules/org/shop.service';
import { calibration, ItemSpread, scoreReview } from './engine/review-score';
import { CoachingService } from './coaching.service';
import { QcCategoryLabels, SeverityLabels } from './qc.labels';
import { QcProblems, ReviewChecks } from './qc.problems';
import { QcScope } from './qc-scope.service';
import { QcSettingsRepository } from './qc-settings.repository';
import { CreateReviewBody, ListReviewsQuery } from './qc.dto';
import { Finding, Review, ReviewRepository, ReviewScore } from './review.repository';
import { ReviewedSessionReads } from './reviewed-session.reads';
import { RubricService } from './rubric.service';
import { SampleRepository } from './sample.repository';
import { addDays } from 'src/platform/time/calendar-date';
import { localDayStart, todayIn } from 'src/platform/time/shop-calendar';

export type ReviewView = Omit<Review, 'totalScore' | 'shopId'> & {
  totalScore: number;
  scores: ReviewScore[];
  findings: (Finding & { categoryLabel: string; severityLabel: string })[];
  coachingTaskId: string | null;
};
export type Calibration = {
  sessionId: string;
  rubricVersionId: string;
  reviews: { reviewId: string; reviewerUserId: string; totalScore: number; failed: boolean }[];
  totalSpread: number;
  items: ItemSpread[];
};

const refused = (errors: FieldError[]) =>
  QcProblems.reviewRefused(
    { problems: errors.map((e) => messageValue(e.message)) },
    { errors: errors.map((e) => ({ ...e, code: QcProblems.reviewRefused.code, in: 'body' })) },
  );

/** Scoring a session against a rubric version, reading reviews within one's scope, and calibration. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly reviews: ReviewRepository,
    private readonly reviewedSessions: ReviewedSessionReads,
    private readonly samples: SampleRepository,
    private readonly rubrics: RubricService,
    private readonly settings: QcSettingsRepository,
    private readonly coaching: CoachingService,
    private readonly shops: ShopService,
    private readonly scope: QcScope,
  ) {}

  async create(actor: Actor, body: CreateReviewBody): Promise<ReviewView> {
    const session = await this.reviewedSessions.session(actor.shopId, body.sessionId);
    if (!session) throw QcProblems.sessionNotFound();
    // Said in words before the unique index refuses it with its own name (a race still meets the index).
    if (await this.reviews.reviewedBy(actor.shopId, session.id, actor.userId)) throw QcProblems.alreadyReviewed();
    const rubric = await this.rubrics.forReview(actor.shopId, body.rubricVersionId);
    const { result, problems } = scoreReview(rubric.items, body.scores);
    const titles = new Map(rubric.items.map((item) => [item.id, item.title]));
    const errors: FieldError[] = problems.map((p) => ({
      field: `scores.${body.scores.findIndex((s) => s.itemId === p.itemId)}.points`,
      message:
        p.reason === 'not-an-item'
          ? ReviewChecks.notAnItem
          : {
              template: p.reason === 'scored-twice' ? ReviewChecks.scoredTwice : ReviewChecks.outOfRange,
              params: { item: titles.get(p.itemId), max: p.maxPoints },
            },
    }));
    body.findings.forEach((f, i) => {
      if (f.itemId && !titles.has(f.itemId))
        errors.push({ field: `findings.${i}.itemId`, message: ReviewChecks.notAnItem });
      if (f.quote && !session.transcript?.includes(f.quote))
        errors.push({ field: `findings.${i}.quote`, message: ReviewChecks.notQuoted });
    });
    if (errors.length || !result) throw refused(errors);
    const sample = await this.samples.findBySession(actor.shopId, session.id);
    const settings = await this.settings.find(actor.shopId);
    const shop = await this.shops.context(actor.shopId);
    const review = await this.db.transaction(async () => {
      const stored = await this.reviews.insert(
        {
          shopId: actor.shopId,
          sampleId: sample?.id ?? null,
          sessionId: session.id,
          agentId: session.agentId,
          sessionStartedAt: session.startedAt,
          reviewerUserId: actor.userId,
          rubricVersionId: rubric.id,
          totalScore: String(result.total),
          failed: result.failed,
          samplingWeight: sample ? 1 / sample.inclusionProbability : 1,
          status: 'submitted',
          comment: body.comment ?? null,
          submittedAt: new Date(),
        },
        body.scores.map((s) => ({ itemId: s.itemId, points: s.points, comment: s.comment ?? null })),
        body.findings.map((f) => ({
          category: f.category,
          severity: f.severity,
          quote: f.quote ?? null,
          note: f.note ?? null,
          itemId: f.itemId ?? null,
        })),
      );
      if (result.failed || result.total < settings.coachingThreshold) {
        const today = todayIn(shop.timeZone);
        await this.coaching.raise({
          shopId: actor.shopId,
          review: stored,
          session,
          reason: result.failed ? 'failed' : 'below_threshold',
          today,
          dueDays: settings.coachingDueDays,
        });
      }
      return stored;
    });
    return (await this.views([review]))[0];
  }

  async list(actor: Actor, query: ListReviewsQuery): Promise<Page<ReviewView>> {
    const shop = await this.shops.context(actor.shopId);
    const agentIds = await this.scope.agentFilter(actor, query.agent);
    const { rows, total } = await this.reviews.list(actor.shopId, {
      from: query.from ? localDayStart(query.from, shop.timeZone) : undefined,
      to: query.to ? localDayStart(addDays(query.to, 1), shop.timeZone) : undefined,
      agentIds,
      failed: query.failed,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.views(rows), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ReviewView> {
    const review = await this.reviews.find(actor.shopId, id);
    if (!review || !(await this.scope.canSee(actor, review.agentId))) throw QcProblems.reviewNotFound();
    return (await this.views([review]))[0];
  }

  /** Customer words: only for roles allowed by the route, and a supervisor only for their teams. */
  async transcript(
    actor: Actor,
    sessionId: string,
  ): Promise<{ sessionId: string; agentId: string; startedAt: Date; transcript: string | null }> {
    const session = await this.reviewedSessions.session(actor.shopId, sessionId);
    if (!session || !(await this.scope.canSee(actor, session.agentId))) throw QcProblems.sessionNotFound();
    return {
      sessionId: session.id,
      agentId: session.agentId,
      startedAt: session.startedAt,
      transcript: session.transcript,
    };
  }

  /** Per-item spread between the reviewers of one session (reviews of the newest rubric version among them). */
  async calibration(actor: Actor, sessionId: string): Promise<Calibration> {
    const all = await this.reviews.ofSession(actor.shopId, sessionId);
    if (!all.length) throw QcProblems.noReviewsOfSession();
    const rubric = await this.rubrics.forReview(actor.shopId, all[all.length - 1].rubricVersionId);
    const reviews = all.filter((r) => r.rubricVersionId === rubric.id);
    const scores = await this.reviews.scores(reviews.map((r) => r.id));
    const totals = reviews.map((r) => Number(r.totalScore));
    return {
      sessionId,
      rubricVersionId: rubric.id,
      reviews: reviews.map((r) => ({
        reviewId: r.id,
        reviewerUserId: r.reviewerUserId,
        totalScore: Number(r.totalScore),
        failed: r.failed,
      })),
      totalSpread: Math.round((Math.max(...totals) - Math.min(...totals)) * 100) / 100,
      items: calibration(
        rubric.items,
        reviews.map((r) => ({ reviewId: r.id, scores: scores.filter((s) => s.reviewId === r.id) })),
      ),
    };
  }

  private async views(rows: Review[]): Promise<ReviewView[]> {
    const ids = rows.map((r) => r.id);
    const [scores, findings, tasks] = await Promise.all([
      this.reviews.scores(ids),
      this.reviews.findings(ids),
      this.reviews.coachingTaskIds(ids),
    ]);
    return rows.map(({ shopId: _shop, totalScore, ...r }) => ({
      ...r,
      totalScore: Number(totalScore),
      scores: scores.filter((s) => s.reviewId === r.id).map(({ reviewId: _r, ...s }) => s),
      findings: findings
        .filter((f) => f.reviewId === r.id)
        .map(({ reviewId: _r, ...f }) => ({
          ...f,
          categoryLabel: labelIn(QcCategoryLabels, f.category),
          severityLabel: labelIn(SeverityLabels, f.severity),
        })),
      coachingTaskId: tasks.get(r.id) ?? null,
    }));
  }
}
