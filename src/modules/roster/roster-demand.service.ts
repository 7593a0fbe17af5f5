import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { fillText, type Text } from 'src/platform/i18n/locale';
import { RosterProblems } from './roster.problems';
import { RosterTexts } from './roster.texts';
import { say } from 'src/platform/i18n/request-locale';
import { ForecastService } from 'src/modules/forecast/forecast.service';
import { QueueService } from 'src/modules/queues/queue.service';
import { StaffingService } from 'src/modules/staffing/staffing.service';
import { RosterWeek } from './roster-week';
import { addDays } from 'src/platform/time/calendar-date';
import { RosterInputReads } from './roster-input.reads';
import type { SlotDemand } from './solver';

/** Per agent-slot short or over: a slot short costs ten times a slot over. */
export const SLOT_UNDER_WEIGHT = 10;
export const SLOT_OVER_WEIGHT = 1;
const ANY_SKILL = '';

/**
 * Required agents per slot and skill for a week, from staffing: the newest completed forecast of
 * each active real-time queue that covers the week, staffed by the staffing module (its Erlang
 * models, shrinkage and chat concurrency), summed per required skill.
 */
@Injectable()
export class RosterDemandService {
  constructor(
    private readonly queues: QueueService,
    private readonly forecasts: ForecastService,
    private readonly staffing: StaffingService,
    private readonly input: RosterInputReads,
  ) {}

  async slotDemand(
    actor: Actor,
    week: RosterWeek,
    slotMinutes: number,
    skillsHeld: Set<string>,
  ): Promise<{ demand: SlotDemand[]; warnings: Text[] }> {
    const warnings: Text[] = [];
    const [skillCodes, skillNames] = await Promise.all([
      this.input.skillCodes(actor.shopId),
      this.input.skillNames(actor.shopId),
    ]);
    const lastDate = addDays(week.weekStart, week.days - 1);
    const from = week.midnight(0).toUTC().toISO()!;
    const to = week.midnight(week.days).toUTC().toISO()!;
    const bySkill = new Map<string, number[][]>();
    const queues = (await this.queues.list(actor)).filter((q) => q.active && q.kind === 'realtime');
    for (const queue of queues) {
      const skill = queue.requiredSkillId ? (skillCodes.get(queue.requiredSkillId) ?? ANY_SKILL) : ANY_SKILL;
      if (skill !== ANY_SKILL && !skillsHeld.has(skill)) {
        warnings.push(
          fillText(RosterTexts.queueSkillNotHeld, { queue: queue.name, skill: skillNames.get(skill) ?? skill }),
        );
        continue;
      }
      const versions = await this.forecasts.list(actor, {
        queueId: queue.id,
        status: 'completed',
        limit: 100,
        offset: 0,
      });
      const forecast = versions.items.find((v) => v.fromDate <= week.weekStart && v.toDate >= lastDate);
      if (!forecast) {
        warnings.push(
          fillText(RosterTexts.queueWithoutForecast, { queue: queue.name, from: week.weekStart, to: lastDate }),
        );
        continue;
      }
      const requirements = await this.staffing.requirements(actor, { forecast: forecast.id, from, to });
      const grid =
        bySkill.get(skill) ??
        week.dates.map((_, d) => new Array<number>(Math.round(week.dayMinutes(d) / slotMinutes)).fill(0));
      for (const item of requirements.items as { start: string; positions: number }[]) {
        const at = new Date(item.start);
        const day = week.dates.findIndex(
          (_, d) => at >= week.midnight(d).toJSDate() && at < week.midnight(d + 1).toJSDate(),
        );
        if (day < 0) continue;
        const slot = Math.floor((at.getTime() - week.midnight(day).toMillis()) / (slotMinutes * 60_000));
        if (slot < grid[day].length) grid[day][slot] += item.positions;
      }
      bySkill.set(skill, grid);
    }
    if (bySkill.size === 0) {
      const reasons = warnings.length ? warnings : [RosterTexts.noRealtimeQueue];
      throw RosterProblems.noDemand({ week: week.weekStart, reasons }, { extra: { warnings: reasons.map(say) } });
    }
    const demand = [...bySkill].map(([skill, requiredAgents]) => ({
      ...(skill === ANY_SKILL ? {} : { skill }),
      requiredAgents,
      underWeight: SLOT_UNDER_WEIGHT,
      overWeight: SLOT_OVER_WEIGHT,
    }));
    return { demand, warnings };
  }
}
