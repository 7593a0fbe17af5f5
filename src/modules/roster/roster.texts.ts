import { fillText, type Text } from 'src/platform/i18n/locale';
import { defineTexts, labelOf } from 'src/platform/i18n/texts';
import type { SolveProgress } from './solver';

/** Progress notes of a solve and the warnings of a roster, in the language of whoever reads them. */
export const RosterTexts = defineTexts('roster.text', {
  solving: {
    en: '{agents} agents × {days} days: building the model and searching',
    zh: '{agents} 名客服 × {days} 天：建立模型并求解',
  },
  searching: { en: 'searching for a first roster that keeps every rule', zh: '正在寻找满足全部规则的第一个排班' },
  progress: {
    en: '{phase}: objective {objective}, lower bound {bound}',
    zh: '{phase}：目标值 {objective}，下界 {bound}',
  },
  solved: { en: 'solved in {seconds} s ({stoppedBy}); storing', zh: '求解用时 {seconds} 秒（{stoppedBy}），正在保存' },
  stored: { en: '{shifts} shifts stored', zh: '已保存 {shifts} 个班次' },
  notYet: { en: 'none yet', zh: '暂无' },
  queueSkillNotHeld: {
    en: 'queue {queue}: no rostered agent has the skill {skill}; its demand is left out',
    zh: '队列“{queue}”：参与排班的客服都不具备技能“{skill}”，其需求未计入',
  },
  queueWithoutForecast: {
    en: 'queue {queue}: no completed forecast covers {from}…{to}; its demand is left out',
    zh: '队列“{queue}”：没有覆盖 {from}…{to} 的已完成预测，其需求未计入',
  },
  noRealtimeQueue: { en: 'the shop has no active real-time queue', zh: '本店没有在用的实时队列' },
  restCarried: {
    en: 'rest after {count} shift(s) of {date} in the published roster is kept on {next}',
    zh: '已发布排班中 {date} 的 {count} 个班次之后的休息时间在 {next} 得到保留',
  },
});

/** The solver's phases as a note names them. */
export const RosterPhases = defineTexts('roster.phase', {
  bound: { en: 'lower bound', zh: '计算下界' },
  price: { en: 'column generation', zh: '列生成' },
  construct: { en: 'first roster', zh: '构造初始排班' },
  windows: { en: 'improving day windows', zh: '按日窗口优化' },
  'full-mip': { en: 'exact model', zh: '精确模型' },
  improve: { en: 'local improvement', zh: '局部改进' },
  done: { en: 'done', zh: '完成' },
});

/** Why a solve ended. */
export const RosterStops = defineTexts('roster.stopped-by', {
  optimal: { en: 'proved optimal', zh: '已证明最优' },
  'time-limit': { en: 'time limit reached', zh: '达到时间上限' },
  'iteration-limit': { en: 'iteration limit reached', zh: '达到迭代上限' },
  aborted: { en: 'stopped on request', zh: '应要求停止' },
});

/** Roster states as a refusal names them. */
export const RosterStates = defineTexts('roster.state', {
  queued: { en: 'queued', zh: '排队中' },
  running: { en: 'being solved', zh: '求解中' },
  completed: { en: 'solved', zh: '已求解' },
  failed: { en: 'failed', zh: '失败' },
  draft: { en: 'a draft', zh: '草稿' },
  published: { en: 'published', zh: '已发布' },
  superseded: { en: 'superseded', zh: '已被取代' },
  missing: { en: 'missing', zh: '无' },
});

const figure = (n: number | null) => (n === null ? RosterTexts.notYet : String(Math.round(n * 10) / 10));

/** A progress note from the solver's own report. */
export function solverNote(p: SolveProgress): Text {
  return fillText(RosterTexts.progress, {
    phase: labelOf(RosterPhases, p.phase),
    objective: figure(p.objective),
    bound: figure(p.lowerBound),
  });
}
