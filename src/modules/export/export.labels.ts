import { defineTexts } from 'src/platform/i18n/texts';

/** What each export kind is, and the states of an export, as a user reads them. */
export const ExportKindLabels = defineTexts('export.kind', {
  roster: { en: 'Weekly roster: agents × days coloured by shift, coverage per slot, rule warnings', zh: '周排班表：客服 × 日期（按班次着色）、各时段覆盖、规则提示' },
  ranking: { en: 'Monthly ranking for HR: every metric and its points, total, flags, reward/penalty entries; the ineligible apart', zh: '月度绩效排名：各指标及得分、总分、标记、奖惩记录；不参与排名者单列' },
  'daily-report': { en: 'Daily report for the shop and each team, beside the same weekday last week', zh: '客服日报：全店及各小组指标，对比上周同日' },
  'qc-summary': { en: 'Daily QC summary per team: agents, sessions reviewed, scores, fails, top findings', zh: '质检日报：各小组客服的抽检会话、得分、不合格及高频问题' },
  'training-plan': { en: 'Booked training sessions of a period with their service impact, and attendance per agent', zh: '培训计划：时段内已预订的培训场次及其对服务的影响、每位客服的出勤' },
});

export const ExportStatusLabels = defineTexts('export.status', {
  queued: { en: 'queued', zh: '排队中' },
  running: { en: 'being built', zh: '生成中' },
  completed: { en: 'completed', zh: '已完成' },
  failed: { en: 'failed', zh: '失败' },
});

/** What a workbook is, as its title block names it. */
export const ExportTitles = defineTexts('export.title', {
  roster: { en: 'Weekly roster', zh: '周排班表' },
  ranking: { en: 'Monthly performance ranking', zh: '月度绩效排名' },
  'daily-report': { en: 'Daily service report', zh: '客服日报' },
  'qc-summary': { en: 'Daily QC summary', zh: '质检日报' },
  'training-plan': { en: 'Training plan', zh: '培训计划' },
});

/** A roster version's state in the title block. */
export const RosterVersionStateLabels = defineTexts('export.roster-version-state', {
  draft: { en: 'draft', zh: '草稿' },
  published: { en: 'published', zh: '已发布' },
  superseded: { en: 'superseded', zh: '已被取代' },
});

/** The roster rules a warning sheet names (the solver's rule keys). */
export const RosterRuleLabels = defineTexts('export.roster-rule', {
  'fixed-day-off': { en: 'fixed day off', zh: '固定休息日' },
  'forbidden-succession': { en: 'shift not allowed after the one before', zh: '班次衔接不允许' },
  handover: { en: 'hand-over overlap', zh: '交接重叠' },
  leave: { en: 'approved leave', zh: '已批准的请假' },
  'locked-assignment': { en: 'locked shift', zh: '锁定班次' },
  'max-consecutive-work': { en: 'most working days in a row', zh: '最多连续上班天数' },
  'max-minutes': { en: 'most minutes a week', zh: '每周最多工时' },
  'max-shifts-of-type': { en: 'most shifts of a type', zh: '同类班次上限' },
  'max-weekends': { en: 'most weekends worked', zh: '周末上班上限' },
  'max-work-days': { en: 'most working days a week', zh: '每周最多上班天数' },
  'max-days-per-week': { en: 'most working days a week', zh: '每周最多上班天数' },
  'min-consecutive-off': { en: 'fewest days off in a row', zh: '最少连续休息天数' },
  'min-consecutive-work': { en: 'fewest working days in a row', zh: '最少连续上班天数' },
  'min-minutes': { en: 'fewest minutes a week', zh: '每周最少工时' },
  'min-rest': { en: 'minimum rest between shifts', zh: '班次间最短休息' },
  'no-qualified-agent': { en: 'nobody has the skill', zh: '无人具备所需技能' },
  'one-shift-per-day': { en: 'one shift a day', zh: '每天一个班次' },
  'shift-template': { en: 'outside its shift template', zh: '不符合班次模板' },
  skill: { en: 'skill missing', zh: '缺少技能' },
  'supervisor-on-shift': { en: 'a supervisor on every shift', zh: '每班须有主管' },
  training: { en: 'booked training', zh: '已预订的培训' },
  unavailability: { en: 'unavailable', zh: '不可排班' },
  'unknown-assignment': { en: 'unknown shift', zh: '未知班次' },
});
