import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { AppError, FieldError } from 'src/platform/errors/problem';
import { notFound } from 'src/platform/errors/common-problems';
import type { Page } from 'src/platform/http/pagination';
import { ShopService } from 'src/modules/org/shop.service';
import { calibration, ItemSpread, scoreReview } from './engine/review-score';
import { CoachingService } from './coaching.service';
import { QcScope } from './qc-scope.service';
import { QcSettingsRepository } from './qc-settings.repository';
import { CreateReviewBody, ListReviewsQuery } from './qc.dto';
import { Finding, Review, ReviewRepository, ReviewScore } from './review.repository';
import { RubricService } from './rubric.service';
import { SampleRepository } from './sample.repository';

export type ReviewView = Omit<Review, 'totalScore' | 'shopId'> & { totalScore: number; scores: ReviewScore[]; findings: Finding[]; coachingTaskId: string | null };
export type Calibration = { sessionId: string; rubricVersionId: string; reviews: { reviewId: string; reviewerUserId: string; totalScore: number; failed: boolean }[]; totalSpread: number; items: ItemSpread[] };

const unprocessable = (errors: FieldError[]) => new AppError('unprocessable', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors.map((e) => ({ ...e, in: 'body' })));

/** Scoring a session against a rubric version, reading reviews within one's scope, and calibration. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly reviews: ReviewRepository,
    private readonly samples: SampleRepository,
    private readonly rubrics: RubricService,
    private readonly settings: QcSettingsRepository,
    private readonly coaching: CoachingService,
    private readonly shops: ShopService,
    private readonly scope: QcScope,
  ) {}

  async create(actor: Actor, body: CreateReviewBody): Promise<ReviewView> {
    const session = await this.reviews.session(actor.shopId, body.sessionId);
    if (!session) throw notFound('Session');
    const rubric = await this.rubrics.forReview(actor.shopId, body.rubricVersionId);
    const { result, problems } = scoreReview(rubric.items, body.scores);
    const errors: FieldError[] = problems.map((p) => ({ field: `scores.${body.scores.findIndex((s) => s.itemId === p.itemId)}.points`, message: p.message }));
    body.findings.forEach((f, i) => {
      if (f.itemId && !rubric.items.some((item) => item.id === f.itemId)) errors.push({ field: `findings.${i}.itemId`, message: 'not an item of this rubric version' });
      if (f.quote && !session.transcript?.includes(f.quote)) errors.push({ field: `findings.${i}.quote`, message: 'must be quoted verbatim from the transcript' });
    });
    if (errors.length || !result) throw unprocessable(errors);
    const sample = await this.samples.findBySession(actor.shopId, session.id);
    const settings = await this.settings.find(actor.shopId);
    const shop = await this.shops.context(actor.shopId);
    const review = await this.db.transaction(async () => {
      const stored = await this.reviews.insert(
        {
          shopId: actor.shopId, sampleId: sample?.id ?? null, sessionId: session.id, agentId: session.agentId, sessionStartedAt: session.startedAt,
          reviewerUserId: actor.userId, rubricVersionId: rubric.id, totalScore: String(result.total), failed: result.failed,
          samplingWeight: sample ? 1 / sample.inclusionProbability : 1, status: 'submitted', comment: body.comment ?? null, submittedAt: new Date(),
        },
        body.scores.map((s) => ({ itemId: s.itemId, points: s.points, comment: s.comment ?? null })),
        body.findings.map((f) => ({ category: f.category, severity: f.severity, quote: f.quote ?? null, note: f.note ?? null, itemId: f.itemId ?? null })),
      );
      if (result.failed || result.total < settings.coachingThreshold) {
        const today = DateTime.now().setZone(shop.timeZone).toISODate()!;
        await this.coaching.raise({ shopId: actor.shopId, review: stored, session, reason: result.failed ? 'failed' : 'below_threshold', today, dueDays: settings.coachingDueDays });
      }
      return stored;
    });
    return (await this.views([review]))[0];
  }

  async list(actor: Actor, query: ListReviewsQuery): Promise<Page<ReviewView>> {
    const shop = await this.shops.context(actor.shopId);
    const agentIds = await this.scope.agentFilter(actor, query.agent);
    const day = (d: string) => DateTime.fromISO(d, { zone: shop.timeZone }).startOf('day');
    const { rows, total } = await this.reviews.list(actor.shopId, {
      from: query.from ? day(query.from).toJSDate() : undefined,
      to: query.to ? day(query.to).plus({ days: 1 }).toJSDate() : undefined,
      agentIds,
      failed: query.failed,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.views(rows), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, id: string): Promise<ReviewView> {
    const review = await this.reviews.find(actor.shopId, id);
    if (!review || !(await this.scope.canSee(actor, review.agentId))) throw notFound('Review');
    return (await this.views([review]))[0];
  }

  /** Customer words: only for roles allowed by the route, and a supervisor only for their teams. */
  async transcript(actor: Actor, sessionId: string): Promise<{ sessionId: string; agentId: string; startedAt: Date; transcript: string | null }> {
    const session = await this.reviews.session(actor.shopId, sessionId);
    if (!session || !(await this.scope.canSee(actor, session.agentId))) throw notFound('Session');
    return { sessionId: session.id, agentId: session.agentId, startedAt: session.startedAt, transcript: session.transcript };
  }

  /** Per-item spread between the reviewers of one session (reviews of the newest rubric version among them). */
  async calibration(actor: Actor, sessionId: string): Promise<Calibration> {
    const all = await this.reviews.ofSession(actor.shopId, sessionId);
    if (!all.length) throw notFound('Reviews of the session');
    const rubric = await this.rubrics.forReview(actor.shopId, all[all.length - 1].rubricVersionId);
    const reviews = all.filter((r) => r.rubricVersionId === rubric.id);
    const scores = await this.reviews.scores(reviews.map((r) => r.id));
    const totals = reviews.map((r) => Number(r.totalScore));
    return {
      sessionId,
      rubricVersionId: rubric.id,
      reviews: reviews.map((r) => ({ reviewId: r.id, reviewerUserId: r.reviewerUserId, totalScore: Number(r.totalScore), failed: r.failed })),
      totalSpread: Math.round((Math.max(...totals) - Math.min(...totals)) * 100) / 100,
      items: calibration(rubric.items, reviews.map((r) => ({ reviewId: r.id, scores: scores.filter((s) => s.reviewId === r.id) }))),
    };
  }

  private async views(rows: Review[]): Promise<ReviewView[]> {
    const ids = rows.map((r) => r.id);
    const [scores, findings, tasks] = await Promise.all([this.reviews.scores(ids), this.reviews.findings(ids), this.reviews.coachingTaskIds(ids)]);
    return rows.map(({ shopId: _shop, totalScore, ...r }) => ({
      ...r,
      totalScore: Number(totalScore),
      scores: scores.filter((s) => s.reviewId === r.id).map(({ reviewId: _r, ...s }) => s),
      findings: findings.filter((f) => f.reviewId === r.id).map(({ reviewId: _r, ...f }) => f),
      coachingTaskId: tasks.get(r.id) ?? null,
    }));
  }
}
