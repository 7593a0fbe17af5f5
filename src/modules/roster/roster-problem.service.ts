import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { fillText, type Text } from 'src/platform/i18n/locale';
import { RosterProblems } from './roster.problems';
import { RosterTexts } from './roster.texts';
import type { Shop } from 'src/modules/org/shop.repository';
import type { CreateRosterBody } from './roster.dto';
import { RosterDemandService } from './roster-demand.service';
import { AvailabilityRow, RosterAgentRow, RosterInputReads } from './roster-input.reads';
import { LeaveRow, leaveOfWeek, minMinutesAfterLeave } from './roster-leave';
import { clockMinutes, RosterWeek } from './roster-week';
import { addDays } from 'src/platform/time/calendar-date';
import { RosterActivityReads } from './roster-activity.reads';
import { NeighbourWeek, withActivities, withNeighbours } from './roster-carry';
import { RosterRepository } from './roster.repository';
import { ShiftTemplate } from './shift-template.repository';
import { ShiftTemplateService } from './shift-template.service';
import type { DayCover, LockedAssignment, RosterAgent, RosterProblem, ShiftType } from './solver';

const DAYS = 7;
/** Soft terms a request or an uneven share costs, next to ten per agent-slot short. */
const REQUEST_WEIGHT = 5;
const FAIRNESS_WEIGHT = 2;

export type BuiltProblem = { problem: RosterProblem; warnings: Text[] };

/** Minutes a shift of the template counts towards the contract (unpaid breaks do not). */
export function countedMinutes(t: ShiftTemplate): number {
  return (
    t.lengthMinutes -
    t.breaks.filter((b) => !b.paid && t.lengthMinutes >= b.minShiftMinutes).reduce((sum, b) => sum + b.minutes, 0)
  );
}

export function shiftTypeOf(t: ShiftTemplate): ShiftType {
  return {
    id: t.id,
    ...(t.startMinutes !== null
      ? { startMinutes: t.startMinutes }
      : { startWindow: { earliest: t.startEarliest!, latest: t.startLatest! } }),
    lengthMinutes: t.lengthMinutes,
    breaks: t.breaks,
    late: t.late,
  };
}

/**
 * The solver's problem for one week, from the organisation (agents, skills, contracts, approved
 * leave, availability, team supervisors), the shop's shift templates, the demand (staffing or day
 * cover), hand locks, and the rest owed after the previous week's published shifts.
 */
@Injectable()
export class RosterProblemService {
  constructor(
    private readonly input: RosterInputReads,
    private readonly templates: ShiftTemplateService,
    private readonly demand: RosterDemandService,
    private readonly rosters: RosterRepository,
    private readonly activities: RosterActivityReads,
  ) {}

  async build(actor: Actor, shop: Shop, body: CreateRosterBody): Promise<BuiltProblem> {
    const week = new RosterWeek(body.weekStart, shop.timeZone, DAYS);
    if (body.teamIds) {
      const found = new Set(await this.input.teamIds(actor.shopId, body.teamIds));
      const missing = body.teamIds.findIndex((t) => !found.has(t));
      if (missing >= 0) throw RosterProblems.teamNotFound({ field: `teamIds.${missing}` });
    }
    const rows = await this.input.agents(actor.shopId, body.teamIds);
    if (rows.length === 0) throw RosterProblems.noAgents.at('teamIds');
    const templates = await this.templates.active(actor.shopId);
    if (templates.length === 0) throw RosterProblems.noTemplates();
    const byCode = new Map(templates.map((t) => [t.code, t]));
    const ids = rows.map((r) => r.id);
    // The day after the week too: a Sunday night shift may not run into Monday's leave or unavailability.
    const dayAfter = addDays(body.weekStart, DAYS);
    const [supervisors, leave, availability] = await Promise.all([
      this.input.teamSupervisorIds(actor.shopId),
      this.input.approvedLeave(actor.shopId, ids, body.weekStart, dayAfter),
      this.input.availability(actor.shopId, ids, body.weekStart, dayAfter),
    ]);
    const longest = Math.max(...templates.map(countedMinutes));
    const minRestMinutes = Math.max(...rows.map((r) => r.minRestHours)) * 60;
    const agents = rows.map((r) =>
      this.agentOf(
        r,
        week,
        leave.filter((l) => l.agentId === r.id),
        availability.filter((a) => a.agentId === r.id),
        supervisors.includes(r.id),
        longest,
      ),
    );
    const warnings: Text[] = [];
    let problem: RosterProblem = {
      horizon: { startDate: body.weekStart, days: DAYS, timeZone: shop.timeZone, slotMinutes: shop.slotMinutes },
      shiftTypes: templates.map(shiftTypeOf),
      agents,
      locked: this.locks(body, week, new Set(ids), byCode),
      rules: {
        minRestMinutes,
        supervisorOnEveryShift: body.supervisorOnEveryShift,
        ...(body.handoverMinutes !== undefined ? { handoverMinutes: body.handoverMinutes } : {}),
      },
      weights: { lateFairness: FAIRNESS_WEIGHT, weekendFairness: FAIRNESS_WEIGHT },
    };
    if (body.demand === 'day-cover') {
      problem.dayCover = this.dayCover(body, byCode);
    } else {
      const skillsHeld = new Set(rows.flatMap((r) => r.skills));
      const { demand, warnings: demandWarnings } = await this.demand.slotDemand(
        actor,
        week,
        shop.slotMinutes,
        skillsHeld,
      );
      problem.slotDemand = demand;
      warnings.push(...demandWarnings);
    }
    problem = await this.upToDate(actor.shopId, problem, week);
    const carried = (problem.neighbourShifts ?? []).filter((n) => n.day < 0).length;
    if (carried)
      warnings.push(
        fillText(RosterTexts.restCarried, { count: carried, date: addDays(body.weekStart, -1), next: body.weekStart }),
      );
    return { problem, warnings };
  }

  /**
   * A stored problem with what other weeks and other modules say now: the published truth of the
   * weeks before and after (runs, rest, cover of the first hours) and booked training. Checked again
   * on every edit and at publishing, since those may have changed since the week was solved.
   */
  async upToDate(
    shopId: string,
    problem: RosterProblem,
    week = new RosterWeek(problem.horizon.startDate, problem.horizon.timeZone, problem.horizon.days),
  ): Promise<RosterProblem> {
    const ids = problem.agents.map((a) => a.id);
    const [before, after, activities] = await Promise.all([
      this.neighbourWeek(shopId, addDays(week.weekStart, -7), ids),
      this.neighbourWeek(shopId, addDays(week.weekStart, week.days), ids),
      this.activities.during(shopId, ids, week.midnight(-1).toJSDate(), week.midnight(week.days + 1).toJSDate()),
    ]);
    return withActivities(withNeighbours(problem, week, before, after), week, activities);
  }

  /**
   * Approved leave of some agents as it is now, and the contract minimum it lowers: leave granted
   * after the week was solved (a self-service approval) must count when the freed shift is checked.
   */
  async withLeaveNow(
    shopId: string,
    problem: RosterProblem,
    week: RosterWeek,
    agentIds: string[],
    extra: LeaveRow[] = [],
  ): Promise<RosterProblem> {
    const ids = new Set(agentIds);
    const [rows, leave] = await Promise.all([
      this.input.agents(shopId),
      this.input.approvedLeave(shopId, agentIds, week.weekStart, addDays(week.weekStart, week.days)),
    ]);
    leave.push(...extra);
    const byId = new Map(rows.filter((r) => ids.has(r.id)).map((r) => [r.id, r]));
    const agents = problem.agents.map((a) => {
      const row = byId.get(a.id);
      if (!row) return a;
      const own = leave.filter((l) => l.agentId === a.id);
      const { leaveDays, leaveParts } = leaveOfWeek(week, own);
      const minMinutes = minMinutesAfterLeave(row, week, own, a.contract.maxMinutes);
      return { ...a, leaveDays, leaveParts, contract: { ...a.contract, minMinutes } };
    });
    return { ...problem, agents };
  }

  private async neighbourWeek(shopId: string, weekStart: string, agentIds: string[]): Promise<NeighbourWeek> {
    const [publications, shifts] = await Promise.all([
      this.rosters.publications(shopId, weekStart, agentIds),
      this.rosters.published(shopId, agentIds, weekStart, addDays(weekStart, 6)),
    ]);
    return { rostered: new Set(publications.map((p) => p.agentId)), shifts };
  }

  /**
   * The contract over the week. Leave lowers the minimum by the minutes it stands for; the most days
   * a week is the solver's `maxWorkDays` (and caps the minutes at that many of the longest shift).
   */
  private agentOf(
    r: RosterAgentRow,
    week: RosterWeek,
    leave: LeaveRow[],
    availability: AvailabilityRow[],
    leadsTeam: boolean,
    longest: number,
  ): RosterAgent {
    // The week's days and the day after it (leave and unavailability there bar a night shift running into it).
    const dates = [...week.dates, addDays(week.weekStart, week.days)];
    const { leaveDays, leaveParts } = leaveOfWeek(week, leave);
    const maxMinutes = Math.min(r.maxWeekMinutes, r.maxDaysPerWeek * longest);
    const minMinutes = minMinutesAfterLeave(r, week, leave, maxMinutes);
    const agent: RosterAgent = {
      id: r.id,
      skills: r.skills,
      supervisor: r.isSupervisor || leadsTeam,
      contract: {
        minMinutes,
        maxMinutes,
        ...(r.maxDaysPerWeek < DAYS ? { maxConsecutiveWorkDays: r.maxDaysPerWeek, maxWorkDays: r.maxDaysPerWeek } : {}),
      },
      leaveDays,
      ...(leaveParts.length ? { leaveParts } : {}),
      unavailable: [],
      requests: [],
    };
    dates.forEach((date, day) => {
      const weekday = (day % 7) + 1;
      for (const a of availability.filter((x) => x.onDate === date || (x.onDate === null && x.weekday === weekday))) {
        if (a.kind === 'unavailable') {
          const whole = a.startTime === '00:00' && a.endTime === '24:00';
          agent.unavailable!.push(
            whole ? { day } : { day, fromMinutes: clockMinutes(a.startTime), toMinutes: clockMinutes(a.endTime) },
          );
        } else if (day < week.days) {
          agent.requests!.push({
            day,
            kind: a.kind === 'prefers_on' ? 'on' : 'off',
            weight: a.weight * REQUEST_WEIGHT,
          });
        }
      }
    });
    return agent;
  }

  private locks(
    body: CreateRosterBody,
    week: RosterWeek,
    agentIds: Set<string>,
    byCode: Map<string, ShiftTemplate>,
  ): LockedAssignment[] {
    return body.locked.map((l, i) => {
      if (!agentIds.has(l.agentId))
        throw RosterProblems.lockedAgentNotRostered.at(`locked.${i}.agentId`, { field: `locked.${i}.agentId` });
      const day = week.dayOf(l.date);
      if (day < 0)
        throw RosterProblems.dateOutsideWeek.at(`locked.${i}.date`, {
          date: l.date,
          from: week.dates[0],
          to: week.dates[week.days - 1],
        });
      if (l.shiftTemplate !== null && !byCode.has(l.shiftTemplate))
        throw RosterProblems.unknownTemplate.at(`locked.${i}.shiftTemplate`, { template: l.shiftTemplate });
      return {
        agentId: l.agentId,
        day,
        shiftTypeId: l.shiftTemplate === null ? null : byCode.get(l.shiftTemplate)!.id,
      };
    });
  }

  private dayCover(body: CreateRosterBody, byCode: Map<string, ShiftTemplate>): DayCover[] {
    return (body.dayCover ?? []).flatMap((c, i) => {
      const template = byCode.get(c.shiftTemplate);
      if (!template)
        throw RosterProblems.unknownTemplate.at(`dayCover.${i}.shiftTemplate`, { template: c.shiftTemplate });
      const weekdays = c.weekdays ?? [1, 2, 3, 4, 5, 6, 7];
      return weekdays.map((w) => ({
        day: w - 1,
        shiftTypeId: template.id,
        ...(c.skill ? { skill: c.skill } : {}),
        required: c.required,
        underWeight: c.underWeight,
        overWeight: c.overWeight,
      }));
    });
  }
}
