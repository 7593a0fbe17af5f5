import { fillText, type Text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import type { RosterShift } from './roster.repository';
import type { RosterWeek } from './roster-week';
import type { RosterAgent, RosterProblem, ShiftType } from './solver';

export const DAYPARTS = ['night', 'morning', 'afternoon', 'evening'] as const;
export type Daypart = (typeof DAYPARTS)[number];
/** Local clock range of each daypart (minutes after midnight). */
const DAYPART_MINUTES: Record<Daypart, [number, number]> = {
  night: [0, 360],
  morning: [360, 720],
  afternoon: [720, 1080],
  evening: [1080, 1440],
};

export const UnderCoverTexts = defineTexts('roster.under-cover', {
  night: { en: 'night (00:00–06:00)', zh: '夜间（00:00–06:00）' },
  morning: { en: 'morning (06:00–12:00)', zh: '上午（06:00–12:00）' },
  afternoon: { en: 'afternoon (12:00–18:00)', zh: '下午（12:00–18:00）' },
  evening: { en: 'evening (18:00–24:00)', zh: '晚间（18:00–24:00）' },
  anySkill: { en: 'any skill', zh: '任意技能' },
  missing: {
    en: '{date} {daypart}: {hours} agent-hours of {skill} missing',
    zh: '{date}{daypart}：{skill}缺少 {hours} 人·小时',
  },
  onlyFewMayWork: {
    en: 'only {count} agents with {skill} may work then (leave, days off, unavailability, shift templates); up to {required} are needed',
    zh: '当时只有 {count} 名具备{skill}的客服可以上班（受休假、休息日、不可排班时段、班次模板所限），而最多需要 {required} 名',
  },
  contractsShort: {
    en: 'by contract, agents with {skill} may work at most {max} h this week; the demand is {need} agent-hours',
    zh: '按合同，具备{skill}的客服本周最多工作 {max} 小时，而需求为 {need} 人·小时',
  },
  allOnShift: {
    en: 'all {count} agents with {skill} who may work then are on shift that day',
    zh: '当时可以上班的 {count} 名具备{skill}的客服当天都已在班',
  },
});

export type CoverRow = {
  skill: string | null;
  date: string;
  local: string;
  required: number;
  scheduled: number;
  gap: number;
};

export type UnderCover = {
  date: string;
  daypart: Daypart;
  skill: string | null;
  skillName: string | Text;
  /** Agent-hours short over the daypart (each slot's missing agents × its length). */
  missingAgentHours: number;
  /** The most agents short in one slot of it. */
  peakShort: number;
  /** Why it cannot be filled, when one rule binds (`only-few-may-work`, `contracts-short`, `all-on-shift`); else null. */
  reasonCode: 'only-few-may-work' | 'contracts-short' | 'all-on-shift' | null;
  message: Text;
  reason: Text | null;
};

const daypartOf = (local: string): Daypart => {
  const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  return DAYPARTS.find((p) => minutes >= DAYPART_MINUTES[p][0] && minutes < DAYPART_MINUTES[p][1])!;
};

const hours = (n: number) => Math.round(n * 10) / 10;

/** Spans (start, end) a template may take, in local minutes after its start day's midnight. */
function spans(t: ShiftType): [number, number][] {
  const starts = t.startMinutes !== undefined ? [t.startMinutes] : [t.startWindow!.earliest, t.startWindow!.latest];
  const length = t.lengthMinutes ?? t.lengthWindow!.max;
  return starts.map((s) => [s, s + length]);
}

/**
 * Whether an agent could work some shift overlapping the daypart of `day` (leave, days off,
 * whole-day or covering unavailability aside). Leave over part of a day bars every shift that
 * overlaps it, as the rule engine does: an agent off 14:00–18:00 may not take an early shift
 * running to 17:00, so does not count as able in the afternoon through that shift.
 */
function mayWork(agent: RosterAgent, types: ShiftType[], day: number, part: Daypart): boolean {
  const [from, to] = DAYPART_MINUTES[part];
  const closed = (d: number) => (agent.leaveDays ?? []).includes(d) || (agent.fixedDaysOff ?? []).includes(d);
  const blocked = (d: number, a: number, b: number) =>
    (agent.unavailable ?? []).some((u) => u.day === d && (u.fromMinutes ?? 0) <= a && (u.toMinutes ?? 1440) >= b);
  // Minutes from the week's first midnight (local clock): a shift starting on `start` against each part of leave.
  const onLeave = (start: number, s: number, e: number) =>
    (agent.leaveParts ?? []).some(
      (l) => start * 1440 + s < l.day * 1440 + l.toMinutes && l.day * 1440 + l.fromMinutes < start * 1440 + e,
    );
  return types.some(
    (t) =>
      agent.contract.maxShiftsByType?.[t.id] !== 0 &&
      [day - 1, day].some((start) =>
        spans(t).some(([s, e]) => {
          const a = Math.max(from, s + (start - day) * 1440);
          const b = Math.min(to, e + (start - day) * 1440);
          if (a >= b || closed(start) || (e > 1440 && closed(start + 1)) || onLeave(start, s, e)) return false;
          return !blocked(day, a, b) && !blocked(start, s, Math.min(e, 1440));
        }),
      ),
  );
}

/**
 * Under-cover a manager can act on: per day, daypart and skill the agent-hours missing, and the
 * rule that binds when one does (too few agents may work then, contracts too short for the week,
 * everyone who may work then already on shift).
 */
export function underCover(
  problem: RosterProblem,
  week: RosterWeek,
  coverage: CoverRow[],
  shifts: RosterShift[],
  skillNames: Map<string, string>,
  slotMinutes: number,
): UnderCover[] {
  const groups = new Map<
    string,
    { date: string; daypart: Daypart; skill: string | null; missing: number; peakShort: number; peakRequired: number }
  >();
  for (const c of coverage) {
    const daypart = daypartOf(c.local);
    const key = `${c.date}|${daypart}|${c.skill ?? ''}`;
    const g = groups.get(key) ?? { date: c.date, daypart, skill: c.skill, missing: 0, peakShort: 0, peakRequired: 0 };
    g.peakRequired = Math.max(g.peakRequired, c.required);
    if (c.gap < 0) {
      g.missing += (-c.gap * slotMinutes) / 60;
      g.peakShort = Math.max(g.peakShort, -c.gap);
    }
    groups.set(key, g);
  }
  // Indexed once: a week has hundreds of groups and shifts, and the same agent-day-daypart is asked per skill.
  const onShift = new Set(shifts.map((s) => `${s.agentId}/${s.day}`));
  const mayWorkThen = new Map<string, boolean>();
  const ableThen = (a: RosterAgent, day: number, part: Daypart) => {
    const key = `${a.id}/${day}/${part}`;
    if (!mayWorkThen.has(key)) mayWorkThen.set(key, mayWork(a, problem.shiftTypes, day, part));
    return mayWorkThen.get(key)!;
  };
  const requiredHours = new Map<string, number>();
  for (const c of coverage)
    requiredHours.set(c.skill ?? '', (requiredHours.get(c.skill ?? '') ?? 0) + (c.required * slotMinutes) / 60);
  return [...groups.values()]
    .filter((g) => g.missing > 0)
    .map((g) => {
      const day = week.dayOf(g.date);
      const skillName = g.skill === null ? UnderCoverTexts.anySkill : (skillNames.get(g.skill) ?? g.skill);
      const holders = problem.agents.filter((a) => g.skill === null || a.skills.includes(g.skill));
      const able = holders.filter((a) => ableThen(a, day, g.daypart));
      const contractHours = holders.reduce((sum, a) => sum + a.contract.maxMinutes / 60, 0);
      const need = requiredHours.get(g.skill ?? '') ?? 0;
      const working = able.filter((a) => onShift.has(`${a.id}/${day}`));
      let reasonCode: UnderCover['reasonCode'] = null;
      let reason: Text | null = null;
      if (able.length < g.peakRequired) {
        reasonCode = 'only-few-may-work';
        reason = fillText(UnderCoverTexts.onlyFewMayWork, {
          count: able.length,
          skill: skillName,
          required: g.peakRequired,
        });
      } else if (contractHours < need) {
        reasonCode = 'contracts-short';
        reason = fillText(UnderCoverTexts.contractsShort, {
          skill: skillName,
          max: hours(contractHours),
          need: hours(need),
        });
      } else if (able.length > 0 && working.length === able.length) {
        reasonCode = 'all-on-shift';
        reason = fillText(UnderCoverTexts.allOnShift, { count: able.length, skill: skillName });
      }
      const message = fillText(UnderCoverTexts.missing, {
        date: g.date,
        daypart: UnderCoverTexts[g.daypart],
        hours: hours(g.missing),
        skill: skillName,
      });
      return {
        date: g.date,
        daypart: g.daypart,
        skill: g.skill,
        skillName,
        missingAgentHours: hours(g.missing),
        peakShort: g.peakShort,
        reasonCode,
        message,
        reason,
      };
    })
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        DAYPARTS.indexOf(a.daypart) - DAYPARTS.indexOf(b.daypart) ||
        (a.skill ?? '').localeCompare(b.skill ?? ''),
    );
}
