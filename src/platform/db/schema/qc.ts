import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, utc } from './columns';
import { agents, shops, teams } from './org';

/** Per-shop QC knobs; a missing row means the defaults. */
export const qcSettings = pgTable(
  'qc_settings',
  {
    shopId: uuid('shop_id')
      .primaryKey()
      .references(() => shops.id),
    samplesPerAgent: smallint('samples_per_agent').notNull().default(15),
    /** Share of every agent's sample drawn uniformly, so good work is seen too. */
    randomFloorPercent: smallint('random_floor_percent').notNull().default(30),
    lowRatingMax: smallint('low_rating_max').notNull().default(2),
    slowFirstResponseSeconds: integer('slow_first_response_seconds').notNull().default(60),
    /** Extra sampling weight per bad outcome: { lowRating, complaint, refund, slowResponse }. */
    outcomeWeights: jsonb('outcome_weights').$type<Record<string, number>>().notNull().default({}),
    coachingThreshold: numeric('coaching_threshold', { precision: 5, scale: 2 }).notNull().default('80'),
    coachingDueDays: smallint('coaching_due_days').notNull().default(3),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('qc_settings_samples', sql`${t.samplesPerAgent} between 10 and 20`),
    check('qc_settings_floor', sql`${t.randomFloorPercent} between 0 and 100`),
    check('qc_settings_threshold', sql`${t.coachingThreshold} between 0 and 100`),
  ],
);

/** One night's draw for a shop: its seed, the settings used and the realised mix per agent. */
export const qcSampleRuns = pgTable(
  'qc_sample_runs',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    sampleDate: date('sample_date', { mode: 'string' }).notNull(),
    sessionDate: date('session_date', { mode: 'string' }).notNull(),
    seed: text('seed').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    mix: jsonb('mix').$type<unknown[]>().notNull().default([]),
    jobRunId: uuid('job_run_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('qc_sample_runs_shop_date').on(t.shopId, t.sampleDate)],
);

/** A session chosen for review, with its inclusion probability (for the weighted mean). */
export const qcSamples = pgTable(
  'qc_samples',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    runId: uuid('run_id')
      .notNull()
      .references(() => qcSampleRuns.id, { onDelete: 'cascade' }),
    sampleDate: date('sample_date', { mode: 'string' }).notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    sessionId: uuid('session_id').notNull(),
    sessionStartedAt: utc('session_started_at').notNull(),
    weight: doublePrecision('weight').notNull(),
    inclusionProbability: doublePrecision('inclusion_probability').notNull(),
    reason: text('reason').notNull(),
    outcomes: jsonb('outcomes').$type<string[]>().notNull().default([]),
    position: smallint('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A session is sampled once, ever.
    uniqueIndex('qc_samples_shop_session').on(t.shopId, t.sessionId),
    index('qc_samples_shop_date_agent').on(t.shopId, t.sampleDate, t.agentId),
    check('qc_samples_probability', sql`${t.inclusionProbability} > 0 and ${t.inclusionProbability} <= 1`),
  ],
);

/** A rubric version; reviews keep the version they were scored with. */
export const qcRubricVersions = pgTable(
  'qc_rubric_versions',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('qc_rubric_versions_shop_version').on(t.shopId, t.version)],
);

export const qcRubricItems = pgTable(
  'qc_rubric_items',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    rubricVersionId: uuid('rubric_version_id')
      .notNull()
      .references(() => qcRubricVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    /** The title in English, when the shop gives one (the default rubric does); `title` otherwise. */
    titleEn: text('title_en'),
    /** 'points' are earned up to max_points; 'deduction' items take up to max_points off. */
    kind: text('kind').notNull(),
    maxPoints: numeric('max_points', { precision: 5, scale: 2 }).notNull(),
    /** A critical deduction (rudeness, wrong policy promise, data leak) fails the whole review. */
    critical: boolean('critical').notNull().default(false),
    position: smallint('position').notNull(),
  },
  (t) => [
    uniqueIndex('qc_rubric_items_version_code').on(t.rubricVersionId, t.code),
    index('qc_rubric_items_shop').on(t.shopId),
    check('qc_rubric_items_kind', sql`${t.kind} in ('points', 'deduction')`),
    check(
      'qc_rubric_items_category',
      sql`${t.category} in ('话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度')`,
    ),
    check('qc_rubric_items_critical', sql`not ${t.critical} or ${t.kind} = 'deduction'`),
    check('qc_rubric_items_points', sql`${t.maxPoints} > 0 and ${t.maxPoints} <= 100`),
  ],
);

/** One reviewer's review of one session. */
export const qcReviews = pgTable(
  'qc_reviews',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    sampleId: uuid('sample_id').references(() => qcSamples.id),
    sessionId: uuid('session_id').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    sessionStartedAt: utc('session_started_at').notNull(),
    reviewerUserId: uuid('reviewer_user_id').notNull(),
    rubricVersionId: uuid('rubric_version_id')
      .notNull()
      .references(() => qcRubricVersions.id),
    totalScore: numeric('total_score', { precision: 5, scale: 2 }).notNull(),
    failed: boolean('failed').notNull().default(false),
    /** Inverse of the sample's inclusion probability; 1 for sessions reviewed outside a sample. */
    samplingWeight: doublePrecision('sampling_weight').notNull().default(1),
    status: text('status').notNull().default('submitted'),
    comment: text('comment'),
    submittedAt: utc('submitted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('qc_reviews_session_reviewer').on(t.shopId, t.sessionId, t.reviewerUserId),
    index('qc_reviews_shop_started').on(t.shopId, t.sessionStartedAt),
    index('qc_reviews_shop_agent').on(t.shopId, t.agentId),
    check('qc_reviews_total', sql`${t.totalScore} between 0 and 100`),
    check('qc_reviews_status', sql`${t.status} in ('draft', 'submitted')`),
  ],
);

export const qcReviewScores = pgTable(
  'qc_review_scores',
  {
    shopId: uuid('shop_id').notNull(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => qcReviews.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => qcRubricItems.id),
    /** Points earned, or points deducted, depending on the item's kind. */
    points: numeric('points', { precision: 5, scale: 2 }).notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.itemId] }), index('qc_review_scores_shop').on(t.shopId)],
);

/** What the reviewer found, quoted from the transcript; training reads these by category. */
export const qcFindings = pgTable(
  'qc_findings',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => qcReviews.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull(),
    itemId: uuid('item_id'),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    quote: text('quote'),
    note: text('note'),
    sessionStartedAt: utc('session_started_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('qc_findings_shop_started').on(t.shopId, t.sessionStartedAt),
    index('qc_findings_review').on(t.reviewId),
    check(
      'qc_findings_category',
      sql`${t.category} in ('话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度')`,
    ),
    check('qc_findings_severity', sql`${t.severity} in ('low', 'medium', 'high', 'critical')`),
  ],
);

/** Raised by a failed or low review; the agent's supervisor closes it with a note. */
export const qcCoachingTasks = pgTable(
  'qc_coaching_tasks',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => qcReviews.id),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    teamId: uuid('team_id').references(() => teams.id),
    supervisorAgentId: uuid('supervisor_agent_id'),
    reason: text('reason').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    overdue: boolean('overdue').notNull().default(false),
    overdueFlaggedAt: utc('overdue_flagged_at'),
    note: text('note'),
    closedBy: uuid('closed_by'),
    closedAt: utc('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('qc_coaching_tasks_review').on(t.reviewId),
    index('qc_coaching_tasks_shop_status').on(t.shopId, t.status),
    index('qc_coaching_tasks_shop_team').on(t.shopId, t.teamId),
    check('qc_coaching_tasks_status', sql`${t.status} in ('open', 'done')`),
    check('qc_coaching_tasks_reason', sql`${t.reason} in ('failed', 'below_threshold')`),
    check(
      'qc_coaching_tasks_closed_note',
      sql`${t.status} <> 'done' or (${t.note} is not null and length(trim(${t.note})) > 0)`,
    ),
  ],
);
