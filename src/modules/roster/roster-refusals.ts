import { fillText, text, type Text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import type { AgentName } from './agent-name';
import type { RosterShift } from './roster.repository';
import { clockText, type RosterWeek } from './roster-week';
import type { ShiftTemplate } from './shift-template.repository';
import type { RosterRuleViolation } from './solver';

/**
 * Each hard rule as a manager words it, with its numbers. The keys are the rules' stable codes
 * (`errors[].code` of a refused edit or publication); documented in OpenAPI from this list.
 */
export const RosterRuleTexts = defineTexts('roster.rule', {
  leave: { en: 'on approved leave that day', zh: '当天已批准休假' },
  'leave-part': { en: 'overlaps approved leave {date} {from}–{to}', zh: '与已批准的休假 {date} {from}–{to} 重叠' },
  'leave-next-day': {
    en: 'the shift runs into {date}, a day of approved leave',
    zh: '班次延续到 {date}，当天已批准休假',
  },
  'fixed-day-off': { en: 'a fixed day off', zh: '当天为固定休息日' },
  'fixed-day-off-next-day': {
    en: 'the shift runs into {date}, a fixed day off',
    zh: '班次延续到 {date}，当天为固定休息日',
  },
  unavailability: { en: 'unavailable {date} {from}–{to}', zh: '{date} {from}–{to} 不可排班' },
  'min-rest-after': {
    en: 'rest {rest} h < {min} h after {other}',
    zh: '{other} 之后仅休息 {rest} 小时，少于 {min} 小时',
  },
  'min-rest-before': {
    en: 'rest {rest} h < {min} h before {other}',
    zh: '距 {other} 仅休息 {rest} 小时，少于 {min} 小时',
  },
  training: {
    en: 'a break falls in booked training {title} {from}–{to}',
    zh: '休息时间落在已预订的培训“{title}” {from}–{to} 内',
  },
  'locked-day-off': { en: 'the day is locked as a day off', zh: '该日已锁定为休息日' },
  'locked-assignment': { en: 'the day is locked to {shift}', zh: '该日已锁定为{shift}' },
  skill: { en: 'lacks the skill {skill}', zh: '不具备技能“{skill}”' },
  'forbidden-succession': {
    en: '{shift} may not be followed by {next} the next day',
    zh: '{shift}之后次日不得接{next}',
  },
  'max-shifts-of-type': {
    en: '{count} × {shift} > {limit} allowed in the week',
    zh: '本周{shift} {count} 次，超过上限 {limit} 次',
  },
  'min-minutes': {
    en: '{count} h < {limit} h the contract asks for in the week',
    zh: '本周工时 {count} 小时，少于合同要求的 {limit} 小时',
  },
  'max-minutes': {
    en: '{count} h > {limit} h the contract allows in the week',
    zh: '本周工时 {count} 小时，超过合同上限 {limit} 小时',
  },
  'max-work-days': { en: '{count} working days > {limit} a week', zh: '本周上班 {count} 天，超过上限 {limit} 天' },
  'max-days-per-week': { en: '{count} working days > {limit} a week', zh: '本周上班 {count} 天，超过上限 {limit} 天' },
  'max-consecutive-work': {
    en: '{count} working days in a row > {limit}',
    zh: '连续上班 {count} 天，超过上限 {limit} 天',
  },
  'min-consecutive-work': {
    en: '{count} working day(s) in a row < {limit}',
    zh: '连续上班 {count} 天，少于下限 {limit} 天',
  },
  'min-consecutive-off': {
    en: '{count} day(s) off in a row < {limit}',
    zh: '连续休息 {count} 天，少于下限 {limit} 天',
  },
  'max-weekends': { en: '{count} weekends worked > {limit}', zh: '上班 {count} 个周末，超过上限 {limit} 个' },
  'supervisor-on-shift': { en: 'no supervisor on {shift}', zh: '{shift}没有主管在岗' },
  'shift-template': {
    en: 'the shift does not fit its template {shift} (start, length or breaks)',
    zh: '班次不符合模板{shift}（开始时间、时长或休息）',
  },
  'one-shift-per-day': { en: 'more than one shift that day', zh: '当天有多个班次' },
  'unknown-assignment': {
    en: 'the shift names a template, agent or day not in this roster',
    zh: '班次引用了本排班表中不存在的模板、客服或日期',
  },
  other: { en: 'the rule {rule} is broken', zh: '违反规则 {rule}' },
});

/** A rule's finer reasons (their `errors[].code` stays the rule's own). */
const RuleDetails = defineTexts('roster.rule-detail', {
  breakOutsideWindow: {
    en: 'the {break} break at {at} starts {offset} min after the start of {shift} (time lived, also on the night the clocks change); it must start {earliest}–{latest} min after',
    zh: '{shift}的“{break}”休息于 {at} 开始，实际距上班 {offset} 分钟（按实际经过的时间计，时钟调整之夜亦然）；须在上班后 {earliest}–{latest} 分钟内开始',
  },
});

/** Who, when and which shift a broken rule is about, before the rule itself. */
const Frames = defineTexts('roster.violation', {
  shift: { en: '{agent}, {date} {shift}: {rule}', zh: '{agent}，{date} {shift}：{rule}' },
  day: { en: '{agent}, {date}: {rule}', zh: '{agent}，{date}：{rule}' },
  week: { en: '{agent}: {rule}', zh: '{agent}：{rule}' },
  shop: { en: '{date}: {rule}', zh: '{date}：{rule}' },
});

/** What a refusal names things with. */
export type RefusalContext = {
  week: RosterWeek;
  agents: AgentName[];
  templates: ShiftTemplate[];
  /** The roster as it would be (the edit applied), for the shift of the agent-day named. */
  shifts: RosterShift[];
  skillNames: Map<string, string>;
};

const COUNTED = new Set([
  'max-shifts-of-type',
  'min-minutes',
  'max-minutes',
  'max-work-days',
  'max-days-per-week',
  'max-consecutive-work',
  'min-consecutive-work',
  'min-consecutive-off',
  'max-weekends',
]);
const hours = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** Renders the rules of one roster week with names, dates and times. */
export class RosterRefusals {
  private readonly templates: Map<string, ShiftTemplate>;
  private readonly agents: Map<string, AgentName>;
  private readonly shifts: Map<string, RosterShift>;

  constructor(private readonly c: RefusalContext) {
    this.templates = new Map(c.templates.map((t) => [t.id, t]));
    this.agents = new Map(c.agents.map((a) => [a.id, a]));
    this.shifts = new Map(c.shifts.map((s) => [`${s.agentId}/${s.day}`, s]));
  }

  /** "王芳 (CS0002)": the name and the employee number. */
  agent(id: string): Text {
    const a = this.agents.get(id);
    return a
      ? text(`${a.name} (${a.employeeNo})`, `${a.name}（${a.employeeNo}）`)
      : text('an agent no longer in the shop', '已不在本店的客服');
  }

  private date(day: number): string {
    // Day −1 and `days` are the neighbouring weeks' (a night shift before, leave after).
    return day >= 0 && day < this.c.week.days ? this.c.week.dates[day] : this.c.week.midnight(day).toISODate()!;
  }

  private templateName(id: string): string {
    const t = this.templates.get(id);
    return t ? t.name : id;
  }

  /** "夜班 23:00–08:00": the template's name and the local start and end. */
  shiftText(typeId: string, day: number, startMinutes: number, lengthMinutes: number): string {
    const { endsAt } = this.c.week.span(day, startMinutes, lengthMinutes);
    return `${this.templateName(typeId)} ${clockText(startMinutes % 1440)}–${clockText(this.c.week.localParts(endsAt).minutes)}`;
  }

  private shiftOf(agentId: string, day: number): string | null {
    const s = this.shifts.get(`${agentId}/${day}`);
    return s ? this.shiftText(s.shiftTemplateId, s.day, s.startMinutes, s.lengthMinutes) : null;
  }

  /** The rule itself with its numbers. */
  rule(v: RosterRuleViolation): Text {
    const f = v.facts ?? {};
    const day = v.days[0] ?? -1;
    const r = RosterRuleTexts;
    // Rules found before the engine gave their numbers (stored rosters, infeasibilities) are named by their code.
    if (COUNTED.has(v.rule) && f.count === undefined) return fillText(r.other, { rule: v.rule });
    switch (v.rule) {
      case 'leave':
      case 'fixed-day-off': {
        if (v.rule === 'leave' && f.leaveDay !== undefined)
          return fillText(r['leave-part'], {
            date: this.date(num(f.leaveDay)),
            from: clockText(num(f.fromMinutes)),
            to: clockText(num(f.toMinutes)),
          });
        const closed = num(f.closedDay ?? day);
        if (closed === day) return r[v.rule];
        return fillText(r[`${v.rule}-next-day`], { date: this.date(closed) });
      }
      case 'unavailability':
        return fillText(r.unavailability, {
          date: this.date(num(f.unavailableDay ?? day)),
          from: clockText(num(f.fromMinutes ?? 0)),
          to: clockText(num(f.toMinutes ?? 1440)),
        });
      case 'min-rest': {
        if (f.otherDay === undefined) return fillText(r.other, { rule: v.rule });
        const otherDay = num(f.otherDay);
        const other = `${this.date(otherDay)} ${this.shiftText(String(f.otherShift), otherDay, num(f.otherStartMinutes), num(f.otherLengthMinutes))}`;
        return fillText(otherDay < day ? r['min-rest-after'] : r['min-rest-before'], {
          rest: hours(num(f.restMinutes)),
          min: hours(num(f.minRestMinutes)),
          other,
        });
      }
      case 'training':
        return fillText(r.training, {
          title: String(f.activity ?? ''),
          from: clockText(num(f.fromMinutes) % 1440),
          to: clockText(num(f.toMinutes) % 1440),
        });
      case 'locked-assignment':
        return f.lockedShift
          ? fillText(r['locked-assignment'], { shift: this.templateName(String(f.lockedShift)) })
          : r['locked-day-off'];
      case 'skill': {
        const skill = this.shifts.get(`${v.agentIds[0]}/${day}`)?.skill ?? '';
        return fillText(r.skill, { skill: this.c.skillNames.get(skill) ?? skill });
      }
      case 'forbidden-succession':
        return fillText(r[v.rule], {
          shift: this.templateName(String(f.shift)),
          next: this.templateName(String(f.next)),
        });
      case 'max-shifts-of-type':
        return fillText(r[v.rule], { count: f.count, limit: f.limit, shift: this.templateName(String(f.shift)) });
      case 'min-minutes':
      case 'max-minutes':
        return fillText(r[v.rule], { count: hours(num(f.count)), limit: hours(num(f.limit)) });
      case 'max-work-days':
      case 'max-days-per-week':
      case 'max-consecutive-work':
      case 'min-consecutive-work':
      case 'min-consecutive-off':
      case 'max-weekends':
        return fillText(r[v.rule], { count: f.count, limit: f.limit });
      case 'supervisor-on-shift':
        return fillText(r[v.rule], { shift: this.templateName(String(f.shift ?? '')) });
      case 'shift-template': {
        const s = this.shifts.get(`${v.agentIds[0]}/${day}`);
        const shift = s ? this.templateName(s.shiftTemplateId) : '';
        if (f.offsetMinutes !== undefined && f.clockMinutes !== null && f.minutes === f.ruleMinutes)
          return fillText(RuleDetails.breakOutsideWindow, {
            break: String(f.breakName),
            at: clockText(num(f.clockMinutes) % 1440),
            offset: num(f.offsetMinutes),
            shift,
            earliest: num(f.earliest),
            latest: num(f.latest),
          });
        return fillText(r[v.rule], { shift });
      }
      case 'one-shift-per-day':
      case 'unknown-assignment':
        return r[v.rule];
      default:
        return fillText(r.other, { rule: v.rule });
    }
  }

  /** One broken rule: who, the date and shift it concerns, and the rule with its numbers. */
  describe(v: RosterRuleViolation): Text {
    const rule = this.rule(v);
    const day = v.days[0] as number | undefined;
    if (v.agentIds.length === 0)
      return day === undefined ? rule : fillText(Frames.shop, { date: this.date(day), rule });
    const agent = v.agentIds.map((id) => this.agent(id));
    if (day === undefined) return fillText(Frames.week, { agent, rule });
    const shift = v.agentIds.length === 1 ? this.shiftOf(v.agentIds[0], day) : null;
    return shift
      ? fillText(Frames.shift, { agent, date: this.date(day), shift, rule })
      : fillText(Frames.day, { agent, date: this.date(day), rule });
  }
}
