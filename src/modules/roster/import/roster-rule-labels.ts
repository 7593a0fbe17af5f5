import { defineTexts } from 'src/platform/i18n/texts';

/** The roster rules by the solver's keys, as the export's warnings and the import's refusals name them. */
export const RosterRuleLabels = defineTexts('roster.rule-name', {
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

/** What a rule of the whole week (no day of its own) names where a broken rule names its dates. */
export const WholeWeek = defineTexts('roster.rule-span', { week: { en: 'the week', zh: '本周' } });
