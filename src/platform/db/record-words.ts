import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { text, type Text } from 'src/platform/i18n/locale';
import * as schema from './schema';

/**
 * What each table holds and what each unique key compares, in the users' words: a refusal the
 * database gives (a duplicate, a missing or still-used reference) reads "Another team has the same
 * team name", never the index's name. record-words.spec.ts fails when a table or key has no words.
 */
export const tableNouns: Readonly<Record<string, Text>> = {
  shops: text('shop', '店铺'),
  teams: text('team', '团队'),
  skills: text('skill', '技能'),
  agents: text('agent', '客服'),
  agent_skills: text('agent skill', '客服技能'),
  availability: text('availability', '可排班时间'),
  leaves: text('leave', '请假'),
  users: text('user account', '用户账号'),
  login_throttles: text('sign-in lock', '登录锁定'),
  job_runs: text('job run', '任务运行'),
  queues: text('queue', '队列'),
  volume_slots: text('inquiry volume slot', '咨询量时段'),
  chat_sessions: text('chat session', '会话'),
  orders: text('order', '订单'),
  imports: text('import', '导入'),
  import_upload_chunks: text('upload part', '上传分块'),
  forecast_versions: text('forecast', '预测'),
  forecast_slots: text('forecast slot', '预测时段'),
  forecast_adjustments: text('forecast adjustment', '预测调整'),
  forecast_events: text('forecast event', '预测事件'),
  intraday_forecasts: text('intraday forecast', '日内预测'),
  intraday_forecast_slots: text('intraday forecast slot', '日内预测时段'),
  complaints: text('complaint', '投诉'),
  complaint_events: text('complaint event', '投诉记录'),
  complaint_deadline_rules: text('complaint deadline rule', '投诉时限规则'),
  complaint_routing_rules: text('complaint routing rule', '投诉分派规则'),
  qc_settings: text('QC setting', '质检设置'),
  qc_sample_runs: text('QC sample run', '质检抽样批次'),
  qc_samples: text('QC sample', '质检抽样'),
  qc_rubric_versions: text('QC rubric version', '质检评分表版本'),
  qc_rubric_items: text('QC rubric item', '质检评分项'),
  qc_reviews: text('QC review', '质检评审'),
  qc_review_scores: text('QC review score', '质检评审得分'),
  qc_findings: text('QC finding', '质检问题'),
  qc_coaching_tasks: text('coaching task', '辅导任务'),
  shift_templates: text('shift template', '班次模板'),
  rosters: text('roster', '排班表'),
  roster_versions: text('roster version', '排班表版本'),
  roster_shifts: text('rostered shift', '排班班次'),
  roster_publications: text('roster publication', '排班发布'),
  kpi_agent_days: text('agent day of KPIs', '客服日绩效'),
  kpi_import_watermarks: text('KPI import mark', '绩效导入标记'),
  kpi_revisions: text('KPI revision', '绩效修订'),
  scorecards: text('scorecard', '评分卡'),
  ranking_runs: text('ranking', '排名'),
  ranking_rows: text('ranking row', '排名行'),
  ledger_entries: text('reward or penalty entry', '奖惩记录'),
  training_requests: text('training request', '培训申请'),
  training_sessions: text('training session', '培训场次'),
  training_attendees: text('training attendee', '培训学员'),
  training_makeup_tasks: text('make-up task', '补训任务'),
  export_files: text('export', '导出'),
  agent_states: text('agent state', '客服状态'),
  notifications: text('notification', '通知'),
  open_shifts: text('open shift', '空缺班次'),
  open_shift_volunteers: text('open-shift volunteer', '空缺班次报名'),
  shift_swaps: text('shift swap', '换班'),
  time_off_requests: text('time-off request', '休假申请'),
  self_service_events: text('self-service event', '自助记录'),
};

/** Unique indexes, unique columns and composite primary keys: the fields they compare (the shop is implied). */
export const uniqueKeyWords: Readonly<Record<string, Text>> = {
  shops_code_unique: text('shop code', '店铺代码'),
  teams_shop_name: text('team name', '团队名称'),
  skills_shop_code: text('skill code', '技能代码'),
  agents_shop_employee_no: text('employee number', '工号'),
  agent_skills_agent_id_skill_id_pk: text('agent and skill', '客服和技能'),
  users_username_unique: text('username', '用户名'),
  job_runs_dedupe: text('job and day', '任务和日期'),
  job_runs_coalesce_waiting: text('waiting job of the same kind', '同类待运行任务'),
  queues_shop_code: text('queue code', '队列代码'),
  volume_slots_queue_id_slot_start_pk: text('queue and slot start', '队列和时段开始时间'),
  chat_sessions_shop_external: text('external session id', '会话外部编号'),
  orders_shop_external: text('order number', '订单号'),
  import_upload_chunks_upload_id_seq_pk: text('upload and part number', '上传和分块序号'),
  forecast_versions_queue_night: text('queue and night', '队列和夜间日期'),
  forecast_slots_version_id_slot_start_pk: text('forecast and slot start', '预测和时段开始时间'),
  intraday_forecasts_queue_day: text('queue and day', '队列和日期'),
  intraday_forecast_slots_intraday_id_slot_start_pk: text('forecast and slot start', '预测和时段开始时间'),
  complaints_shop_external: text('external complaint id', '投诉外部编号'),
  complaint_deadline_rules_shop_id_category_severity_pk: text('category and severity', '类别和严重程度'),
  complaint_routing_rules_shop_id_category_pk: text('category', '类别'),
  qc_sample_runs_shop_date: text('sample date', '抽样日期'),
  qc_samples_shop_session: text('chat session', '会话'),
  qc_rubric_versions_shop_version: text('version number', '版本号'),
  qc_rubric_items_version_code: text('rubric version and item code', '评分表版本和评分项代码'),
  qc_reviews_session_reviewer: text('chat session and reviewer', '会话和评审人'),
  qc_review_scores_review_id_item_id_pk: text('review and rubric item', '评审和评分项'),
  qc_coaching_tasks_review: text('QC review', '质检评审'),
  shift_templates_shop_code: text('shift code', '班次代码'),
  roster_versions_roster_version: text('roster and version number', '排班表和版本号'),
  roster_shifts_version_id_agent_id_day_pk: text('version, agent and day', '版本、客服和日期'),
  roster_publications_shop_id_week_start_agent_id_pk: text('week and agent', '周和客服'),
  kpi_agent_days_shop_id_day_agent_id_pk: text('day and agent', '日期和客服'),
  scorecards_shop_name: text('scorecard name', '评分卡名称'),
  ranking_runs_version: text('scorecard, month and version', '评分卡、月份和版本'),
  ranking_rows_run_id_agent_id_pk: text('ranking and agent', '排名和客服'),
  ledger_entries_rule: text('ranking, agent and rule', '排名、客服和规则'),
  training_attendees_session_id_agent_id_pk: text('training session and agent', '培训场次和客服'),
  training_makeup_tasks_session_agent: text('training session and agent', '培训场次和客服'),
  agent_states_shop_id_agent_id_started_at_pk: text('agent and start time', '客服和开始时间'),
  open_shift_volunteers_once: text('open shift and agent', '空缺班次和客服'),
};

const SOME_RECORD = text('record', '记录');
const SOME_KEY = text('key', '键值');

/** A table's noun; an unlisted one (never, by the spec) reads as "record". */
export const tableNoun = (table: string | undefined): Text => (table && tableNouns[table]) || SOME_RECORD;

/** The fields a unique key compares; a single-column primary key (`<table>_pkey`) is the identifier. */
export function uniqueKeyOf(constraint: string | undefined): Text {
  if (constraint && uniqueKeyWords[constraint]) return uniqueKeyWords[constraint];
  return constraint?.endsWith('_pkey') ? text('identifier', '标识') : SOME_KEY;
}

let referenced: Map<string, string> | undefined;

/** The table a foreign key points to, read from the schema once. */
export function referencedTable(foreignKey: string | undefined): string | undefined {
  if (!referenced) {
    referenced = new Map();
    for (const table of Object.values(schema)) {
      if (!(table instanceof PgTable)) continue;
      for (const fk of getTableConfig(table).foreignKeys)
        referenced.set(fk.getName(), getTableConfig(fk.reference().foreignTable).name);
    }
  }
  return foreignKey ? referenced.get(foreignKey) : undefined;
}
