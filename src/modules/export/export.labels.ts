import { defineTexts } from 'src/platform/i18n/texts';

/** What each export kind is, and the states of an export, as a user reads them. */
export const ExportKindLabels = defineTexts('export.kind', {
  roster: {
    en: 'Weekly roster: agents × days coloured by shift, coverage per slot, rule warnings',
    zh: '周排班表：客服 × 日期（按班次着色）、各时段覆盖、规则提示',
  },
  ranking: {
    en: 'Monthly ranking for HR: every metric and its points, total, flags, reward/penalty entries; the ineligible apart',
    zh: '月度绩效排名：各指标及得分、总分、标记、奖惩记录；不参与排名者单列',
  },
  'daily-report': {
    en: 'Daily report for the shop and each team, beside the same weekday last week',
    zh: '客服日报：全店及各小组指标，对比上周同日',
  },
  'qc-summary': {
    en: 'Daily QC summary per team: agents, sessions reviewed, scores, fails, top findings',
    zh: '质检日报：各小组客服的抽检会话、得分、不合格及高频问题',
  },
  'training-plan': {
    en: 'Booked training sessions of a period with their service impact, and attendance per agent',
    zh: '培训计划：时段内已预订的培训场次及其对服务的影响、每位客服的出勤',
  },
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
