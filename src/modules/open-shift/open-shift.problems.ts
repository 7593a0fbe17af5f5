import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of open shifts (the rules every self-service request shares are in self-service.problems). */
export const OpenShiftProblems = defineProblems('open-shift', {
  notFound: { status: 404, en: 'Open shift not found', zh: '未找到该空缺班次' },
  dateOutsideWeek: {
    status: 400,
    en: '{date} is not in the roster’s week {from} to {to}',
    zh: '{date} 不在该排班周 {from} 至 {to} 内',
  },
  unknownTemplate: { status: 400, en: 'No shift template {template}', zh: '没有班次模板 {template}' },
  notOnRoster: {
    status: 409,
    en: '{shift} on {date} is open to the teams of its roster; {agent}’s week is rostered elsewhere',
    zh: '{date} 的{shift}只对该排班表的团队开放，{agent}的排班不在其中',
  },
  notVolunteered: {
    status: 409,
    en: '{agent} has not volunteered for {shift} on {date}',
    zh: '{agent}没有报名 {date} 的{shift}',
  },
});
