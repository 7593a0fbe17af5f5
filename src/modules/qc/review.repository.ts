import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, gte, inArray, lt, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { qcCoachingTasks, qcFindings, qcReviews, qcReviewScores } from 'src/platform/db/schema';

export type Review = typeof qcReviews.$inferSelect;
export type NewReview = typeof qcReviews.$inferInsert;
export type ReviewScore = { itemId: string; points: number; comment: string | null };
export type Finding = {
  id: string;
  category: string;
  severity: string;
  quote: string | null;
  note: string | null;
  itemId: string | null;
};
export type ReviewFilter = {
  from?: Date;
  to?: Date;
  agentIds?: string[];
  failed?: boolean;
  limit: number;
  offset: number;
};

/** Reviews with their item scores and findings. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly db: Db) {}

  async insert(review: NewReview, scores: ReviewScore[], findings: Omit<Finding, 'id'>[]): Promise<Review> {
    const [row] = await this.db.q.insert(qcReviews).values(review).returning();
    if (scores.length) {
      await this.db.q.insert(qcReviewScores).values(
        scores.map((s) => ({
          shopId: row.shopId,
          reviewId: row.id,
          itemId: s.itemId,
          points: String(s.points),
          comment: s.comment,
        })),
      );
    }
    if (findings.length) {
      await this.db.q.insert(qcFindings).values(
        findings.map((f) => ({
          ...f,
          shopId: row.shopId,
          reviewId: row.id,
          agentId: row.agentId,
          sessionStartedAt: row.sessionStartedAt,
        })),
      );
    }
    return row;
  }

  async find(shopId: string, id: string): Promise<Review | undefined> {
    const [row] = await this.db.q
      .select()
      .from(qcReviews)
      .where(and(eq(qcReviews.shopId, shopId), eq(qcReviews.id, id)))
      .limit(1);
    return row;
  }

  async list(shopId: string, filter: ReviewFilter): Promise<{ rows: Review[]; total: number }> {
    if (filter.agentIds && !filter.agentIds.length) return { rows: [], total: 0 };
    const conditions: (SQL | undefined)[] = [
      eq(qcReviews.shopId, shopId),
      eq(qcReviews.status, 'submitted'),
      filter.from ? gte(qcReviews.sessionStartedAt, filter.from) : undefined,
      filter.to ? lt(qcReviews.sessionStartedAt, filter.to) : undefined,
      filter.agentIds ? inArray(qcReviews.agentId, filter.agentIds) : undefined,
      filter.failed === undefined ? undefined : eq(qcReviews.failed, filter.failed),
    ];
    const where = and(...conditions);
    const [rows, [{ total }]] = await Promise.all([
      this.db.q
        .select()
        .from(qcReviews)
        .where(where)
        .orderBy(desc(qcReviews.sessionStartedAt), desc(qcReviews.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.q.select({ total: count() }).from(qcReviews).where(where),
    ]);
    return { rows, total };
  }

  /** Whether this reviewer has a review of the session (draft or submitted): one each, by the unique index. */
  async reviewedBy(shopId: string, sessionId: string, reviewerUserId: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ id: qcReviews.id })
      .from(qcReviews)
      .where(
        and(
          eq(qcReviews.shopId, shopId),
          eq(qcReviews.sessionId, sessionId),
          eq(qcReviews.reviewerUserId, reviewerUserId),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  async ofSession(shopId: string, sessionId: string): Promise<Review[]> {
    return this.db.q
      .select()
      .from(qcReviews)
      .where(and(eq(qcReviews.shopId, shopId), eq(qcReviews.sessionId, sessionId), eq(qcReviews.status, 'submitted')))
      .orderBy(asc(qcReviews.createdAt));
  }

  async scores(reviewIds: string[]): Promise<(ReviewScore & { reviewId: string })[]> {
    if (!reviewIds.length) return [];
    const rows = await this.db.q.select().from(qcReviewScores).where(inArray(qcReviewScores.reviewId, reviewIds));
    return rows.map((r) => ({ reviewId: r.reviewId, itemId: r.itemId, points: Number(r.points), comment: r.comment }));
  }

  async findings(reviewIds: string[]): Promise<(Finding & { reviewId: string })[]> {
    if (!reviewIds.length) return [];
    return this.db.q
      .select({
        id: qcFindings.id,
        reviewId: qcFindings.reviewId,
        category: qcFindings.category,
        severity: qcFindings.severity,
        quote: qcFindings.quote,
        note: qcFindings.note,
        itemId: qcFindings.itemId,
      })
      .from(qcFindings)
      .where(inArray(qcFindings.reviewId, reviewIds))
      .orderBy(asc(qcFindings.createdAt));
  }

  async coachingTaskIds(reviewIds: string[]): Promise<Map<string, string>> {
    if (!reviewIds.length) return new Map();
    const rows = await this.db.q
      .select({ id: qcCoachingTasks.id, reviewId: qcCoachingTasks.reviewId })
      .from(qcCoachingTasks)
      .where(inArray(qcCoachingTasks.reviewId, reviewIds));
    return new Map(rows.map((r) => [r.reviewId, r.id]));
  }
}
