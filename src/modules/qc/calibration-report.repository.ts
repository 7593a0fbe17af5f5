import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import type { RatingGroup } from './engine/rater-agreement';

export type CalibrationScope = { shopId: string; timeZone: string; from: Date; to: Date; period: 'week' | 'month' };
export type Deviation = { count: number; mean: number; sd: number | null };
export type CalibrationData = {
  panels: number;
  reviews: number;
  /** Per inspector: deviation of their total from the panel's mean total, over the range and per period. */
  inspectorTotals: (Deviation & { reviewerUserId: string; period: string | null })[];
  /** Per inspector and rubric item code: deviation of their item score from the panel's mean. */
  inspectorItems: (Deviation & { reviewerUserId: string; code: string })[];
  /** Per rubric item code, one rating group per panel (for the intraclass correlation). */
  itemGroups: (RatingGroup & { code: string })[];
  /** Per period, one rating group of totals per panel. */
  totalGroups: (RatingGroup & { period: string })[];
  reviewers: { id: string; name: string }[];
  /** Each item code as the newest rubric version among the panels names it. */
  items: { code: string; title: string; titleEn: string | null; category: string; position: number }[];
};

/**
 * The calibration report's data in one statement. A panel is a session with two or more submitted
 * reviews on the same rubric version; each review's item score counts as its effect on the total
 * (points earned, or minus points deducted; an item not scored counts at its default, as in
 * scoring), so a positive deviation always means "gave more". The base rows are CTEs PostgreSQL
 * materialises once, and every part of the answer is an aggregate over them.
 */
@Injectable()
export class CalibrationReportRepository {
  constructor(private readonly db: Db) {}

  async data(s: CalibrationScope): Promise<CalibrationData> {
    const [row] = await this.db.q.execute<{ report: CalibrationData }>(sql`
      with reviewed as (
        select r.id, r.session_id, r.rubric_version_id, r.reviewer_user_id, r.total_score::float8 as total,
          date_trunc(${s.period}, r.session_started_at at time zone ${s.timeZone})::date::text as period,
          count(*) over panel as panel_size, avg(r.total_score::float8) over panel as panel_total
        from qc_reviews r
        where r.shop_id = ${s.shopId} and r.status = 'submitted'
          and r.session_started_at >= ${s.from.toISOString()}::timestamptz and r.session_started_at < ${s.to.toISOString()}::timestamptz
        window panel as (partition by r.session_id, r.rubric_version_id)
      ), panel_reviews as (
        select * from reviewed where panel_size >= 2
      ), effects as (
        select p.reviewer_user_id, p.session_id, p.rubric_version_id, i.code,
          (case when i.kind = 'points' then coalesce(sc.points, i.max_points) else -coalesce(sc.points, 0) end)::float8 as effect
        from panel_reviews p
        join qc_rubric_items i on i.rubric_version_id = p.rubric_version_id
        left join qc_review_scores sc on sc.review_id = p.id and sc.item_id = i.id
      ), deviations as (
        select e.*, e.effect - avg(e.effect) over (partition by e.session_id, e.rubric_version_id, e.code) as deviation from effects e
      )
      select json_build_object(
        'panels', (select count(distinct (session_id, rubric_version_id)) from panel_reviews),
        'reviews', (select count(*) from panel_reviews),
        'inspectorTotals', (select coalesce(json_agg(t), '[]') from (
          select reviewer_user_id as "reviewerUserId", case when grouping(period) = 1 then null else period end as period,
            count(*) as count, avg(total - panel_total) as mean, stddev_samp(total - panel_total) as sd
          from panel_reviews group by grouping sets ((reviewer_user_id), (reviewer_user_id, period))) t),
        'inspectorItems', (select coalesce(json_agg(t), '[]') from (
          select reviewer_user_id as "reviewerUserId", code, count(*) as count, avg(deviation) as mean, stddev_samp(deviation) as sd
          from deviations group by reviewer_user_id, code) t),
        'itemGroups', (select coalesce(json_agg(t), '[]') from (
          select code, count(*) as count, sum(effect) as sum, sum(effect * effect) as "sumOfSquares"
          from effects group by code, session_id, rubric_version_id) t),
        'totalGroups', (select coalesce(json_agg(t), '[]') from (
          select period, count(*) as count, sum(total) as sum, sum(total * total) as "sumOfSquares"
          from panel_reviews group by period, session_id, rubric_version_id) t),
        'reviewers', (select coalesce(json_agg(t), '[]') from (
          select u.id, u.display_name as name from users u where u.id in (select reviewer_user_id from panel_reviews)) t),
        'items', (select coalesce(json_agg(t), '[]') from (
          select distinct on (i.code) i.code, i.title, i.title_en as "titleEn", i.category, i.position
          from qc_rubric_items i join qc_rubric_versions v on v.id = i.rubric_version_id
          where i.rubric_version_id in (select rubric_version_id from panel_reviews)
          order by i.code, v.version desc) t)
      ) as report`);
    return row.report;
  }

  /** Whether a user id may be asked about in this shop: a user of the shop, or someone who reviewed here. */
  async knowsInspector(shopId: string, userId: string): Promise<boolean> {
    const [row] = await this.db.q.execute<{ known: boolean }>(sql`
      select exists (select 1 from users where id = ${userId} and shop_id = ${shopId})
        or exists (select 1 from qc_reviews where shop_id = ${shopId} and reviewer_user_id = ${userId}) as known`);
    return row.known;
  }
}
